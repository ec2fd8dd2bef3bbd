"""Legal and accessibility pages: seeded with their structure, linked from every page."""

import re

from django.utils import translation

import pytest

from home.models import StandardPage

FOOTER_LINKS_DE = {
    "Impressum": "/de/impressum/",
    "Datenschutzerklärung": "/de/datenschutz/",
    "Erklärung zur Barrierefreiheit": "/de/barrierefreiheit/",
    "Kontakt": "/de/kontakt/",
}


def footer(content):
    return re.search(r'<footer class="site-footer">.*?</footer>', content, re.S).group(0)


@pytest.mark.parametrize("url", ["/de/", "/de/integration-und-arbeit/", "/de/kontakt/"])
def test_every_page_links_the_legal_pages_in_its_footer(seeded, client, url):
    html = footer(client.get(url).content.decode())
    for title, href in FOOTER_LINKS_DE.items():
        assert f'<a href="{href}">{title}</a>' in html


def test_easy_and_sign_language_are_linked_at_the_top(seeded, client):
    content = client.get("/de/").content.decode()
    service = re.search(r'<nav class="service-navigation".*?</nav>', content, re.S).group(0)
    assert 'href="/de/leichte-sprache/"' in service
    assert 'href="/de/gebaerdensprache/"' in service


def test_accessibility_statement_has_feedback_form_and_arbitration(seeded, client):
    content = client.get("/de/barrierefreiheit/").content.decode()
    assert "Schlichtungsverfahren" in content
    assert 'href="/de/barrierefreiheit/barriere-melden/"' in content
    form = client.get("/de/barrierefreiheit/barriere-melden/").content.decode()
    assert (
        '<label class="kern-label" for="id_beschreibung_der_barriere">'
        "Beschreibung der Barriere *</label>"
    ) in form


def test_facts_only_the_ministry_knows_are_marked_for_the_editors(seeded):
    imprint = StandardPage.objects.get(slug="impressum", locale__language_code="de")
    text = str(imprint.body)
    assert "Verantwortlich im Sinne von § 18 Abs. 2 Medienstaatsvertrag" in text
    assert "[Bitte ergänzen: Name und Anschrift der verantwortlichen Person]" in text


def test_unpublished_legal_page_leaves_the_footer(seeded, client):
    StandardPage.objects.get(slug="impressum", locale__language_code="de").unpublish()
    assert "/de/impressum/" not in footer(client.get("/de/").content.decode())


def test_english_footer_links_the_translated_legal_pages(seeded, client):
    html = footer(client.get("/en/").content.decode())
    for title, href in {
        "Legal notice": "/en/legal-notice/",
        "Privacy statement": "/en/privacy/",
        "Accessibility statement": "/en/accessibility/",
        "Contact": "/en/contact/",
    }.items():
        assert f'<a href="{href}">{title}</a>' in html


def test_english_contact_form_is_translated_but_stores_the_same_fields(seeded, client):
    content = client.get("/en/contact/").content.decode()
    assert '<label class="kern-label" for="id_nachricht">Message *</label>' in content


def test_publisher_is_named_in_the_visitors_language(seeded, client):
    assert "Herausgeber: Landesregierung Nordrhein-Westfalen" in client.get("/de/").content.decode()
    assert "Publisher: Government of North Rhine-Westphalia" in client.get("/en/").content.decode()


def test_contact_page_shows_the_publishers_address_in_its_language(seeded, client):
    from portal.models import PublisherDetails

    german = PublisherDetails.objects.get(locale__language_code="de")
    german.postal_address = "Musterstraße 1\n40000 Düsseldorf"
    german.save()
    english = PublisherDetails.objects.get(locale__language_code="en")
    english.postal_address = "Musterstraße 1\n40000 Düsseldorf\nGermany"
    english.save()
    assert (
        "Musterstraße 1<br>40000 Düsseldorf</address>"
        in client.get("/de/kontakt/").content.decode()
    )
    assert "40000 Düsseldorf<br>Germany</address>" in client.get("/en/contact/").content.decode()


def test_second_publisher_in_the_same_language_is_refused(seeded):
    from django.core.exceptions import ValidationError

    from portal.models import PublisherDetails

    german = PublisherDetails.objects.get(locale__language_code="de")
    duplicate = PublisherDetails(name="Zweiter Herausgeber", locale=german.locale)
    with (
        translation.override("de"),
        pytest.raises(ValidationError, match="gibt es die Angaben zum Herausgeber schon"),
    ):
        duplicate.full_clean()
