"""The sitemap lists both languages, each page with its translations as hreflang alternates,
without a query per page, and never a draft translation."""

import re

from home.models import ContactPage
from tests.factories import StandardPageFactory


def sitemap(client):
    response = client.get("/sitemap.xml")
    assert response.status_code == 200
    return response.content.decode()


def url_entry(xml, location):
    return re.search(rf"<url><loc>{re.escape(location)}</loc>.*?</url>", xml, re.S).group(0)


def test_pages_carry_hreflang_alternates_of_both_languages(client, seeded):
    xml = sitemap(client)
    assert 'xmlns:xhtml="http://www.w3.org/1999/xhtml"' in xml
    german = url_entry(xml, "http://testserver/de/kontakt/")
    english = url_entry(xml, "http://testserver/en/contact/")
    for entry in (german, english):
        assert (
            '<xhtml:link rel="alternate" hreflang="de" href="http://testserver/de/kontakt/"/>'
            in entry
        )
        assert (
            '<xhtml:link rel="alternate" hreflang="en" href="http://testserver/en/contact/"/>'
            in entry
        )


def test_an_untranslated_page_has_no_alternates(client, seeded):
    StandardPageFactory(parent=seeded["de"], title="Nur Deutsch", slug="nur-deutsch")
    entry = url_entry(sitemap(client), "http://testserver/de/nur-deutsch/")
    assert "xhtml:link" not in entry


def test_a_draft_translation_is_no_alternate(client, seeded, locale_en):
    english = ContactPage.objects.get(locale=locale_en, slug="contact")
    english.unpublish()
    xml = sitemap(client)
    assert "/en/contact/" not in xml
    assert "xhtml:link" not in url_entry(xml, "http://testserver/de/kontakt/")


# The sitemap of the seed content, from cold caches.
SITEMAP_BUDGET = 25  # measured 21 on SQLite; headroom for other databases


def test_query_count_does_not_grow_with_pages(client, seeded, django_assert_max_num_queries):
    def count():
        with django_assert_max_num_queries(SITEMAP_BUDGET) as queries:
            sitemap(client)
        return len(queries)

    before = count()
    for index in range(10):
        StandardPageFactory(parent=seeded["de"], title=f"Seite {index}")
    assert count() == before
