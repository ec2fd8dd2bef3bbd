"""Working together in the admin: locks, revision comparison, audit log, the warning when two
people edit the same page, and an admin that speaks German."""

import re

from django.urls import reverse

from wagtail.models import Page

import pytest

from tests.helpers import edit_url, second_editor, submit, topic_form, topic_page

pytestmark = pytest.mark.django_db


def test_a_locked_page_cannot_be_changed_by_another_editor(seeded, client, role_users):
    page = topic_page()
    client.force_login(role_users["editor"])
    client.post(reverse("wagtailadmin_pages:lock", args=[page.pk]))
    assert Page.objects.get(pk=page.pk).locked

    client.force_login(second_editor())
    client.post(edit_url(page), topic_form(page, "Trotz Sperre."))
    latest = Page.objects.get(pk=page.pk).specific.get_latest_revision_as_object()
    assert latest.lead != "Trotz Sperre."

    client.force_login(role_users["approver"])
    client.post(reverse("wagtailadmin_pages:unlock", args=[page.pk]))
    assert not Page.objects.get(pk=page.pk).locked


def test_revisions_can_be_compared(seeded, client, role_users):
    page = topic_page()
    first = page.get_latest_revision()
    client.force_login(role_users["editor"])
    client.post(edit_url(page), topic_form(page, "Zweite Fassung."))
    second = Page.objects.get(pk=page.pk).get_latest_revision()

    client.force_login(role_users["approver"])
    url = reverse("wagtailadmin_pages:revisions_compare", args=[page.pk, first.pk, second.pk])
    response = client.get(url)

    assert response.status_code == 200
    html = response.content.decode()
    assert "Der alte Vorspann." in html and "Zweite Fassung." in html


def test_audit_log_shows_who_submitted_and_who_approved(seeded, client, role_users):
    page = topic_page(title="Protokollierte Seite")
    client.force_login(role_users["editor"])
    submit(client, page, "Eingereicht.")
    client.force_login(role_users["approver"])
    task_state = Page.objects.get(pk=page.pk).current_workflow_task_state
    client.post(
        reverse("wagtailadmin_pages:workflow_action", args=[page.pk, "approve", task_state.pk])
    )

    client.force_login(role_users["administrator"])
    html = client.get(reverse("wagtailadmin_pages:history", args=[page.pk])).content.decode()
    assert "editor" in html and "approver" in html
    assert "Freigegeben" in html or "Genehmigt" in html


def test_the_editor_is_warned_when_someone_else_edits_the_same_page(seeded, client, role_users):
    page = topic_page()
    client.force_login(role_users["editor"])
    client.get(edit_url(page))

    client.force_login(second_editor())
    html = client.get(edit_url(page)).content.decode()
    ping_url = re.search(r"/admin/editing-sessions/ping/wagtailcore/page/\d+/\d+/", html).group()
    answer = client.post(ping_url, {"is_editing": "1"}).json()

    others = [session["user"] for session in answer["other_sessions"]]
    assert others == [role_users["editor"].get_full_name() or "editor"]


def test_the_admin_speaks_german_to_german_users(seeded, client, role_users):
    client.force_login(role_users["editor"])
    response = client.get("/admin/", HTTP_ACCEPT_LANGUAGE="de")
    html = response.content.decode()
    assert '<html lang="de"' in html
    assert "Abmelden" in html and "Log out" not in html
