"""wagtail-localize's "Convert to alias page": Administration only, and recorded.

Converting a translation back into an alias makes the English page a copy of the German one:
live at once if the German page is live, German text under `/en/…`, no approval, and
wagtail-localize asks only for edit permission, which translators have. Here the view
answers 403 to everyone but Administration, the page editor's menu item and the translation
editor's menu entry are hidden from them, and Administration's conversion of a live page is
recorded as "Ohne Freigabe veröffentlicht" and mailed to the approvers (from the
"wagtail_localize.convert_to_alias" log entry, `portal.editorial.publishing`).

Upstream workaround (wagtail-localize 1.14): it has no setting or permission for who may
convert (`wagtail_localize.views.convert.convert_to_alias` asks only `can_edit()`; the feature
came with https://github.com/wagtail/wagtail-localize/pull/515). No upstream issue yet as of
2026-12; to file against wagtail/wagtail-localize: "A permission (or setting) for 'Convert to
alias page'". Delete this module when it has one; `ALIAS_MENU_NAME` and the
`convertToAliasUrl` prop are its names; the canary
`test_upstream_convert_to_alias_needs_only_edit_permission` fails then.
"""

from django.core.exceptions import PermissionDenied
from django.urls import path, reverse

from wagtail import hooks
from wagtail_localize.models import Translation
from wagtail_localize.views import convert, edit_translation

from portal.editorial.publishing import is_administrator

ALIAS_MENU_NAME = "localize-convert-to-alias"


def convert_to_alias(request, page_id):
    """wagtail-localize's view, behind the portal's rule."""
    if not is_administrator(request.user):
        raise PermissionDenied
    return convert.convert_to_alias(request, page_id)


@hooks.register("register_admin_urls")
def register_convert_to_alias_url():
    # Takes the place of wagtail-localize's view at its own address: the portal's admin URLs
    # come first.
    return [path("localize/page/<int:page_id>/convert_to_alias/", convert_to_alias)]


@hooks.register("construct_page_action_menu")
def hide_convert_to_alias_menu_item(menu_items, request, context):
    if not is_administrator(request.user):
        menu_items[:] = [item for item in menu_items if item.name != ALIAS_MENU_NAME]


def without_convert_to_alias(response, page):
    """The translation editor's page with its "Convert to alias page" entry left out.

    The editor is a React app configured by JSON in an HTML attribute; its entry is shown
    when `convertToAliasUrl` is set.
    """
    url = reverse("wagtail_localize:convert_to_alias", args=[page.pk])
    offered = f"&quot;convertToAliasUrl&quot;: &quot;{url}&quot;"
    if response.status_code == 200 and offered.encode() in response.content:
        response.content = response.content.replace(
            offered.encode(), b"&quot;convertToAliasUrl&quot;: null"
        )
    return response


@hooks.register("before_edit_page", order=-5)
def translation_editor_without_alias(request, page):
    """Opens wagtail-localize's translation editor itself, to take out the alias entry.

    Runs just before wagtail-localize's own `before_edit_page`, which would open the same
    editor (and after the portal's stale-form and submit-instead-of-publish hooks). Only
    the GET that shows the editor: its POSTs stay with wagtail-localize.
    """
    if request.method != "GET" or is_administrator(request.user):
        return None
    translation = Translation.objects.filter(
        source__object_id=page.translation_key, target_locale_id=page.locale_id, enabled=True
    ).first()
    if translation is None or (page.alias_of_id and page.alias_of.locale_id != page.locale_id):
        return None
    response = edit_translation.edit_translation(request, translation, page)
    return without_convert_to_alias(response, page)
