"""The downloads page and publication pages: rules, rendering in both languages, query counts."""

from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

import pytest

from downloads.blocks import DownloadGroupBlock
from downloads.models import (
    DownloadIndexPage,
    PortalDocument,
    PublicationOrderPage,
    PublicationPage,
)
from downloads.seed import brochure
from home.models import HomePage
from tests.factories import PublicationPageFactory

DOWNLOADS_DE = "/de/downloads/"
DOWNLOADS_EN = "/en/downloads/"
BROCHURE_DE = "/de/downloads/migrantenselbstorganisationen-als-partner/"
BROCHURE_EN = "/en/downloads/migrant-organisations-as-partners/"
ORDER_DE = BROCHURE_DE + "bestellen/"
ORDER_EN = BROCHURE_EN + "order/"


pytestmark = pytest.mark.usefixtures("media")


class TestPageRules(WagtailPageTestCase):
    def test_publications_live_below_the_downloads_page_and_orders_below_them(self):
        self.assertAllowedParentPageTypes(PublicationPage, {DownloadIndexPage})
        self.assertAllowedParentPageTypes(PublicationOrderPage, {PublicationPage})
        self.assertAllowedSubpageTypes(DownloadIndexPage, {PublicationPage})
        self.assertAllowedSubpageTypes(PublicationPage, {PublicationOrderPage})
        self.assertAllowedSubpageTypes(PublicationOrderPage, set())

    def test_the_downloads_page_declares_the_home_page_as_its_parent(self):
        assert DownloadIndexPage.clean_parent_page_models() == [HomePage]

    def test_the_downloads_page_can_be_created_below_the_home_page(self):
        self.assertAllowedParentPageTypes(DownloadIndexPage, {HomePage})

    def test_one_downloads_page_and_one_order_form_per_parent(self):
        assert DownloadIndexPage.max_count_per_parent == 1
        assert PublicationOrderPage.max_count_per_parent == 1


class TestAdminEditing(WagtailPageTestCase):
    """Editors can open and save each page type in the admin."""

    def test_publication_and_order_pages_are_editable(self):
        self.assertPageIsEditable(PublicationPage.objects.get(locale__language_code="de"))
        self.assertPageIsEditable(PublicationOrderPage.objects.get(locale__language_code="de"))

    def test_downloads_page_with_groups_is_editable(self):
        downloads = DownloadIndexPage.objects.get(locale__language_code="de")
        document = PortalDocument.objects.get(title=brochure.TITLE)
        group = {
            "heading": "Interkulturelle Öffnung",
            "description": "",
            "documents": streamfield([("item", document.pk)]),
        }
        post_data = nested_form_data(
            {
                "title": downloads.title,
                "slug": downloads.slug,
                "lead": downloads.lead,
                "body": streamfield([("paragraph", rich_text("<p>Text</p>"))]),
                "groups": streamfield([("group", group)]),
            }
        )
        self.assertPageIsEditable(downloads, post_data=post_data)

    def test_a_group_needs_a_heading_and_at_least_one_document(self):
        block = DownloadGroupBlock()
        with pytest.raises(StructBlockValidationError) as error:
            block.clean(block.to_python({"heading": "", "documents": []}))
        assert set(error.value.block_errors) == {"heading", "documents"}


def _main(response):
    html = response.content.decode()
    return html[html.index("<main") : html.index("</main>")]


PAGES = [
    (DOWNLOADS_DE, ["<h1>Downloads</h1>", "Interkulturelle Öffnung", "(PDF, 3,"]),
    (DOWNLOADS_EN, ["<h1>Downloads</h1>", "Intercultural opening", "(PDF, 3."]),
    (BROCHURE_DE, [brochure.SUMMARY[0], brochure.SUMMARY[1], "2 Seiten, Deutsch)"]),
    (BROCHURE_EN, ["growing diversity", "suitable trainees", 'hreflang="de"']),
    (ORDER_DE, ["<h1>Gedruckte Exemplare bestellen</h1>", 'name="quantity"']),
    (ORDER_EN, ["<h1>Order printed copies</h1>", 'name="postal_address"']),
]


def test_pages_render_in_both_languages(seeded, client):
    for url, expected in PAGES:
        response = client.get(url)
        assert response.status_code == 200, url
        main = _main(response)
        for text in expected:
            assert text in main, (url, text)


def test_downloads_page_lists_publications_and_grouped_documents(seeded, client):
    main = _main(client.get(DOWNLOADS_DE))
    assert main.index('id="publications-heading"') < main.index('class="download-group"')
    assert f'<a href="{BROCHURE_DE}">{brochure.TITLE}</a>' in main
    document = PortalDocument.objects.get(title=brochure.TITLE)
    assert main.count(f'href="{document.url}"') == 2  # in the publication and in its group
    assert "<h3" in main and "<h2" in main


