"""Admin hooks of the editorial rules beyond publishing: deleting, copying, stale edit forms,
the dashboard per role, and the request for changes shown on top of the edit form
(`feedback`).

The refusing hooks answer with a German message and send the user back; the rules
themselves live in `deletion`, `publishing` and `stale_edits`. Wagtail's admin views call
their actions directly, not through the action registry, so the API's refusing actions
(`actions`) do not cover them: the hooks do.
"""

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.models import Page

from .dashboard import arrange_panels
from .deletion import DELETE_REFUSED, may_delete
from .feedback import show_changes_request
from .publishing import LIVE_COPY_REFUSED, requires_approval, would_go_live
from .stale_edits import STALE_EDIT_KEPT, refuse_stale_form


@hooks.register("register_log_actions")
def register_stale_edit_log_action(actions):
    actions.register_action(
        STALE_EDIT_KEPT,
        _("Veraltete Fassung aufbewahrt"),
        _("Eingaben aus einem veralteten Formular als eigene Version aufbewahrt, nicht übernommen"),
    )


@hooks.register("construct_homepage_panels")
def role_dashboard(request, panels):
    """The dashboard per role (`portal.editorial.dashboard`)."""
    arrange_panels(request, panels)


@hooks.register("before_delete_page")
def refuse_page_delete(request, page):
    if may_delete(request.user, page):
        return None
    messages.error(request, DELETE_REFUSED)
    return redirect("wagtailadmin_pages:edit", page.pk)


def offers_refused_delete(button, page, user):
    """Whether `button` is Wagtail's "Löschen" for `page` and the portal would refuse it."""
    delete_url = reverse("wagtailadmin_pages:delete", args=[page.pk])
    leads_to_delete = (button.url or "").split("?")[0] == delete_url
    return leads_to_delete and not may_delete(user, page)


@hooks.register("construct_page_listing_buttons")
def hide_refused_page_delete(buttons, page, user, context=None):
    """The listing's "…" menu offers "Löschen" only where `may_delete` allows it."""
    for button in buttons:
        if getattr(button, "dropdown_buttons", None):
            button.dropdown_buttons = [
                each
                for each in button.dropdown_buttons
                if not offers_refused_delete(each, page, user)
            ]


@hooks.register("before_bulk_action")
def refuse_bulk_page_delete(request, action_type, objects, action_class_instance):
    pages = [obj for obj in objects if isinstance(obj, Page)]
    if action_type != "delete" or all(may_delete(request.user, page) for page in pages):
        return None
    messages.error(request, DELETE_REFUSED)
    return redirect("wagtailadmin_explore_root")


def copy_goes_live(request, page):
    """Whether the copy form asks for a live copy or an alias of live content."""
    recursive = bool(request.POST.get("copy_subpages"))
    wants_live = request.POST.get("publish_copies") or request.POST.get("alias")
    return bool(wants_live) and would_go_live(page, recursive)


@hooks.register("before_copy_page")
def refuse_live_copy(request, page):
    """Live copies ("Kopien veröffentlichen") and aliases of live pages skip approval."""
    if request.method != "POST" or not copy_goes_live(request, page):
        return None
    if not requires_approval(page.specific, request.user):
        return None
    messages.error(request, LIVE_COPY_REFUSED)
    return redirect(reverse("wagtailadmin_pages:copy", args=[page.pk]))


@hooks.register("before_edit_page", order=-20)
def refuse_stale_page_form(request, page):
    return refuse_stale_form(request, page)


@hooks.register("before_edit_snippet", order=-20)
def refuse_stale_snippet_form(request, instance):
    return refuse_stale_form(request, instance)


@hooks.register("before_edit_page")
def show_page_changes_request(request, page):
    show_changes_request(request, page)


@hooks.register("before_edit_snippet")
def show_snippet_changes_request(request, instance):
    show_changes_request(request, instance)
