"""The contact page: its form stores and mails submissions, and survives spam and bad input."""

from datetime import timedelta
from io import StringIO

from django.core import mail
from django.core.management import CommandError, call_command
from django.test import override_settings
from django.utils import timezone

from wagtail.contrib.forms.models import FormSubmission

import pytest

from tests.helpers import honeypot_fields

VALID = {
    "name": "Erika Mustermann",
    "e_mail_adresse": "erika@example.org",
    "nachricht": "Wie wird meine Organisation Partner?",
    "ich_habe_den_datenschutzhinweis_gelesen": "on",
}


def post(client, page, data, honeypot="", seconds_ago=10):
    fields = {**honeypot_fields(honeypot, seconds_ago), **data}
    return client.post(page.url, fields)


def test_contact_page_shows_person_form_and_privacy_notice(contact_page, client):
    content = client.get(contact_page.url).content.decode()
    assert "Kerstin Peters" in content
    assert '<label class="kern-label" for="id_nachricht">Nachricht *</label>' in content
    assert "löschen sie nach 90 Tagen" in content


def test_valid_message_is_stored_and_mailed_after_commit(
    contact_page, client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = post(client, contact_page, VALID)
    assert response.status_code == 200
    assert "Vielen Dank" in response.content.decode()
    submission = FormSubmission.objects.get(page=contact_page)
    assert submission.get_data()["nachricht"] == VALID["nachricht"]
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == ["redaktion@example.org"]
    assert VALID["nachricht"] in mail.outbox[0].body


@pytest.mark.parametrize(
    ("field", "value"),
    [
        ("nachricht", ""),
        ("nachricht", "x" * 100_000),
        ("nachricht", "Hallo\x00Welt"),
        ("e_mail_adresse", "keine-adresse"),
        ("e_mail_adresse", "a@b.c\nBcc: x@y.org"),
        ("ich_habe_den_datenschutzhinweis_gelesen", ""),
    ],
)
def test_bad_input_shows_errors_and_stores_nothing(contact_page, client, field, value):
    response = post(client, contact_page, {**VALID, field: value})
    assert response.status_code == 200
    assert field in response.context["form"].errors
    assert "Bitte prüfen Sie die markierten Angaben." in response.content.decode()
    assert not FormSubmission.objects.exists()
    assert not mail.outbox


@pytest.mark.parametrize(
    ("honeypot", "seconds_ago"), [("http://spam.example", 10), ("", 0)], ids=["filled", "too-fast"]
)
def test_spam_gets_thanks_but_nothing_is_stored(
    contact_page, client, honeypot, seconds_ago, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = post(client, contact_page, VALID, honeypot=honeypot, seconds_ago=seconds_ago)
    assert response.status_code == 200
    assert "Vielen Dank" in response.content.decode()
    assert not FormSubmission.objects.exists()
    assert not mail.outbox


@override_settings(PORTAL_FORM_RATE="2/d")  # a window that cannot roll over mid-test
def test_flood_is_rate_limited_with_a_readable_page(contact_page, client):
    for _ in range(2):
        assert post(client, contact_page, VALID).status_code == 200
    response = post(client, contact_page, VALID)
    assert response.status_code == 429
    assert "Zu viele Anfragen" in response.content.decode()
    assert FormSubmission.objects.count() == 2
    assert client.get(contact_page.url).status_code == 200  # reading is never limited


@override_settings(EMAIL_BACKEND="tests.helpers.BrokenMailBackend")
def test_failed_mail_loses_nothing(
    contact_page, client, django_capture_on_commit_callbacks, caplog
):
    with django_capture_on_commit_callbacks(execute=True):
        response = post(client, contact_page, VALID)
    assert response.status_code == 200
    assert FormSubmission.objects.count() == 1
    assert "could not be sent" in caplog.text


def test_retention_command_deletes_only_expired_submissions(contact_page):
    now = timezone.now()
    for days in (0, 89, 91, 400):
        submission = FormSubmission.objects.create(page=contact_page, form_data={"d": days})
        FormSubmission.objects.filter(pk=submission.pk).update(
            submit_time=now - timedelta(days=days)
        )
    out = StringIO()
    call_command("purge_form_submissions", stdout=out)
    assert "Deleted 2 submission(s) older than 90 days" in out.getvalue()
    assert sorted(s.form_data["d"] for s in FormSubmission.objects.all()) == [0, 89]
    call_command("purge_form_submissions", stdout=out)  # idempotent
    assert FormSubmission.objects.count() == 2


def test_retention_command_refuses_to_delete_everything(db):
    with pytest.raises(CommandError, match="at least 1"):
        call_command("purge_form_submissions", "--days", "0")
