"""Helpers for the editorial tests: admin URLs and the form data of a topic page edit."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.urls import reverse

from wagtail.models import Page
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from home.models import SectionPage
from tests.factories import TopicPageFactory

TOPIC_SLUG = "arbeitsmarkt-im-blick"


def section_de():
    return SectionPage.objects.get(locale__language_code="de")


def topic_page(**kwargs):
    """A live German topic page under "Integration und Arbeit"."""
    defaults = {"title": "Arbeitsmarkt im Blick", "slug": TOPIC_SLUG, "lead": "Der alte Vorspann."}
    page = TopicPageFactory(parent=section_de(), **{**defaults, **kwargs})
    page.save_revision().publish()
    return Page.objects.get(pk=page.pk).specific


def topic_form(page, lead, **extra):
    """What the page editor posts for a topic page, with a new lead."""
    return nested_form_data(
        {
            "title": page.title,
            "slug": page.slug,
            "lead": lead,
            "body": streamfield([("paragraph", rich_text("<p>Text</p>"))]),
            "sidebar": streamfield([]),
            **extra,
        }
    )


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def submit(client, page, lead):
    """The editor's "Zur Freigabe einreichen" in the page editor."""
    return client.post(edit_url(page), {**topic_form(page, lead), "action-submit": "on"})


def workflow_action(client, obj, action, comment=""):
    """Approve or reject the running approval task, as the moderation dialog does."""
    task_state = obj.current_workflow_task_state
    if isinstance(obj, Page):
        url = reverse("wagtailadmin_pages:workflow_action", args=[obj.pk, action, task_state.pk])
    else:
        url = reverse(
            f"wagtailsnippets_{obj._meta.app_label}_{obj._meta.model_name}:workflow_action",
            args=[obj.pk, action, task_state.pk],
        )
    return client.post(url, {"comment": comment})


def second_editor():
    """Another member of Redaktion, next to `role_users["editor"]`."""
    from portal.editorial.roles import EDITORS

    user = get_user_model().objects.create_user(
        "zweite_redaktion", "zweite@example.org", "a-long-test-password"
    )
    user.groups.add(Group.objects.get(name=EDITORS))
    return user
