"""Clear feedback in the approval workflow, in one vocabulary (README, "Glossar").

"Freigeben" asks for confirmation (optional comment) and says what happened; "Änderungen
anfordern" needs a comment, which the editor then sees on top of the edit form with who
wrote it and when, until the item is resubmitted. Pages and the Partner snippet alike.
"""

from datetime import timedelta

from django.core import mail
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import formats, timezone

from wagtail.models import Page, TaskState, WorkflowState

import pytest

from partners.models import Partner
from tests.helpers import (
    edit_url,
    partner_form,
    partner_url,
    submit,
    topic_page,
)

pytestmark = pytest.mark.django_db

COMMENT = "Bitte die Quelle im zweiten Absatz ergänzen."


def partner_in_review(editor):
    partner = Partner.objects.filter(locale__language_code="de", live=True).first()
    partner.name = "Geänderter Partner e.V."
    partner.save_revision(user=editor)
    partner.get_workflow().start(partner, editor)
    return Partner.objects.get(pk=partner.pk)


def page_in_review(client, editor):
    page = topic_page()
    client.force_login(editor)
    submit(client, page, "Der neue Vorspann.")
    return Page.objects.get(pk=page.pk).specific


def in_review(kind, client, role_users):
    if kind == "page":
        return page_in_review(client, role_users["editor"])
    return partner_in_review(role_users["editor"])


def action_url(obj, action, view="workflow_action"):
    """Wagtail's URL of a workflow action (`view`: the dashboard's or the editor's dialog)."""
    task_state = obj.current_workflow_task_state
    if isinstance(obj, Page):
        return reverse(f"wagtailadmin_pages:{view}", args=[obj.pk, action, task_state.pk])
    return reverse(f"wagtailsnippets_partners_partner:{view}", args=[obj.pk, action, task_state.pk])


def object_edit_url(obj):
    return edit_url(obj) if isinstance(obj, Page) else partner_url("edit", obj.pk)


def messages_after(client, response):
    """The admin messages the next page shows after `response`'s redirect."""
    return client.get(response.headers.get("Location") or "/admin/").content.decode()


@pytest.mark.parametrize("kind", ["page", "partner"])
def test_approve_asks_for_confirmation_with_an_optional_comment(seeded, client, role_users, kind):
    obj = in_review(kind, client, role_users)
    client.force_login(role_users["approver"])

    html = client.get(edit_url(obj) if kind == "page" else partner_url("edit", obj.pk))
    assert "data-workflow-action-modal-url" in html.content.decode()  # the dialog opens first

    dialog = client.get(action_url(obj, "approve")).json()["html"]
    assert "freigeben? Es wird sofort veröffentlicht." in dialog
    assert 'name="comment"' in dialog
    assert "Kommentar (freiwillig)" in dialog


@pytest.mark.parametrize("kind", ["page", "partner"])
def test_approval_says_it_was_approved_and_published(
    seeded, client, role_users, kind, django_capture_on_commit_callbacks
):
    obj = in_review(kind, client, role_users)
    client.force_login(role_users["approver"])
    mail.outbox.clear()

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            action_url(obj, "approve"),
            {"comment": "Schön geworden."},
            headers={"x-requested-with": "XMLHttpRequest"},
        )

    assert response.json()["step"] == "success"
    title = "Arbeitsmarkt im Blick" if kind == "page" else "Geänderter Partner e.V."
    page_after = client.get(response.json()["redirect"]).content.decode()
    assert f"„{title}“ wurde freigegeben und veröffentlicht." in page_after
    task_state = TaskState.objects.for_instance(obj).get()
    assert (task_state.status, task_state.comment) == (TaskState.STATUS_APPROVED, "Schön geworden.")
    [message] = mail.outbox
    assert message.to == ["editor@example.org"]
    assert message.subject == f"Freigegeben und veröffentlicht: „{title}“"
    assert f"approver hat „{title}“ freigegeben; es ist veröffentlicht." in message.body
    assert "Schön geworden." in message.body


def test_a_planned_publication_is_announced_with_its_date(seeded, client, role_users):
    page = topic_page()
    go_live = timezone.now() + timedelta(days=3)
    page.go_live_at = go_live
    page.lead = "Später."
    page.save_revision(user=role_users["editor"])
    page.get_workflow().start(page, role_users["editor"])
    page = Page.objects.get(pk=page.pk).specific
    client.force_login(role_users["approver"])

    dialog = client.get(action_url(page, "approve")).json()["html"]
    response = client.post(action_url(page, "approve"), {"comment": ""})

    assert "Die Veröffentlichung ist für den" in dialog
    html = messages_after(client, response)
    assert "„Arbeitsmarkt im Blick“ wurde freigegeben; Veröffentlichung geplant am" in html
    assert Page.objects.get(pk=page.pk).specific.lead != "Später."


