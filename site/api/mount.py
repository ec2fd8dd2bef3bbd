"""Attaches the portal's routers to Wagtail's API v3; called by `portal.urls`.

The sections offer their endpoints through the `register_api_router` hook
(`portal.api_common.API_ROUTER_HOOK`): each hook returns a path prefix and a Ninja router.
Ninja refuses new routers once the URLs were built, so this runs in `portal.urls` before
the API's URLs are built, and only once.
"""

from functools import wraps

from django.conf import settings
from django.http import Http404

from ninja.openapi.views import openapi_view

DESCRIPTION = (
    "Every piece of public content of chancen.nrw as JSON: pages of every type in German "
    "and English, documents, images, partners, press releases and contact persons. "
    "Anonymous requests see live, public content only. Write endpoints and `/snippets/`, "
    "`/locales/`, `/sites/` need `Authorization: Bearer <API token>`."
)


def gate_interactive_docs(view):
    """Wagtail's `WAGTAILAPI_DOCS_ENABLED` gates the interactive docs; the schema, which front
    ends generate their clients from, stays published (Wagtail would hide both)."""
    if getattr(view, "func", None) is not openapi_view:
        return view

    @wraps(view)
    def gated(request, *args, **kwargs):
        if not settings.WAGTAILAPI_DOCS_ENABLED:
            raise Http404
        return view(request, *args, **kwargs)

    return gated


def attach_routers():
    from wagtail import hooks
    from wagtail.api.v3.api import api
    from wagtail.locales.api.v3 import router as locales_router

    from portal.api_common import API_ROUTER_HOOK

    from . import contacts, openapi, preview, resolve

    if getattr(api, "_portal_routers_attached", False):
        return
    api.title = "chancen.nrw API"
    api.description = DESCRIPTION
    api.docs_decorator = gate_interactive_docs
    openapi.install(api)
    # wagtail_localize.locales replaces wagtail.locales, which would mount this router.
    api.add_router("/locales/", locales_router)
    api.add_router("/resolve/", resolve.router)
    api.add_router("/contact-persons/", contacts.router)
    api.add_router("/preview/", preview.router)
    for hook in hooks.get_hooks(API_ROUTER_HOOK):
        api.add_router(*hook())
    api._portal_routers_attached = True
