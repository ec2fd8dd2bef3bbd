"""Every public page needs at most ten queries once warm, however much content there is.

"Warm": the page was shown once since the content last changed, so what is kept per content
generation (`portal.content_cache`: the site frame, the routes, the view restrictions) and
Wagtail's per-process caches are filled. A publish starts a new generation; the first request
after it pays the full price (see `test_a_cold_page_after_a_publish_stays_bounded`).
"""

import pytest

from downloads.models import DownloadIndexPage, PublicationOrderPage, PublicationPage
from home.models import ContactPage, SectionPage, StandardPage, TopicPage
from press.models import PressReleaseIndexPage, PressReleasePage
from tests.factories import SectionPageFactory, StandardPageFactory, TopicPageFactory

BUDGET = 10  # every HTML page, warm
# The search too: a count and a slice per block of results (pages, partners, documents in two
# languages), the hits' pages and documents, the statistics and the site.
SEARCH_BUDGET = 10
# Cold, right after a publish: routing, the site frame and the page's own queries.
COLD_BUDGET = 22


def _status(client, url):
    return client.get(url).status_code


def warm_queries(client, url, assert_max_queries, budget=BUDGET, status=200):
    """The queries of a GET of `url` once warm; fails above `budget`."""
    assert _status(client, url) == status, url  # warm
    with assert_max_queries(budget, info=url) as context:
        assert _status(client, url) == status, url
    return len(context)


def first_of(model, language, **filters):
    page = model.objects.live().filter(locale__language_code=language, **filters).first()
    assert page is not None, f"the seed has a {model.__name__} in {language}"
    return page.url


def page_urls(language):
    """One URL of each public page type of the seeded portal in `language`."""
    archive = PressReleaseIndexPage.objects.live().get(locale__language_code=language)
    topic = TopicPage.objects.live().filter(locale__language_code=language).first()
    release = PressReleasePage.objects.live().filter(locale__language_code=language).first()
    return {
        "home": f"/{language}/",
        "section": first_of(SectionPage, language),
        "topic": topic.url,
        "legal page": first_of(StandardPage, language, role=StandardPage.Role.IMPRINT),
        "contact form": first_of(ContactPage, language),
        "press archive": archive.url,
        "press archive, year": f"{archive.url}{release.date.year}/",
        "press archive, topic": f"{archive.url}?thema={topic.pk}",
        "press release": release.url,
        "downloads": first_of(DownloadIndexPage, language),
        "publication": first_of(PublicationPage, language),
        "order form": first_of(PublicationOrderPage, language),
    }


@pytest.mark.parametrize("language", ["de", "en"])
def test_every_page_type_needs_at_most_ten_queries(
    seeded, client, language, django_assert_max_num_queries
):
    for url in page_urls(language).values():
        warm_queries(client, url, django_assert_max_num_queries)
    warm_queries(client, f"/{language}/gibt-es-nicht/", django_assert_max_num_queries, status=404)


@pytest.mark.parametrize("url", ["/de/suche/?q=Partner", "/en/search/?q=partner"])
def test_the_search_stays_within_its_budget(seeded, client, url, django_assert_max_num_queries):
    warm_queries(client, url, django_assert_max_num_queries, SEARCH_BUDGET)


def test_a_cold_page_after_a_publish_stays_bounded(seeded, client, django_assert_max_num_queries):
    urls = page_urls("de")
    for url in urls.values():
        client.get(url)
    StandardPageFactory(parent=seeded["de"], title="Neu veröffentlicht")  # a new generation
    for url in urls.values():
        with django_assert_max_num_queries(COLD_BUDGET, info=url):
            assert _status(client, url) == 200


def test_queries_do_not_grow_with_menu_items_and_teasers(
    seeded, client, django_assert_max_num_queries
):
    home = seeded["de"]
    section = SectionPageFactory(parent=home, title="Wachsend", show_in_menus=True)
    topic = TopicPageFactory(parent=section, title="Thema 0", show_in_menus=True)
    urls = [home.url, section.url, topic.url, StandardPage.objects.live().first().url]

    def counts():
        return [warm_queries(client, url, django_assert_max_num_queries) for url in urls]

    few = counts()
    for number in range(1, 300):
        TopicPageFactory(parent=section, title=f"Thema {number}", show_in_menus=True)
    SectionPageFactory.create_batch(10, parent=home, show_in_menus=True)
    many = counts()
    assert many == few
    response = client.get(section.url)
    assert response.content.decode().count("Thema 299") >= 1
