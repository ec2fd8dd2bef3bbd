"""Ordering printed copies: validation in the page's language, storage, mail, spam protection."""

from django.core import mail
from django.core.cache import cache

from wagtail.contrib.forms.models import FormSubmission
from wagtail.models import Locale

import pytest

from downloads.models import PublicationOrderPage
from tests.helpers import form_recipient, honeypot_fields

ORDER_DE = "/de/downloads/migrantenselbstorganisationen-als-partner/bestellen/"
ORDER_EN = "/en/downloads/migrant-organisations-as-partners/order/"
VALID = {
    "quantity": "5",
    "name": "Erika Mustermann",
    "organisation": "Stadt Musterstadt",
    "postal_address": "Musterstraße 1\n12345 Musterstadt",
    "email": "erika@example.org",
    "consent": "on",
}


@pytest.fixture(autouse=True)
def many_orders(media, settings):
    """Uploads in a folder of the test's own; no rate limit between the orders here."""
    settings.PORTAL_FORM_RATE = "1000/m"
    cache.clear()


@pytest.fixture
def order_page(seeded):
    """The seeded order form of the employer guide; orders go to the site settings' recipient."""
    form_recipient("bestellungen@example.org")
    return PublicationOrderPage.objects.get(locale__language_code="de")


def post(client, url, data, **extra):
    """A visitor's POST, with the honeypot left empty and filled in at human speed."""
    fields = {**honeypot_fields(seconds_ago=60), **data}
    return client.post(url, fields, **extra)


# Bad input → the field's message, everything else kept, nothing stored or mailed.
BAD_ORDERS = [
    ({"quantity": "0"}, "quantity", "mindestens 1 und höchstens 50 Exemplare"),
    ({"quantity": "51"}, "quantity", "mindestens 1 und höchstens 50 Exemplare"),
    ({"quantity": "-3"}, "quantity", "mindestens 1 und höchstens 50 Exemplare"),
    ({"quantity": "99999999999999999999"}, "quantity", "höchstens 50 Exemplare"),
    ({"quantity": "abc"}, "quantity", "als ganze Zahl"),
    ({"quantity": "2.5"}, "quantity", "als ganze Zahl"),
    ({"quantity": ""}, "quantity", "Bitte geben Sie an, wie viele Exemplare Sie möchten."),
    ({"postal_address": ""}, "postal_address", "Bitte geben Sie die Anschrift an"),
    ({"postal_address": "x" * 501}, "postal_address", "höchstens 500 Zeichen"),
    ({"name": ""}, "name", "Bitte geben Sie Ihren Namen an."),
    ({"name": "Eri\x00ka"}, "name", "Nullzeichen sind nicht erlaubt"),
    ({"email": "keine-adresse"}, "email", "im Format name@beispiel.de"),
    ({"email": "a@b.de\nBcc: x@example.org"}, "email", "im Format name@beispiel.de"),
    ({"consent": ""}, "consent", "Ohne Ihr Einverständnis"),
]


def test_bad_orders_are_refused_with_a_message_and_nothing_is_stored(client, order_page):
    for changes, field, message in BAD_ORDERS:
        response = post(client, ORDER_DE, {**VALID, **changes})
        assert response.status_code == 200, changes
        form = response.context["form"]
        assert message in " ".join(form.errors.get(field, [])), (changes, form.errors)
        html = response.content.decode()
        assert 'class="form-errors kern-alert kern-alert--danger" role="alert"' in html
        if field != "name":
            assert 'value="Erika Mustermann"' in html  # what was right is kept
    assert not FormSubmission.objects.filter(page=order_page).exists()
    assert mail.outbox == []


def test_the_english_page_answers_in_english(client, order_page):
    english = order_page.get_translation(Locale.objects.get(language_code="en"))
    response = post(client, ORDER_EN, {**VALID, "name": ""})
    assert response.status_code == 200
    assert "Please enter your name." in response.context["form"].errors["name"]
    assert not FormSubmission.objects.filter(page=english).exists()


def test_unknown_fields_are_ignored_and_not_stored(client, order_page):
    response = post(client, ORDER_DE, {**VALID, "is_admin": "1", "ip": "1.2.3.4"})
    assert response.status_code == 200
    submission = FormSubmission.objects.get(page=order_page)
    assert set(submission.form_data) == {
        "quantity",
        "name",
        "organisation",
        "postal_address",
        "email",
        "consent",
    }


def test_a_valid_order_is_stored_and_mailed_to_the_form_recipient(
    client, order_page, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = post(client, ORDER_DE, VALID)
    assert response.status_code == 200
    assert "Vielen Dank für Ihre Bestellung" in response.content.decode()
    submission = FormSubmission.objects.get(page=order_page)
    assert submission.page_id == order_page.pk
    assert submission.form_data["quantity"] == 5
    assert submission.form_data["postal_address"] == VALID["postal_address"]
    assert submission.form_data["consent"] is True
    [message] = mail.outbox
    assert message.to == ["bestellungen@example.org"]
    assert message.subject == "Bestellung: Leitfaden für Arbeitgeber"
    assert "Anzahl der Exemplare: 5" in message.body
    assert "Musterstraße 1" in message.body


def test_a_smaller_limit_set_by_the_editors_holds(client, order_page):
    order_page.max_quantity = 10
    order_page.save_revision().publish()
    response = post(client, ORDER_DE, {**VALID, "quantity": "11"})
    assert "höchstens 10 Exemplare" in " ".join(response.context["form"].errors["quantity"])
    assert post(client, ORDER_DE, {**VALID, "quantity": "10"}).status_code == 200
    assert FormSubmission.objects.filter(page=order_page).count() == 1


def test_the_admin_lists_the_order_fields(order_page):
    names = [name for name, _ in order_page.get_data_fields()]
    assert names == [
        "submit_time",
        "quantity",
        "name",
        "organisation",
        "postal_address",
        "email",
        "consent",
    ]


def test_a_filled_honeypot_gets_thanks_but_nothing_is_stored_or_mailed(client, order_page):
    response = post(client, ORDER_DE, {**VALID, "whf_name": "bot"})
    assert response.status_code == 200
    assert "Vielen Dank" in response.content.decode()
    assert not FormSubmission.objects.filter(page=order_page).exists()
    assert mail.outbox == []


def test_too_many_orders_from_one_address_are_throttled(client, order_page, settings):
    settings.PORTAL_FORM_RATE = "2/d"  # a window that cannot roll over mid-test
    cache.clear()
    statuses = [post(client, ORDER_DE, VALID).status_code for _ in range(3)]
    assert statuses == [200, 200, 429]
    assert FormSubmission.objects.filter(page=order_page).count() == 2


def test_order_page_rules(order_page):
    assert PublicationOrderPage.objects.child_of(order_page.get_parent()).count() == 1
    assert not PublicationOrderPage.can_create_at(order_page.get_parent())
