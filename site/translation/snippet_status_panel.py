"""The status panel of a snippet's translation editor links to the snippet's own history views.

wagtail-localize 1.14.5 (`wagtail_localize.views.edit_translation.edit_translation`) gives the
translation editor of a snippet Wagtail's plain `StatusSidePanel`, without the URLs that
Wagtail's snippet views hand to `SnippetStatusSidePanel`: `revisions_compare_url_name`,
`workflow_history_url` and `history_url`. While the English version of a partner or contact
person is in moderation, the panel's workflow dialog (`wagtailadmin/workflows/
workflow_status.html`) reverses the empty URL name for "Compare with previous version" and the
edit view fails with `NoReverseMatch: Reverse for '' not found` – for the translator right after
"Zur Freigabe einreichen" and for the approver who follows the link in the mail.

`install()` (called once from `portal.apps.PortalConfig.ready`) wraps
`StatusSidePanel.get_context_data`: for an object of a registered snippet viewset it supplies
the three URLs from that viewset where the panel's caller gave none. Wagtail's own snippet
views still set theirs (`SnippetStatusSidePanel` overwrites them from the view's context);
pages and other models are left alone.

Upstream defect (wagtail-localize 1.14.5). No upstream issue yet as of 2026-12; to file
against wagtail/wagtail-localize: "Snippet translation editor: workflow status dialog fails with
NoReverseMatch (StatusSidePanel without revisions_compare_url_name)". Delete this module and
its call in `portal.apps` when wagtail-localize builds the snippet panel with these URLs (or
uses `SnippetStatusSidePanel`); the canaries
`test_upstream_translation_editor_gives_snippets_the_plain_status_panel`
(tests/test_upstream_canaries.py) and `test_upstream_translation_editor_panel_lacks_snippet_urls`
(tests/test_admin_no_errors.py) fail then.
"""

from contextlib import suppress

from django.contrib.admin.utils import quote
from django.urls import NoReverseMatch, reverse

from wagtail.admin.ui.side_panels import StatusSidePanel


def snippet_urls(obj):
    """The history URLs of a saved snippet object, from its viewset; {} for anything else."""
    viewset = getattr(obj, "snippet_viewset", None)
    if viewset is None or obj.pk is None:
        return {}
    urls = {}
    names = {"history_url": "history", "workflow_history_url": "workflow_history"}
    for key, view_name in names.items():
        with suppress(NoReverseMatch):  # the model has no history or no workflow
            urls[key] = reverse(viewset.get_url_name(view_name), args=[quote(obj.pk)])
    if getattr(viewset, "revision_enabled", False):
        urls["revisions_compare_url_name"] = viewset.get_url_name("revisions_compare")
    return urls


def install():
    """Make `StatusSidePanel` fill in a snippet's URLs; calling it twice changes nothing."""
    if getattr(StatusSidePanel, "fills_snippet_urls", False):
        return
    get_context_data = StatusSidePanel.get_context_data

    def get_context_data_with_snippet_urls(self, parent_context):
        context = get_context_data(self, parent_context)
        for key, value in snippet_urls(self.object).items():
            if not context.get(key):
                context[key] = value
        return context

    StatusSidePanel.get_context_data = get_context_data_with_snippet_urls
    StatusSidePanel.fills_snippet_urls = True
