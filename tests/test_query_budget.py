"""Every page render has a fixed query budget that does not grow with the content."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from home.models import SectionPage
from tests.factories import SectionPageFactory, StandardPageFactory, TopicPageFactory

# Measured with the seed content; the English tree costs one query more (the locale lookup).
BUDGET = {
    "home": 18,
    # The child teasers of any page type: `specific` costs one query per type among them.
    "section": 24,
    "topic": 26,
    "standard": 20,
}


def _queries(client, url):
    client.get(url)  # warm the per-process caches (site root paths, content types)
    with CaptureQueriesContext(connection) as context:
        response = client.get(url)
    assert response.status_code == 200, url
    return len(context)


@pytest.mark.parametrize("language", ["de", "en"])
def test_each_page_type_stays_within_its_budget(seeded, client, language):
    home = seeded[language]
    section = SectionPage.objects.get(locale=home.locale)
    topic = section.get_children().first()
    standard = StandardPageFactory(parent=home, title="Testseite Budget")
    urls = {"home": home.url, "section": section.url, "topic": topic.url, "standard": standard.url}
    for kind, url in urls.items():
        assert _queries(client, url) <= BUDGET[kind], f"{kind} page {url}"


def test_queries_do_not_grow_with_teasers_and_menu_items(seeded, client):
    home = seeded["de"]
    section = SectionPageFactory(parent=home, title="Wachsend")
    TopicPageFactory(parent=section, title="Thema 0")
    few = _queries(client, section.url)
    for number in range(1, 12):
        TopicPageFactory(parent=section, title=f"Thema {number}")
        SectionPageFactory(parent=home, title=f"Menüpunkt {number}")
    assert _queries(client, section.url) == few
