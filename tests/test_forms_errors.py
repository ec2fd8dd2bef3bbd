"""The public forms in error, as GOV.UK's error pattern has it: "Fehler:" before the title, a
summary at the top that takes the focus and links each error to its field, every invalid field
marked and described by its message, clear German messages; autofill tokens; the privacy
notice links the privacy page."""

import re
from html.parser import HTMLParser

from django.core.cache import cache

import pytest

from tests.helpers import PARTNER_FORM_EN, form_recipient, honeypot_fields

pytestmark = pytest.mark.django_db

CONTACT_DE, CONTACT_EN = "/de/kontakt/", "/en/contact/"
PARTNER_DE = "/de/integration-und-arbeit/interkulturelle-oeffnung/wir-sind-partner/partner-werden/"
ORDER_DE = "/de/downloads/migrantenselbstorganisationen-als-partner/bestellen/"


class Form(HTMLParser):
    """The page's title, its fields (input, select, textarea) by id and the error summary."""

    def __init__(self, html):
        super().__init__()
        self.title, self.fields, self.summary_links, self.summary = "", {}, [], None
        self.ids, self._stack = {}, []
        self._in_title = self._in_summary = False
        self.feed(html)

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if attrs.get("id"):
            self.ids[attrs["id"]] = (tag, attrs)
        self._in_title = tag == "title"
        if tag in ("input", "select", "textarea") and attrs.get("id", "").startswith("id_"):
            self.fields[attrs["id"]] = (tag, attrs)
        if tag == "div" and "form-errors" in attrs.get("class", ""):
            self.summary, self._in_summary = attrs, True
        if self._in_summary and tag == "div":
            self._stack.append(tag)
        if self._in_summary and tag == "a":
            self.summary_links.append(attrs["href"])

    def handle_endtag(self, tag):
        self._in_title = False
        if self._in_summary and tag == "div":
            self._stack.pop()
            self._in_summary = bool(self._stack)

    def handle_data(self, data):
        if self._in_title:
            self.title += data


@pytest.fixture(autouse=True)
def no_rate_limit(settings, seeded):
    settings.PORTAL_FORM_RATE = "1000/m"
    cache.clear()
    form_recipient("redaktion@example.org")


def post(client, url, data):
    return client.post(url, {**honeypot_fields(seconds_ago=60), **data})


def test_contact_form_in_error_title_summary_focus_and_marked_fields(client):
    response = post(client, CONTACT_DE, {"e_mail_adresse": "keine-adresse"})
    assert response.status_code == 200
    form = Form(response.content.decode())

    assert form.title.startswith("Fehler: Kontakt")
    # The summary takes the focus on load without any script, and is announced.
    assert form.summary["tabindex"] == "-1" and "autofocus" in form.summary
    assert form.summary["role"] == "alert"
    invalid = ["id_e_mail_adresse", "id_nachricht", "id_ich_habe_den_datenschutzhinweis_gelesen"]
    assert form.summary_links == [f"#{field_id}" for field_id in invalid]
    for field_id in invalid:
        tag, attrs = form.fields[field_id]
        assert attrs["aria-invalid"] == "true", field_id
        assert "--error" in attrs["class"], field_id  # KERN's error class on every kind
        message_id = f"{field_id}_error"
        assert message_id in attrs["aria-describedby"].split(), field_id
        assert message_id in form.ids, field_id
    assert "aria-invalid" not in form.fields["id_name"][1]  # optional and empty: fine
    html = response.content.decode()
    assert "Bitte geben Sie eine E-Mail-Adresse im Format name@beispiel.de an." in html
    assert "Bitte füllen Sie dieses Feld aus." in html
    # The unticked consent box says what to do, not "muss ausgefüllt werden".
    assert "Bitte bestätigen Sie, dass Sie die Datenschutzhinweise gelesen haben." in html
    assert "muss ausgefüllt werden" not in html


def test_without_errors_the_title_has_no_prefix_and_there_is_no_summary(client):
    form = Form(client.get(CONTACT_DE).content.decode())
    assert form.title == "Kontakt – chancen.nrw"
    assert form.summary is None
    assert not any("aria-invalid" in attrs for _, attrs in form.fields.values())


def test_english_title_prefix_and_messages(client):
    response = post(client, CONTACT_EN, {"e_mail_adresse": "x" * 300})
    form = Form(response.content.decode())
    assert form.title.startswith("Error: ")
    html = response.content.decode()
    assert "Please confirm that you have read the privacy notice." in html
    assert "Please fill in this field." in html


def test_too_long_text_is_explained_with_the_limit(client):
    response = post(
        client,
        CONTACT_DE,
        {"nachricht": "x" * 5001, "ich_habe_den_datenschutzhinweis_gelesen": "on"},
    )
    assert "Bitte kürzen Sie Ihre Angabe auf höchstens 5000 Zeichen (jetzt 5001)." in (
        response.content.decode()
    )


