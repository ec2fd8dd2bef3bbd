"""Workflow "Redaktionelle Freigabe": editor submits, approver releases or sends back."""

from django.core import mail
from django.urls import reverse

from wagtail.models import ModelLogEntry, Page, PageLogEntry, TaskState, WorkflowState

import pytest

from partners.models import Partner
from portal.editorial.publishing import PUBLISH_WITHOUT_APPROVAL
from tests.helpers import edit_url, submit, topic_form, topic_page, workflow_action

pytestmark = pytest.mark.django_db


def live_lead(page):
    return Page.objects.get(pk=page.pk).specific.lead


def test_editor_submits_approver_publishes_and_visitor_sees_it(seeded, client, role_users):
    page = topic_page()
    client.force_login(role_users["editor"])
    submit(client, page, "Der neue Vorspann.")

    assert page.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
    assert live_lead(page) == "Der alte Vorspann."
    client.logout()
    assert "Der neue Vorspann." not in client.get(page.url).content.decode()

    client.force_login(role_users["approver"])
    workflow_action(client, page, "approve")

    assert live_lead(page) == "Der neue Vorspann."
    client.logout()
    assert "Der neue Vorspann." in client.get(page.url).content.decode()
    state = WorkflowState.objects.filter(base_content_type__model="page", object_id=str(page.pk))
    assert state.get().status == WorkflowState.STATUS_APPROVED
    actions = set(PageLogEntry.objects.filter(page=page).values_list("action", flat=True))
    assert {"wagtail.workflow.start", "wagtail.workflow.approve", "wagtail.publish"} <= actions
    assert PUBLISH_WITHOUT_APPROVAL not in actions


def test_submission_is_announced_to_the_approvers(
    seeded, client, role_users, django_capture_on_commit_callbacks
):
    page = topic_page()
    client.force_login(role_users["editor"])
    with django_capture_on_commit_callbacks(execute=True):  # mails go out after the commit
        submit(client, page, "Der neue Vorspann.")

    recipients = {address for message in mail.outbox for address in message.to}
    assert {"approver@example.org", "second_approver@example.org"} <= recipients
    assert "editor@example.org" not in recipients
    assert "administrator@example.org" not in recipients


def test_rejection_returns_the_page_to_its_editor_with_the_comment(
    seeded, client, role_users, django_capture_on_commit_callbacks
):
    page = topic_page()
    client.force_login(role_users["editor"])
    submit(client, page, "Ein Vorspann mit Fehlern.")
    mail.outbox.clear()

    client.force_login(role_users["approver"])
    with django_capture_on_commit_callbacks(execute=True):  # mails go out after the commit
        workflow_action(client, page, "reject", comment="Bitte die Quelle ergänzen.")

    assert live_lead(page) == "Der alte Vorspann."
    task_state = TaskState.objects.filter(workflow_state__object_id=str(page.pk)).get()
    assert task_state.status == TaskState.STATUS_REJECTED
    assert [message.to for message in mail.outbox] == [["editor@example.org"]]
    assert "Bitte die Quelle ergänzen." in mail.outbox[0].body

    client.force_login(role_users["editor"])
    response = client.get(edit_url(page))
    assert response.status_code == 200
    assert "Bitte die Quelle ergänzen." in response.content.decode()


def test_approver_cannot_approve_their_own_submission(seeded, client, role_users):
    page = topic_page()
    client.force_login(role_users["approver"])
    submit(client, page, "Vom Freigeber selbst geschrieben.")

    response = client.get(edit_url(page))
    assert 'name="workflow-action-name" value="approve"' not in response.content.decode()
    response = workflow_action(client, page, "approve")
    assert response.status_code in (302, 403)
    assert live_lead(page) == "Der alte Vorspann."
    assert page.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS

    client.force_login(role_users["second_approver"])
    workflow_action(client, page, "approve")
    assert live_lead(page) == "Vom Freigeber selbst geschrieben."


def test_own_submissions_are_not_in_the_approvers_review_list(seeded, client, role_users):
    page = topic_page(title="Eigene Einreichung")
    client.force_login(role_users["approver"])
    submit(client, page, "Selbst eingereicht.")
    task_state = page.current_workflow_task_state
    approve_url = reverse(
        "wagtailadmin_pages:workflow_action", args=[page.pk, "approve", task_state.pk]
    )

    own_dashboard = client.get("/admin/").content.decode()
    client.force_login(role_users["second_approver"])
    colleague_dashboard = client.get("/admin/").content.decode()

    assert approve_url in colleague_dashboard
    assert approve_url not in own_dashboard


def test_editor_sees_their_page_in_moderation_on_the_dashboard(seeded, client, role_users):
    page = topic_page(title="Meine Seite in Freigabe")
    client.force_login(role_users["editor"])
    submit(client, page, "Eingereicht.")

    response = client.get("/admin/")
    assert "Meine Seite in Freigabe" in response.content.decode()


def test_approvers_are_offered_no_direct_publish(seeded, client, role_users):
    page = topic_page()
    client.force_login(role_users["approver"])

    html = client.get(edit_url(page)).content.decode()
    assert 'name="action-publish"' not in html
    assert 'name="action-submit"' in html

    response = client.post(edit_url(page), {**topic_form(page, "Direkt."), "action-publish": "on"})
    assert response.status_code == 302
    assert live_lead(page) == "Der alte Vorspann."


def test_administration_may_publish_directly_but_it_is_recorded(
    seeded, client, role_users, django_capture_on_commit_callbacks
):
    page = topic_page()
    client.force_login(role_users["administrator"])

    html = client.get(edit_url(page)).content.decode()
    assert 'name="action-publish"' in html
    with django_capture_on_commit_callbacks(execute=True):
        client.post(
            edit_url(page), {**topic_form(page, "Eilig korrigiert."), "action-publish": "on"}
        )

    assert live_lead(page) == "Eilig korrigiert."
    entry = PageLogEntry.objects.get(page=page, action=PUBLISH_WITHOUT_APPROVAL)
    assert entry.user == role_users["administrator"]
    notified = {address for message in mail.outbox for address in message.to}
    assert {"approver@example.org", "second_approver@example.org"} <= notified
    audit_log = client.get("/admin/reports/site-history/").content.decode()
    assert "Ohne Freigabe veröffentlicht" in audit_log


def test_partner_goes_through_the_same_approval(seeded, client, role_users):
    partner = Partner.objects.filter(locale__language_code="de", live=True).first()
    partner.name = "Neuer Name"
    partner.save_revision(user=role_users["editor"])
    partner.get_workflow().start(partner, role_users["editor"])
    partner.refresh_from_db()
    assert Partner.objects.get(pk=partner.pk).name != "Neuer Name"

    client.force_login(role_users["approver"])
    response = workflow_action(client, partner, "approve")

    assert response.status_code == 302
    assert Partner.objects.get(pk=partner.pk).name == "Neuer Name"
    assert not ModelLogEntry.objects.filter(
        object_id=str(partner.pk), action=PUBLISH_WITHOUT_APPROVAL
    ).exists()
