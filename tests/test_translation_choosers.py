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


def chooser_start(client, referer=None, **params):
    """Where the page chooser opens (it follows the redirect, as the modal's fetch does)."""
    extra = {"HTTP_REFERER": referer} if referer else {}
    response = client.get("/admin/choose-page/", params, follow=True, **extra)
    return response.redirect_chain, titles(response)


@pytest.mark.parametrize("code", ["de", "en"])
def test_page_chooser_starts_in_the_edited_pages_language_tree(
    administration_client, edit_urls, seeded, code
):
    other = "en" if code == "de" else "de"
    chain, html = chooser_start(administration_client, edit_urls[code])
    assert chain == [(f"/admin/choose-page/{seeded[code].pk}/", 302)]
    sections = {
        language: Page.objects.get(
            locale__language_code=language, depth=3, slug__startswith="integration"
        )
        for language in (code, other)
    }
    assert f"/admin/choose-page/{sections[code].pk}/" in html  # the home page's children
    assert f"/admin/choose-page/{sections[other].pk}/" not in html


def test_page_chooser_without_an_edited_page_starts_in_the_german_tree(
    administration_client, seeded
):
    chain, _html = chooser_start(administration_client)
    assert chain == [(f"/admin/choose-page/{seeded['de'].pk}/", 302)]


def test_page_chooser_keeps_its_options_and_an_explicit_language(
    administration_client, edit_urls, seeded
):
    chain, _html = chooser_start(
        administration_client, edit_urls["de"], locale="en", allow_external_link="true"
    )
    assert chain == [(f"/admin/choose-page/{seeded['en'].pk}/?allow_external_link=true", 302)]


def test_page_chooser_for_a_page_type_keeps_wagtails_start(administration_client, seeded):
    chain, html = chooser_start(administration_client, page_type="partners.partnerindexpage")
    assert chain == []  # the common ancestor of both directories: the root, both trees
    assert all(f"/admin/choose-page/{home.pk}/" in html for home in seeded.values())


def test_page_chooser_is_for_the_admin_only(client, seeded):
    response = client.get("/admin/choose-page/")
    assert response.status_code == 302 and "/admin/login/" in response["Location"]


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
