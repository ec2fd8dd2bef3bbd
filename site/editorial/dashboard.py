"""The dashboard per role: what each editorial group has to do when it logs in.

- Redaktion: "Änderungen angefordert" (sent back, with the approver's comment), "Meine Entwürfe",
  "Meine Einreichungen" (with their state; replaces Wagtail's "Your pages and snippets in a
  workflow"), then Wagtail's recent edits.
- Freigabe: "Wartet auf Ihre Freigabe", oldest first, with who submitted and since when and
  the approve / request-changes menu (replaces Wagtail's "Awaiting your review", which asks a
  few queries per row and shows the newest first).
- Übersetzung: "Übersetzungen" (`portal.translation.dashboard`), and, as they submit English
  versions, "Änderungen angefordert" and "Meine Einreichungen".
- Administration (and superusers): "Ohne Freigabe veröffentlicht" this month.

A member of several groups sees the panels of each. Every panel shows, even when there is
nothing in it ("Nichts zu tun."), so that an empty dashboard says so. Wagtail's "Your locked
pages" stays for everyone; users in none of the groups keep Wagtail's own dashboard.
"""

from django.utils.translation import gettext_lazy as _

from wagtail.admin.ui.components import Component
from wagtail.admin.views.home import (
    RecentEditsPanel,
    UserObjectsInWorkflowModerationPanel,
    WorkflowObjectsToModeratePanel,
)

from . import worklists
from .roles import ADMINISTRATION, APPROVERS, EDITORS, TRANSLATORS

DATE_FORMAT = "d.m.Y, H:i"  # German, whatever the admin language: 05.03.2027, 14:30


class WorklistPanel(Component):
    """A dashboard panel: a heading and a table of rows, or "Nichts zu tun."."""

    template_name = "portal/dashboard/worklist.html"
    name = ""
    heading = ""
    columns = ()  # headings of the table, besides the title
    row_template = ""

    order = 200

    def get_rows(self, request):
        """The rows to show, and how many there are in all (more than shown past the limit)."""
        raise NotImplementedError

    def get_context_data(self, parent_context):
        request = parent_context["request"]
        rows, total = self.get_rows(request)
        return {
            "request": request,
            "csrf_token": parent_context.get("csrf_token", ""),
            "panel_id": self.name.replace("_", "-"),
            "heading": f"{self.heading} ({total})" if total else self.heading,
            "columns": self.columns,
            "rows": rows,
            "more": max(total - len(rows), 0),
            "row_template": self.row_template,
            "date_format": DATE_FORMAT,
            "link_url": "",
            "link_label": "",
            "moderation_script": False,
            **self.get_extra_context(request),
        }

    def get_extra_context(self, request):
        return {}


def counted(rows):
    return rows, len(rows)


class SentBackPanel(WorklistPanel):
    name = "portal_sent_back"
    order = 100
    heading = _("Änderungen angefordert")
    columns = (_("Typ"), _("Sprache"), _("Angefordert von"), _("Am"), _("Kommentar"))
    row_template = "portal/dashboard/rows/sent_back.html"

    def get_rows(self, request):
        return counted(worklists.sent_back_to(request.user))


class MyDraftsPanel(WorklistPanel):
    name = "portal_my_drafts"
    order = 110
    heading = _("Meine Entwürfe")
    columns = (_("Typ"), _("Sprache"), _("Stand"), _("Zuletzt gespeichert"))
    row_template = "portal/dashboard/rows/draft.html"

    def get_rows(self, request):
        return counted(worklists.my_drafts(request.user))


class MySubmissionsPanel(WorklistPanel):
    """Wagtail's "Your pages and snippets in a workflow", with finished submissions too and
    the state of each: in review, sent back, approved, withdrawn."""

    name = "portal_my_submissions"
    order = 120
    heading = _("Meine Einreichungen")
    columns = (_("Typ"), _("Sprache"), _("Stand"), _("Eingereicht am"))
    row_template = "portal/dashboard/rows/submission.html"

    def get_rows(self, request):
        return counted(worklists.my_submissions(request.user))


class AwaitingReviewPanel(WorklistPanel):
    """Wagtail's "Awaiting your review", oldest first, with the same moderation menu."""

    name = "portal_awaiting_review"
    order = 90
    heading = _("Wartet auf Ihre Freigabe")
    columns = (_("Typ"), _("Sprache"), _("Eingereicht von"), _("Wartet seit"), _("Aktionen"))
    row_template = "portal/dashboard/rows/review.html"

    def get_rows(self, request):
        return worklists.awaiting_review(request.user)

    def get_extra_context(self, request):
        return {"moderation_script": True}


class PublishedWithoutApprovalPanel(WorklistPanel):
    name = "portal_published_without_approval"
    order = 80
    heading = _("Ohne Freigabe veröffentlicht (dieser Monat)")
    columns = (_("Typ"), _("Sprache"), _("Veröffentlicht von"), _("Am"))
    row_template = "portal/dashboard/rows/published.html"

    def get_rows(self, request):
        return counted(worklists.published_without_approval())


# Panels by group; Wagtail's panels that a portal panel replaces, by name.
ROLE_PANELS = {
    EDITORS: (SentBackPanel, MyDraftsPanel, MySubmissionsPanel),
    APPROVERS: (AwaitingReviewPanel,),
    TRANSLATORS: (SentBackPanel, MySubmissionsPanel),
    ADMINISTRATION: (PublishedWithoutApprovalPanel,),
}
REPLACED = {UserObjectsInWorkflowModerationPanel.name, WorkflowObjectsToModeratePanel.name}
WRITERS = {EDITORS, TRANSLATORS}  # keep Wagtail's "Your most recent edits"


def user_roles(user):
    roles = set(user.groups.filter(name__in=ROLE_PANELS).values_list("name", flat=True))
    if user.is_superuser:
        roles.add(ADMINISTRATION)
    return roles


def arrange_panels(request, panels):
    """Wagtail's `construct_homepage_panels`: the panels of the user's roles."""
    roles = user_roles(request.user)
    if not roles:
        return
    wanted = []
    for role in sorted(roles):
        wanted += [panel for panel in ROLE_PANELS[role] if panel not in wanted]
    unwanted = set(REPLACED)
    if not roles & WRITERS:
        unwanted.add(RecentEditsPanel.name)
    panels[:] = [panel for panel in panels if panel.name not in unwanted]
    panels += [panel_class() for panel_class in wanted]
