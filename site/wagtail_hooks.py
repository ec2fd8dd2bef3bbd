from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from portal.editorial.publishing import PUBLISH_WITHOUT_APPROVAL, has_workflow, is_administrator
from portal.models import PublisherDetails

DIRECT_PUBLISH_REFUSED = _(
    "Veröffentlicht wird über den Workflow „Redaktionelle Freigabe“: bitte zur Freigabe "
    "einreichen. Direkt veröffentlichen darf nur die Administration."
)


class PublisherDetailsViewSet(SnippetViewSet):
    model = PublisherDetails
    icon = "site"
    menu_label = _("Herausgeber")
    list_display = ["name", "locale"]


register_snippet(PublisherDetailsViewSet)


@hooks.register("register_log_actions")
def register_editorial_log_actions(actions):
    actions.register_action(
        PUBLISH_WITHOUT_APPROVAL,
        _("Ohne Freigabe veröffentlicht"),
        _("Ohne Freigabe veröffentlicht"),
    )


def _without_direct_publish(menu_items, request, obj):
    """Approvers publish by approving: no "Publish" button on content under the workflow."""
    if obj is not None and has_workflow(obj) and not is_administrator(request.user):
        menu_items[:] = [item for item in menu_items if item.name != "action-publish"]


@hooks.register("construct_page_action_menu")
def hide_direct_page_publish(menu_items, request, context):
    _without_direct_publish(menu_items, request, context.get("page"))


@hooks.register("construct_snippet_action_menu")
def hide_direct_snippet_publish(menu_items, request, context):
    _without_direct_publish(menu_items, request, context.get("instance"))


def _refuse_direct_publish(request, obj, edit_url):
    """The admin's publish paths refuse what the hidden button would have done."""
    if has_workflow(obj) and not is_administrator(request.user):
        messages.error(request, DIRECT_PUBLISH_REFUSED)
        return redirect(edit_url)
    return None


@hooks.register("before_publish_page")
def refuse_direct_page_publish(request, page):
    return _refuse_direct_publish(request, page, reverse("wagtailadmin_pages:edit", args=[page.pk]))


@hooks.register("before_publish")
def refuse_direct_snippet_publish(request, obj):
    edit_url = AdminURLFinder(request.user).get_edit_url(obj) or reverse("wagtailadmin_home")
    return _refuse_direct_publish(request, obj, edit_url)


@hooks.register("before_bulk_action")
def refuse_bulk_publish(request, action_type, objects, action_class_instance):
    if action_type != "publish" or is_administrator(request.user):
        return None
    if any(has_workflow(obj) for obj in objects):
        messages.error(request, DIRECT_PUBLISH_REFUSED)
        return redirect(request.GET.get("next") or reverse("wagtailadmin_home"))
    return None
