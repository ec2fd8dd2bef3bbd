"""The admin's "Headless-Vorschau": an editor opens the latest saved draft in the front end.

The button (page header and page listing menu) leads to a view that checks the editor may
edit the page, signs a preview token for the latest revision and redirects to the front
end's preview route (`PORTAL_HEADLESS_PREVIEW_URL?token=…`) or, without one, to the API's
preview answer. The link opens without a referrer, so the token does not travel on.
The button is offered only when `PORTAL_HEADLESS_PREVIEW_URL` names a front end: without
one the editor would land on the API's JSON (the view still answers so, for developers).
"""

from urllib.parse import urlencode

from django.conf import settings
from django.shortcuts import redirect
from django.urls import path
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.ui.menus.pages import PageMenuItem

from .preview import editable_page, preview_link


def headless_preview(request, page_id):
    page = editable_page(request.user, page_id)
    link = preview_link(request, page)
    if settings.PORTAL_HEADLESS_PREVIEW_URL:
        query = urlencode({"token": link["token"]})
        return redirect(f"{settings.PORTAL_HEADLESS_PREVIEW_URL}?{query}")
    return redirect(link["api_url"])


class HeadlessPreviewButton(PageMenuItem):
    label = _("Headless-Vorschau")
    icon_name = "view"
    url_name = "portal_headless_preview"
    link_rel = "noreferrer"
    priority = 5

    def is_shown(self, user):
        if not settings.PORTAL_HEADLESS_PREVIEW_URL:
            return False
        permissions = self.page.permissions_for_user(user)
        return not self.page.is_root() and (permissions.can_edit() or permissions.can_publish())


@hooks.register("register_admin_urls")
def register_headless_preview_url():
    name = HeadlessPreviewButton.url_name
    return [path("headless-preview/<int:page_id>/", headless_preview, name=name)]


@hooks.register("register_page_header_buttons")
def headless_preview_header_button(page, user, view_name, next_url=None):
    yield HeadlessPreviewButton(page=page)


@hooks.register("register_page_listing_more_buttons")
def headless_preview_listing_button(page, user, next_url=None):
    yield HeadlessPreviewButton(page=page)
