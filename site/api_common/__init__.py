"""What page models, blocks and the sections' API endpoints share to answer in JSON.

Typed schemas (`schemas`), plain-data representations of images, documents, links and
contact persons (`representations`), the API fields built on them (`fields`) and list
pagination (`pagination`). The bottom layer: it imports no section; `portal.api` mounts the
endpoints the sections register.
"""

# A section's `wagtail_hooks.py` offers its endpoints with this hook: the function returns
# the path prefix under `/api/v3/` and a Ninja router, e.g. `("/partners/", router)`.
API_ROUTER_HOOK = "register_api_router"