def test_partner_form_in_error_marks_the_checkbox_too(client):
    response = post(client, PARTNER_DE, {"organisation": "Stadt Musterstadt"})
    form = Form(response.content.decode())
    assert form.title.startswith("Fehler: Partner werden")
    assert "#id_einwilligung" in form.summary_links
    assert "#id_organisation" not in form.summary_links
    tag, attrs = form.fields["id_einwilligung"]
    assert attrs["type"] == "checkbox" and attrs["aria-invalid"] == "true"
    assert "kern-form-check__checkbox--error" in attrs["class"]
    assert "Bitte setzen Sie das Häkchen, um zuzustimmen." in response.content.decode()


def test_order_form_in_error(client):
    response = post(client, ORDER_DE, {"quantity": "abc"})
    form = Form(response.content.decode())
    assert form.title.startswith("Fehler: ")
    assert form.summary_links == [
        "#id_quantity",
        "#id_name",
        "#id_postal_address",
        "#id_email",
        "#id_consent",
    ]
    for field_id in ("id_quantity", "id_name", "id_postal_address", "id_email", "id_consent"):
        assert form.fields[field_id][1]["aria-invalid"] == "true", field_id
    html = response.content.decode()
    assert "Bitte geben Sie Ihren Namen an." in html


@pytest.mark.parametrize(
    ("url", "tokens"),
    [
        (CONTACT_DE, {"id_name": "name", "id_e_mail_adresse": "email"}),
        (
            PARTNER_DE,
            {"id_organisation": "organization", "id_ansprechperson": "name", "id_e_mail": "email"},
        ),
        (
            PARTNER_FORM_EN,
            {"id_organisation": "organization", "id_ansprechperson": "name", "id_e_mail": "email"},
        ),
        (
            ORDER_DE,
            {
                "id_name": "name",
                "id_organisation": "organization",
                "id_postal_address": "street-address",
                "id_email": "email",
            },
        ),
    ],
)
def test_personal_fields_carry_autofill_tokens(client, url, tokens):
    form = Form(client.get(url).content.decode())
    found = {field_id: form.fields[field_id][1].get("autocomplete") for field_id in tokens}
    assert found == tokens
    # What is not about the visitor gets none.
    others = [attrs for field_id, (_, attrs) in form.fields.items() if field_id not in tokens]
    assert all("autocomplete" not in attrs for attrs in others if attrs.get("type") != "hidden")


@pytest.mark.parametrize(
    ("url", "privacy", "text"),
    [
        (CONTACT_DE, "/de/datenschutz/", "Datenschutzerklärung"),
        (CONTACT_EN, None, "privacy statement"),
        (PARTNER_DE, "/de/datenschutz/", "Datenschutzerklärung"),
        (ORDER_DE, "/de/datenschutz/", "Datenschutzerklärung"),
    ],
)
def test_privacy_notice_links_the_privacy_page_of_the_language(client, url, privacy, text):
    html = client.get(url).content.decode()
    notice = re.search(r'<div class="rich-text form-privacy">(.*?)</div>', html, re.S).group(1)
    link = re.search(r'<a class="kern-link" href="([^"]+)">([^<]+)</a>', notice)
    assert link.group(2) == text
    if privacy:
        assert link.group(1) == privacy
    assert client.get(link.group(1)).status_code == 200


def test_partner_filter_in_error_prefixes_the_title_and_links_the_field(client):
    from tests.helpers import PARTNERS_EN

    response = client.get(PARTNERS_EN, {"art": "unknown"})
    form = Form(response.content.decode())
    assert form.title.startswith("Error: ")
    assert form.summary_links == ["#id_art"]
    assert form.fields["id_art"][1]["aria-invalid"] == "true"
    assert "kern-form-input__select--error" in form.fields["id_art"][1]["class"]
    assert not Form(client.get(PARTNERS_EN).content.decode()).title.startswith("Error")


@pytest.mark.parametrize(
    ("label", "field_type", "token"),
    [
        ("Vorname", "singleline", "given-name"),
        ("Nachname", "singleline", "family-name"),
        ("Ihr Name", "singleline", "name"),
        ("Name der Organisation", "singleline", "organization"),
        ("Telefonnummer", "singleline", "tel"),
        ("E-Mail-Adresse", "singleline", "email"),
        ("Kontakt", "email", "email"),
        ("Postleitzahl", "singleline", "postal-code"),
        ("Straße und Hausnummer", "singleline", "street-address"),
        ("Postanschrift", "multiline", "street-address"),
        ("Ort", "singleline", "address-level2"),
        ("Last name", "singleline", "family-name"),
        ("Nachricht", "multiline", ""),
        ("Name", "multiline", ""),  # a text area never holds a name
        ("Wort des Tages", "singleline", ""),
        ("Zeitrahmen", "singleline", ""),
        ("Ich bin einverstanden", "checkbox", ""),
        ("Ort", "dropdown", ""),
    ],
)
def test_autofill_token_mapping(label, field_type, token):
    from home.models import ContactFormField
    from portal.form_pages import autocomplete_token

    field = ContactFormField(label=label, field_type=field_type)
    field.clean_name = field.get_field_clean_name()
    assert autocomplete_token(field) == token
