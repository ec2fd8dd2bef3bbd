"""Choosers opened while editing an English page or snippet offer English items: the page
chooser starts in (and searches) the English tree, the partner and contact person choosers
list English snippets, the document chooser lists English documents first. An explicit
choice in the chooser's locale filter still wins."""

import re

from wagtail.models import Collection, Page

import pytest

from downloads.models import PortalDocument
from partners.models import Partner

PARTNER_CHOOSER = "/admin/snippets/choose/partners/partner/"


@pytest.fixture
def edit_urls(seeded):
    contact = {
        code: Page.objects.get(locale__language_code=code, depth=3, slug=slug)
        for code, slug in (("de", "kontakt"), ("en", "contact"))
    }
    return {
        code: f"http://testserver/admin/pages/{page.pk}/edit/" for code, page in contact.items()
    }


@pytest.fixture
def english_partner(seeded, locale_en):
    german = Partner.objects.filter(locale__language_code="de").order_by("name").first()
    english = german.copy_for_translation(locale_en)
    english.name = "English Partner Ltd"
    english.save()
    return german, english


def titles(response):
    assert response.status_code == 200
    html = response.json()["html"] if "json" in response["Content-Type"] else response.text
    return re.sub(r"\s+", " ", html)


def test_partner_chooser_lists_english_partners_for_an_english_page(
    administration_client, edit_urls, english_partner
):
    german, english = english_partner
    html = titles(administration_client.get(PARTNER_CHOOSER, HTTP_REFERER=edit_urls["en"]))
    assert english.name in html and german.name not in html

    html = titles(administration_client.get(PARTNER_CHOOSER, HTTP_REFERER=edit_urls["de"]))
    assert german.name in html and english.name not in html


def test_an_explicit_locale_choice_wins(administration_client, edit_urls, english_partner):
    german, english = english_partner
    html = titles(
        administration_client.get(PARTNER_CHOOSER, {"locale": ""}, HTTP_REFERER=edit_urls["en"])
    )
    assert german.name in html and english.name in html


def test_snippet_chooser_from_an_english_snippet(administration_client, english_partner):
    german, english = english_partner
    referer = f"http://testserver/admin/snippets/partners/partner/edit/{english.pk}/"
    results = PARTNER_CHOOSER + "results/"
    html = titles(administration_client.get(results, HTTP_REFERER=referer))
    assert english.name in html and german.name not in html


def test_page_chooser_starts_in_the_english_tree(administration_client, edit_urls, seeded):
    html = titles(administration_client.get("/admin/choose-page/", HTTP_REFERER=edit_urls["en"]))
    assert f"/admin/choose-page/{seeded['en'].pk}/" in html
    assert f"/admin/choose-page/{seeded['de'].pk}/" not in html

    html = titles(administration_client.get("/admin/choose-page/", HTTP_REFERER=edit_urls["de"]))
    assert f"/admin/choose-page/{seeded['de'].pk}/" in html
    assert f"/admin/choose-page/{seeded['en'].pk}/" not in html


def test_page_chooser_search_finds_pages_of_the_english_tree(
    administration_client, edit_urls, seeded
):
    downloads = {
        code: Page.objects.get(locale__language_code=code, slug="downloads")
        for code in ("de", "en")
    }
    search = "/admin/choose-page/search/"
    html = titles(
        administration_client.get(search, {"q": "Downloads"}, HTTP_REFERER=edit_urls["en"])
    )
    assert f'data-id="{downloads["en"].pk}"' in html or f"/{downloads['en'].pk}/" in html
    assert f"/{downloads['de'].pk}/" not in html and f'"{downloads["de"].pk}"' not in html


def test_document_chooser_lists_english_documents_first(administration_client, edit_urls, seeded):
    collection = Collection.get_first_root_node()
    for language, title in (("de", "Zzz deutsches Dokument"), ("en", "Aaa English document")):
        PortalDocument.objects.create(
            title=title, file=f"documents/{language}.pdf", language=language, collection=collection
        )
    english = titles(
        administration_client.get("/admin/documents/chooser/", HTTP_REFERER=edit_urls["en"])
    )
    assert english.index("Aaa English document") < english.index("Zzz deutsches Dokument")
    german = titles(
        administration_client.get("/admin/documents/chooser/", HTTP_REFERER=edit_urls["de"])
    )
    assert german.index("Zzz deutsches Dokument") < german.index("Aaa English document")