def test_english_pages_mark_the_german_document(seeded, client):
    main = _main(client.get(DOWNLOADS_EN))
    assert 'hreflang="de"' in main
    assert "German)" in main


def test_publication_page_has_a_download_button_with_facts_and_the_order_link(seeded, client):
    main = _main(client.get(BROCHURE_DE))
    assert 'class="button kern-btn kern-btn--primary"' in main
    assert "(PDF, 3,6\xa0KB, 2 Seiten, Deutsch)" in main
    assert f'href="{ORDER_DE}"' in main


def test_publication_cover_is_a_rendition(seeded, client):
    publication = PublicationPage.objects.get(locale__language_code="de")
    publication.cover = get_image_model().objects.create(
        title="Titelblatt", file=get_test_image_file(), description="Titelblatt des Leitfadens"
    )
    publication.save_revision().publish()
    main = _main(client.get(BROCHURE_DE))
    assert 'alt="Titelblatt des Leitfadens"' in main
    assert ".max-320x440" in main


def test_unpublished_publications_are_not_listed(seeded, client):
    publication = PublicationPage.objects.get(locale__language_code="de")
    publication.unpublish()
    main = _main(client.get(DOWNLOADS_DE))
    assert "publications-heading" not in main


def test_publications_are_paginated_and_bad_page_numbers_are_harmless(seeded, client):
    downloads = DownloadIndexPage.objects.get(locale__language_code="de")
    for number in range(25):
        PublicationPageFactory(parent=downloads, title=f"Heft {number}", summary="<p>x</p>")
    first = _main(client.get(DOWNLOADS_DE))
    assert first.count('class="teaser publication-teaser kern-card"') == 20
    assert "?seite=2" in first
    second = _main(client.get(DOWNLOADS_DE + "?seite=2"))
    assert second.count('class="teaser publication-teaser kern-card"') == 6
    for bad in ["abc", "0", "-1", "99999999999999999999", "%00"]:
        assert client.get(DOWNLOADS_DE + "?seite=" + bad).status_code == 200


def _get(client, url):
    assert client.get(url).status_code == 200


def _queries(client, url, assert_max_num_queries, budget):
    """The queries of one request to `url` (at most `budget`), once the caches are warm."""
    _get(client, url)  # warm the per-process caches (site root paths, content types, renditions)
    with assert_max_num_queries(budget) as context:
        _get(client, url)
    return len(context)


def _fill(downloads, cover, count):
    """`count` documents in two groups and `count` publications with cover and file."""
    existing = PortalDocument.objects.count()
    documents = PortalDocument.objects.bulk_create(
        PortalDocument(
            title=f"Dokument {number}",
            file=f"documents/dokument-{number}.pdf",
            file_size=1000 + number,
            file_format="pdf",
            page_count=number + 1,
        )
        for number in range(existing, existing + count)
    )
    block = DownloadGroupBlock()
    half = len(documents) // 2
    downloads.groups = [
        ("group", block.to_python({"heading": heading, "documents": [d.pk for d in part]}))
        for heading, part in [("Thema A", documents[:half]), ("Thema B", documents[half:])]
    ]
    downloads.save_revision().publish()
    for number, document in enumerate(documents):
        PublicationPageFactory(
            parent=downloads,
            title=f"Publikation {existing + number}",
            document=document,
            cover=cover,
        )


# Every HTML page once warm (tests/test_query_budget.py).
BUDGET = 10


def test_downloads_page_queries_do_not_grow_with_documents_and_publications(
    seeded, client, django_assert_max_num_queries
):
    downloads = DownloadIndexPage.objects.get(locale__language_code="de")
    cover = get_image_model().objects.create(
        title="Titel", file=get_test_image_file(), description="Titelblatt"
    )
    _fill(downloads, cover, 3)
    few = _queries(client, DOWNLOADS_DE, django_assert_max_num_queries, BUDGET)
    _fill(downloads, cover, 297)
    main = _main(client.get(DOWNLOADS_DE))
    assert main.count('<li><p class="document-link">') + main.count('class="document-link"') > 300
    # No growth: at most as many. Fewer happens (PostgreSQL, parallel run: 8 against 10, the
    # content generation's entries warmer by then), more never.
    _queries(client, DOWNLOADS_DE, django_assert_max_num_queries, few)


@pytest.mark.parametrize("language", ["de", "en"])
def test_page_query_budgets(seeded, client, language, django_assert_max_num_queries):
    urls = {
        "de": [DOWNLOADS_DE, BROCHURE_DE, ORDER_DE],
        "en": [DOWNLOADS_EN, BROCHURE_EN, ORDER_EN],
    }
    for url in urls[language]:
        _queries(client, url, django_assert_max_num_queries, BUDGET)