@pytest.mark.parametrize("kind", ["page", "partner"])
def test_requesting_changes_needs_a_comment(seeded, client, role_users, kind):
    obj = in_review(kind, client, role_users)
    client.force_login(role_users["approver"])

    dialog = client.post(
        action_url(obj, "reject"), {"comment": "  "}, headers={"x-requested-with": "XMLHttpRequest"}
    ).json()
    client.post(action_url(obj, "reject"), {"comment": ""})  # without JavaScript

    assert dialog["step"] == "action"
    assert "Bitte schreiben Sie, welche Änderungen nötig sind." in dialog["html"]
    assert obj.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
    assert TaskState.objects.for_instance(obj).get().status == TaskState.STATUS_IN_PROGRESS


def test_a_request_without_comment_is_refused_whatever_the_path(seeded, client, role_users):
    """The edit form passes the dialog's data through; a crafted one without comment fails."""
    page = page_in_review(client, role_users["editor"])
    task_state = page.current_workflow_task_state

    with pytest.raises(PermissionDenied, match="welche Änderungen nötig sind"):
        task_state.task.specific.on_action(task_state, role_users["approver"], "reject")

    assert page.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS


def reject(client, obj, approver):
    client.force_login(approver)
    return client.post(action_url(obj, "reject"), {"comment": COMMENT})


@pytest.mark.parametrize("kind", ["page", "partner"])
def test_the_editor_sees_who_asked_for_which_changes_until_resubmitting(
    seeded, client, role_users, kind, django_capture_on_commit_callbacks
):
    obj = in_review(kind, client, role_users)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        response = reject(client, obj, role_users["approver"])
    assert "Änderungen an „" in messages_after(client, response)

    client.force_login(role_users["editor"])
    html = client.get(object_edit_url(obj)).content.decode()
    day = formats.date_format(timezone.localtime(), "j. F Y")
    assert f"Änderungen angefordert von approver am {day}, " in html
    assert f": {COMMENT}" in html
    assert html.index("Änderungen angefordert von") < html.index("data-edit-form")
    # Status side panel: not "In Moderation"/"In Freigabe", and it names the approver.
    assert "In Moderation" not in html
    assert "In Freigabe" not in html
    assert "von approver am" in html

    [message] = mail.outbox
    assert message.subject.startswith("Änderungen angefordert: „")
    assert "approver hat am " in message.body
    assert COMMENT in message.body
    assert "erneut zur Freigabe einreichen" in message.body
    assert "abgelehnt" not in (message.subject + message.body).lower()

    if kind == "page":
        submit(client, obj, "Mit Quelle.")
    else:
        client.post(
            partner_url("edit", obj.pk),
            partner_form(name="Geänderter Partner e.V.", **{"action-submit": "on"}),
        )
    html = client.get(object_edit_url(obj)).content.decode()
    assert "Änderungen angefordert von" not in html
    assert obj.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
    assert "In Freigabe" in html


def test_submission_mail_and_buttons_use_the_vocabulary(
    seeded, client, role_users, django_capture_on_commit_callbacks
):
    page = topic_page()
    client.force_login(role_users["editor"])
    html = client.get(edit_url(page)).content.decode()
    assert "Zur Freigabe einreichen" in html
    assert "Moderation" not in html

    with django_capture_on_commit_callbacks(execute=True):
        submit(client, page, "Neu.")

    message = next(m for m in mail.outbox if "approver@example.org" in m.to)
    assert message.subject == "Zur Freigabe eingereicht: „Arbeitsmarkt im Blick“"
    assert "editor hat „Arbeitsmarkt im Blick“ zur Freigabe eingereicht." in message.body
    assert f"http://localhost{edit_url(page)}" in message.body
    assert "moderation" not in (message.subject + message.body).lower()

    client.force_login(role_users["approver"])
    html = client.get(edit_url(page)).content.decode()
    assert ">Freigeben<" in html.replace("\n", "").replace("  ", "")
    assert "Änderungen anfordern" in html
    assert "genehmigen" not in html.lower()
    assert "Mit Kommentar" not in html
    dashboard = client.get("/admin/").content.decode()
    assert "Wartet auf Ihre Freigabe" in dashboard
