"""Every page render has a fixed query budget that does not grow with the content."""

import pytest

from home.models import SectionPage
from tests.factories import SectionPageFactory, StandardPageFactory, TopicPageFactory

# Measured with the seed content; the English tree costs one query more (the locale lookup).
BUDGET = {
    # The editors' blocks (home.blocks), each a fixed cost however much it shows: sections
    # two, the publication with cover and document one, the newest press releases three
    # (view restrictions, releases, archive), "Partner werden" and contact one each.
    "home": 24,
    # The child teasers of any page type: `specific` costs one query per type among them.
    "section": 24,
    "topic": 26,
    "standard": 20,
}


def _get(client, url):
    response = client.get(url)
    assert response.status_code == 200, url


@pytest.mark.parametrize("language", ["de", "en"])
def test_each_page_type_stays_within_its_budget(
    seeded, client, language, django_assert_max_num_queries
):
    home = seeded[language]
    section = SectionPage.objects.get(locale=home.locale)
    topic = section.get_children().first()
    standard = StandardPageFactory(parent=home, title="Testseite Budget")
    urls = {"home": home.url, "section": section.url, "topic": topic.url, "standard": standard.url}
    for kind, url in urls.items():
        _get(client, url)  # warm the per-process caches (site root paths, content types)
        with django_assert_max_num_queries(BUDGET[kind], info=f"{kind} page {url}"):
            _get(client, url)


def test_queries_do_not_grow_with_teasers_and_menu_items(
    seeded, client, django_assert_max_num_queries, django_assert_num_queries
):
    home = seeded["de"]
    section = SectionPageFactory(parent=home, title="Wachsend")
    TopicPageFactory(parent=section, title="Thema 0")
    _get(client, section.url)  # warm
    with django_assert_max_num_queries(BUDGET["section"]) as context:
        _get(client, section.url)
    few = len(context)  # read now: the next request clears Django's query log
    for number in range(1, 12):
        TopicPageFactory(parent=section, title=f"Thema {number}")
        SectionPageFactory(parent=home, title=f"Menüpunkt {number}")
    _get(client, section.url)  # warm
    with django_assert_num_queries(few):
        _get(client, section.url)
