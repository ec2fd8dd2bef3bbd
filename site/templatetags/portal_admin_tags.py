"""Admin template tags: the bulk action buttons a role is offered, the approval's words.

Bulk actions: Wagtail's bulk action buttons without those the user's role is not offered.

Upstream limitation (Wagtail 8.0): its `bulk_action_choices` tag lists every registered
action for every user (the action checks permissions only when it runs).
`wagtailadmin/bulk_actions/footer.html` (the portal's copy) calls this tag instead; both can go
when Wagtail asks the actions whether to show them. No upstream issue yet as of 2026-12; to
file against wagtail/wagtail: "Bulk action footer offers actions the user may not perform".
Canary: `test_upstream_bulk_action_choices_ignore_the_user`.
"""

from django import template
from django.apps import apps
from django.urls import reverse

from wagtail.admin.templatetags.wagtailadmin_tags import bulk_action_choices
from wagtail.admin.views.bulk_action.registry import bulk_action_registry

from portal.editorial.bulk_actions import is_offered
from portal.editorial.feedback import (
    action_intro,
    changes_request,
    changes_requested_line,
    status_label,
)

register = template.Library()


def refused_urls(user, app_label, model_name):
    actions = bulk_action_registry.get_bulk_actions_for_model(app_label, model_name)
    model = apps.get_model(app_label, model_name)
    return {
        reverse("wagtail_bulk_action", args=[app_label, model_name, action.action_type])
        for action in actions
        if not is_offered(action, user, model)
    }


def without(buttons, urls):
    """The buttons (and those in a "More" dropdown) not leading to `urls`."""
    kept = []
    for button in buttons:
        if hasattr(button, "dropdown_buttons"):
            button.dropdown_buttons = without(button.dropdown_buttons, urls)
            if not button.dropdown_buttons:
                continue
        if button.url not in urls:
            kept.append(button)
    return kept


@register.inclusion_tag("wagtailadmin/shared/buttons.html", takes_context=True)
def portal_bulk_action_choices(context, app_label, model_name):
    choices = bulk_action_choices(context, app_label, model_name)
    urls = refused_urls(context["request"].user, app_label, model_name)
    return {**choices, "buttons": without(choices["buttons"], urls)}


@register.simple_tag
def workflow_action_intro(obj, action_name):
    """The sentence on top of the approval dialog (`portal.editorial.feedback.action_intro`)."""
    return action_intro(obj, action_name)


@register.simple_tag
def workflow_status_label(workflow_state):
    """ "In Freigabe" or "Änderungen angefordert" for the status side panel."""
    return status_label(workflow_state)


@register.simple_tag
def changes_requested_by(workflow_state):
    """Who asked for changes and when, for the status side panel; "" while in review."""
    task_state = changes_request(workflow_state.content_object)
    if task_state is None:
        return ""
    return changes_requested_line(task_state)


# Wagtail's icon for a page wherever it has no other (its page header, its explorer rows).
PAGE_ICON = "doc-empty-inverse"


@register.simple_tag
def page_type_icon(app_label, model_name):
    """The icon of a page type in the list of types to create: its `admin_icon`.

    Upstream limitation (Wagtail 8.0): page models have no icon of their own, and the list
    shows the same "+" for every type; the portal's copy of `wagtailadmin/pages/
    add_subpage.html` asks this tag instead. Canary: `test_upstream_page_types_share_one_icon`.
    """
    return getattr(apps.get_model(app_label, model_name), "admin_icon", PAGE_ICON)
