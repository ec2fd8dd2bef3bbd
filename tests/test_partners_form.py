""" "Partner werden": submissions are stored and mailed after commit; spam, floods, bad input
and a broken mail server lose nothing and never end in a 500."""

from django.core import mail
from django.test import override_settings

from wagtail.contrib.forms.models import FormSubmission

import pytest

from partners.models import PartnerFormPage
from tests.helpers import PARTNER_FORM_EN, form_recipient, honeypot_fields

FORM_DE = "/de/integration-und-arbeit/interkulturelle-oeffnung/wir-sind-partner/partner-werden/"
RECIPIENT = "partner@example.org"
VALID = {
    "organisation": "Stadt Beispielstadt",
    "ansprechperson": "Erika Mustermann",
    "e_mail": "erika@example.org",
    "massnahmen": "Fortbildungen zur interkulturellen Kompetenz für alle Führungskräfte.",
    "zeitrahmen": "2025 bis 2027",
    "einwilligung": "on",
}


@pytest.fixture
def form_page(seeded):
    form_recipient(RECIPIENT)
    return PartnerFormPage.objects.get(locale__language_code="de")


def post(client, url, data, honeypot="", seconds_ago=10):
    fields = {**honeypot_fields(honeypot, seconds_ago), **data}
    return client.post(url, fields)


def test_form_page_renders_labelled_fields_honeypot_and_privacy_notice(form_page, client):
    response = client.get(FORM_DE)
    assert response.status_code == 200
    html = response.content.decode()
    assert '<label class="kern-label" for="id_organisation">Organisation *</label>' in html
    assert '<label class="kern-label" for="id_massnahmen">Geplante Maßnahmen *</label>' in html
    assert '<textarea name="massnahmen"' in html
    assert 'type="checkbox" name="einwilligung"' in html
    assert "Ich bin einverstanden, dass meine Angaben gespeichert und verwendet werden" in html
    assert 'name="whf_name"' in html
    assert "Wir verwenden Ihre Angaben nur" in html


def test_directory_links_to_the_form(form_page, client):
    html = client.get(form_page.get_parent().url).content.decode()
    assert (
        f'<a class="button kern-btn kern-btn--primary" href="{FORM_DE}">'
        '<span class="kern-label">Partner werden</span></a>'
    ) in html


def test_valid_declaration_is_stored_and_mailed_after_commit(
    form_page, client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True) as callbacks:
        response = post(client, FORM_DE, VALID)
        assert not mail.outbox  # nothing is mailed before the commit
    assert callbacks
    assert response.status_code == 200
    html = response.content.decode()
    assert "Vielen Dank für Ihr Interesse an einer Partnerschaft" in html
    assert f'href="{form_page.get_parent().url}"' in html
    submission = FormSubmission.objects.get(page=form_page)
    data = submission.get_data()
    assert data["organisation"] == VALID["organisation"]
    assert data["massnahmen"] == VALID["massnahmen"]
    assert data["einwilligung"] is True
    assert set(submission.form_data) == set(VALID)  # only the declared fields, no IP or agent
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [RECIPIENT]
    assert VALID["massnahmen"] in mail.outbox[0].body


def test_english_declaration_is_stored_under_the_same_field_names(
    form_page, client, django_capture_on_commit_callbacks
):
    english = PartnerFormPage.objects.get(locale__language_code="en")
    with django_capture_on_commit_callbacks(execute=True):
        response = post(client, PARTNER_FORM_EN, VALID)
    assert response.status_code == 200
    assert set(FormSubmission.objects.get(page=english).form_data) == set(VALID)
    assert mail.outbox[0].to == [RECIPIENT]


BAD_INPUT = [
    ("organisation", ""),
    ("organisation", "x" * 1_000),
    ("massnahmen", ""),
    ("massnahmen", "x" * 100_000),
    ("massnahmen", "Fort\x00bildungen"),
    ("e_mail", "keine-adresse"),
    ("e_mail", "a@b.c\nBcc: x@y.org"),
    ("zeitrahmen", ""),
    ("einwilligung", ""),
]


@override_settings(PORTAL_FORM_RATE="100/m")
def test_bad_input_shows_errors_keeps_the_input_and_stores_nothing(
    form_page, client, django_capture_on_commit_callbacks
):
    for field, value in BAD_INPUT:
        with django_capture_on_commit_callbacks(execute=True):
            response = post(client, FORM_DE, {**VALID, field: value})
        case = f"{field}={value[:20]!r}"
        assert response.status_code == 200, case
        assert field in response.context["form"].errors, case
        html = response.content.decode()
        assert "Bitte prüfen Sie die markierten Angaben." in html, case
        assert VALID["ansprechperson"] in html, case  # what was typed is still there
    assert not FormSubmission.objects.exists()
    assert not mail.outbox


def test_bad_input_on_the_english_page_is_explained_in_english(form_page, client):
    response = post(client, PARTNER_FORM_EN, {**VALID, "e_mail": "", "massnahmen": ""})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Please enter your email address." in html
    assert "Please fill in this field." in html
    assert not FormSubmission.objects.exists()


def test_unknown_and_extra_fields_are_not_stored(
    form_page, client, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        post(client, FORM_DE, {**VALID, "is_admin": "1", "ip": "1.2.3.4"})
    assert set(FormSubmission.objects.get().form_data) == set(VALID)


@pytest.mark.parametrize(
    ("honeypot", "seconds_ago"), [("http://spam.example", 10), ("", 0)], ids=["filled", "too-fast"]
)
def test_spam_gets_thanks_but_nothing_is_stored_or_mailed(
    form_page, client, django_capture_on_commit_callbacks, honeypot, seconds_ago
):
    with django_capture_on_commit_callbacks(execute=True):
        response = post(client, FORM_DE, VALID, honeypot=honeypot, seconds_ago=seconds_ago)
    assert response.status_code == 200
    assert "Vielen Dank" in response.content.decode()
    assert not FormSubmission.objects.exists()
    assert not mail.outbox


@override_settings(PORTAL_FORM_RATE="2/d")  # a window that cannot roll over mid-test
def test_flood_is_rate_limited_with_a_readable_page(form_page, client):
    for _ in range(2):
        assert post(client, FORM_DE, VALID).status_code == 200
    response = post(client, FORM_DE, VALID)
    assert response.status_code == 429
    html = response.content.decode()
    assert "Zu viele Anfragen" in html
    assert "Ihre Eingaben wurden nicht gespeichert." in html
    assert FormSubmission.objects.count() == 2
    assert client.get(FORM_DE).status_code == 200  # reading is never limited


@override_settings(EMAIL_BACKEND="tests.helpers.BrokenMailBackend")
def test_failed_mail_loses_nothing(form_page, client, django_capture_on_commit_callbacks, caplog):
    with django_capture_on_commit_callbacks(execute=True):
        response = post(client, FORM_DE, VALID)
    assert response.status_code == 200
    assert "Vielen Dank" in response.content.decode()
    assert FormSubmission.objects.get().get_data()["organisation"] == VALID["organisation"]
    assert "could not be sent" in caplog.text
