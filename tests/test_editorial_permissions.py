"""The permission matrix: each role × each editorial action, on pages and on snippets.

Every cell is tried through the admin as a user would (a POST to the real view) and judged by
its effect on the content, not by the status code alone: allowed means it happened, denied
means nothing changed.
"""

from django.urls import reverse

from wagtail.models import Page, TaskState, WorkflowState

import pytest

from home.models import TopicPage
from partners.models import Partner
from tests.factories import PartnerFactory
from tests.helpers import (
    edit_url,
    partner_form,
    partner_url,
    section_de,
    topic_form,
    topic_page,
    workflow_action,
)

pytestmark = pytest.mark.django_db

ROLES = ("editor", "approver", "translator", "administrator")
ACTIONS = ("create", "edit", "submit", "approve", "reject", "publish", "unpublish", "delete")

# Y = allowed, - = denied. Columns in the order of ROLES.
PAGE_MATRIX = {
    "create": "YY-Y",
    "edit": "YY-Y",
    "submit": "YY-Y",
    "approve": "-Y--",
    "reject": "-Y--",
    "publish": "---Y",
    "unpublish": "-Y-Y",
    "delete": "-Y-Y",
}
SNIPPET_MATRIX = PAGE_MATRIX


def cells(matrix):
    return [
        pytest.param(role, action, allowed == "Y", id=f"{role}-{action}")
        for action, row in matrix.items()
        for role, allowed in zip(ROLES, row, strict=True)
    ]


def submitted_by_editor(obj, editor):
    """The object with a change by the editor, submitted for approval."""
    obj.save_revision(user=editor)
    obj.get_workflow().start(obj, editor)
    return obj


# Pages ---------------------------------------------------------------------------------------


def page_create(client, page, users):
    url = reverse("wagtailadmin_pages:add", args=["home", "topicpage", section_de().pk])
    form = topic_form(page, "Neu.", title="Ganz neue Seite", slug="ganz-neue-seite")
    client.post(url, form)
    return TopicPage.objects.filter(slug="ganz-neue-seite").exists()


def page_edit(client, page, users):
    client.post(edit_url(page), topic_form(page, "Bearbeitet."))
    latest = Page.objects.get(pk=page.pk).specific.get_latest_revision_as_object()
    return latest.lead == "Bearbeitet."


def page_submit(client, page, users):
    client.post(edit_url(page), {**topic_form(page, "Eingereicht."), "action-submit": "on"})
    state = page.current_workflow_state
    return state is not None and state.status == WorkflowState.STATUS_IN_PROGRESS


def page_approve(client, page, users):
    page.lead = "Zur Freigabe."
    submitted_by_editor(page, users["editor"])
    workflow_action(client, page, "approve")
    return Page.objects.get(pk=page.pk).specific.lead == "Zur Freigabe."


def page_reject(client, page, users):
    submitted_by_editor(page, users["editor"])
    workflow_action(client, page, "reject", comment="Nein.")
    return TaskState.objects.filter(
        workflow_state__object_id=str(page.pk), status=TaskState.STATUS_REJECTED
    ).exists()


def page_publish(client, page, users):
    client.post(edit_url(page), {**topic_form(page, "Direkt."), "action-publish": "on"})
    return Page.objects.get(pk=page.pk).specific.lead == "Direkt."


def page_unpublish(client, page, users):
    client.post(reverse("wagtailadmin_pages:unpublish", args=[page.pk]))
    return not Page.objects.get(pk=page.pk).live


def page_delete(client, page, users):
    client.post(reverse("wagtailadmin_pages:delete", args=[page.pk]))
    return not Page.objects.filter(pk=page.pk).exists()


PAGE_ACTIONS = {name: globals()[f"page_{name}"] for name in ACTIONS}


@pytest.mark.parametrize(("role", "action", "allowed"), cells(PAGE_MATRIX))
def test_page_permissions(seeded, client, role_users, role, action, allowed):
    page = topic_page()
    client.force_login(role_users[role])
    assert PAGE_ACTIONS[action](client, page, role_users) is allowed


@pytest.mark.parametrize(
    ("role", "allowed"),
    [("editor", False), ("approver", True), ("translator", True), ("administrator", True)],
)
def test_english_tree_is_the_translators(seeded, client, role_users, role, allowed):
    """Translators edit in the English tree only; editors work in the German one."""
    page = TopicPage.objects.get(locale__language_code="en", slug="intercultural-opening")
    client.force_login(role_users[role])
    response = client.get(edit_url(page))
    assert (response.status_code == 200) is allowed


# Snippets (partners; contact persons share the same rights) --------------------------------


def snippet_create(client, partner, users):
    client.post(partner_url("add"), partner_form(name="Ganz neuer Partner"))
    return Partner.objects.filter(name="Ganz neuer Partner").exists()


def snippet_edit(client, partner, users):
    client.post(partner_url("edit", partner.pk), partner_form(place="Bonn"))
    return Partner.objects.get(pk=partner.pk).get_latest_revision_as_object().place == "Bonn"


def snippet_submit(client, partner, users):
    client.post(partner_url("edit", partner.pk), {**partner_form(), "action-submit": "on"})
    state = partner.current_workflow_state
    return state is not None and state.status == WorkflowState.STATUS_IN_PROGRESS


def snippet_approve(client, partner, users):
    partner.place = "Bielefeld"
    submitted_by_editor(partner, users["editor"])
    workflow_action(client, partner, "approve")
    return Partner.objects.get(pk=partner.pk).place == "Bielefeld"


def snippet_reject(client, partner, users):
    submitted_by_editor(partner, users["editor"])
    workflow_action(client, partner, "reject", comment="Nein.")
    return TaskState.objects.filter(
        workflow_state__object_id=str(partner.pk), status=TaskState.STATUS_REJECTED
    ).exists()


def snippet_publish(client, partner, users):
    client.post(
        partner_url("edit", partner.pk), {**partner_form(place="Aachen"), "action-publish": "on"}
    )
    return Partner.objects.get(pk=partner.pk).place == "Aachen"


def snippet_unpublish(client, partner, users):
    client.post(partner_url("unpublish", partner.pk))
    return not Partner.objects.get(pk=partner.pk).live


def snippet_delete(client, partner, users):
    client.post(partner_url("delete", partner.pk))
    return not Partner.objects.filter(pk=partner.pk).exists()


SNIPPET_ACTIONS = {name: globals()[f"snippet_{name}"] for name in ACTIONS}


@pytest.mark.parametrize(("role", "action", "allowed"), cells(SNIPPET_MATRIX))
def test_partner_permissions(seeded, client, role_users, role, action, allowed):
    partner = PartnerFactory(name="Partner im Test", kind="verband", place="Köln")
    partner.save_revision().publish()
    partner.refresh_from_db()
    client.force_login(role_users[role])
    assert SNIPPET_ACTIONS[action](client, partner, role_users) is allowed


def test_anonymous_visitors_cannot_reach_the_admin(seeded, client):
    page = topic_page()
    for url in (edit_url(page), partner_url("add"), "/admin/"):
        response = client.get(url)
        assert response.status_code == 302
        assert response["Location"].startswith("/admin/login/")
