"""Attaches the portal's routers to Wagtail's API v3; called from `PortalConfig.ready()`.

Ninja refuses new routers once the URLs were built, so this runs before `portal.urls`
is imported, and only once.
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
    """The schema is always published; the interactive docs only where configured."""
    if getattr(view, "func", None) is not openapi_view:
        return view

    @wraps(view)
    def gated(request, *args, **kwargs):
        if not settings.PORTAL_API_DOCS_ENABLED:
            raise Http404
        return view(request, *args, **kwargs)

    return gated


def attach_routers():
    from wagtail.api.v3.api import api
    from wagtail.locales.api.v3 import router as locales_router

    from . import admin, directory, openapi, press, preview, resolve

    if getattr(api, "_portal_routers_attached", False):
        return
    api.title = "chancen.nrw API"
    api.description = DESCRIPTION
    api.docs_decorator = gate_interactive_docs
    openapi.install(api)
    # wagtail_localize.locales replaces wagtail.locales, which would mount this router.
    api.add_router("/locales/", locales_router)
    api.add_router("/resolve/", resolve.router)
    api.add_router("/partners/", directory.router)
    api.add_router("/contact-persons/", directory.contacts_router)
    api.add_router("/press-releases/", press.router)
    api.add_router("/preview/", preview.router)
    admin.register()
    api._portal_routers_attached = True
