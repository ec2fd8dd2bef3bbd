"""The portal app's admin hooks: snippets of the bottom layer, the editorial rules, logins
and translation. Each concern keeps its hooks in its own module, imported here."""

from django.contrib import messages
from django.db import models
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.models import DraftStateMixin, Page
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from portal import (
    form_privacy,  # noqa: F401  (registers its hook)
    handbook,  # noqa: F401  (Hilfe: the editors' handbook)
)
from portal.api import admin as api_admin_hooks  # noqa: F401  (headless preview)
from portal.choosers import LocaleAwareSnippetChooserViewSet
from portal.contacts import ContactPerson
from portal.editorial import (
    actions,
    bulk_actions,  # noqa: F401  (page bulk actions offered per role)
    file_hooks,  # noqa: F401
)
from portal.editorial import admin_hooks as editorial_hooks  # noqa: F401  (deletion, copies)
from portal.editorial.publishing import (
    DIRECT_PUBLISH_REFUSED,
    PUBLISH_WITHOUT_APPROVAL,
    requires_approval,
)
from portal.logins import admin_hooks as login_hooks  # noqa: F401  (second factor)
from portal.publisher import PublisherDetails
from portal.translation import admin_hooks as translation_admin_hooks  # noqa: F401
from portal.translation import aliases, review_hooks  # noqa: F401


class PublisherDetailsViewSet(SnippetViewSet):
    model = PublisherDetails
    icon = "site"
    menu_label = _("Herausgeber")
    list_display = ["name", "locale"]


register_snippet(PublisherDetailsViewSet)


class ContactPersonViewSet(SnippetViewSet):
    model = ContactPerson
    chooser_viewset_class = LocaleAwareSnippetChooserViewSet
    icon = "user"
    menu_label = _("Kontaktpersonen")
    menu_order = 300
    add_to_admin_menu = True
    list_display = ["name", "role", "unit", "email"]
    search_fields = ["name", "unit"]
    list_export = ["name", "role", "unit", "phone", "email"]


register_snippet(ContactPersonViewSet)


@hooks.register("register_log_actions")
def register_editorial_log_actions(actions):
    actions.register_action(
        PUBLISH_WITHOUT_APPROVAL,
        _("Ohne Freigabe veröffentlicht"),
        _("Ohne Freigabe veröffentlicht"),
    )


def _without_direct_publish(menu_items, request, obj):
    """Approvers publish by approving: no "Publish" button on content under the workflow."""
    if obj is not None and requires_approval(obj, request.user):
        menu_items[:] = [item for item in menu_items if item.name != "action-publish"]


@hooks.register("construct_page_action_menu")
def hide_direct_page_publish(menu_items, request, context):
    _without_direct_publish(menu_items, request, context.get("page"))


@hooks.register("construct_snippet_action_menu")
def hide_direct_snippet_publish(menu_items, request, context):
    _without_direct_publish(menu_items, request, context.get("instance"))


def _refuse_direct_publish(request, obj, edit_url):
    """The admin's publish paths refuse what the hidden button would have done."""
    if requires_approval(obj, request.user):
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
    if action_type == "publish" and any(requires_approval(obj, request.user) for obj in objects):
        messages.error(request, DIRECT_PUBLISH_REFUSED)
        return redirect("wagtailadmin_explore_root")
    return None


@hooks.register("register_actions")
def register_publish_actions(registry):
    """The API publishes, copies and deletes through these: no release that skipped the
    approval, no deletion beyond `portal.editorial.deletion`."""
    registry.register(Page, actions.PortalPublishPageRevisionAction)
    registry.register(Page, actions.PortalCreatePageAction)
    registry.register(Page, actions.PortalEditPageAction)
    registry.register(DraftStateMixin, actions.PortalPublishRevisionAction)
    registry.register(models.Model, actions.PortalCreateAction)
    registry.register(models.Model, actions.PortalEditAction)
    registry.register(Page, actions.PortalDeletePageAction)
    registry.register(Page, actions.PortalCopyPageAction)
    registry.register(Page, actions.PortalCreatePageAliasAction)
    registry.register(Page, actions.PortalCopyPageForTranslationAction)
