"""List endpoints of the API cost the same number of queries for 10 and for 200 items."""

from wagtail.models import Locale

import pytest

from downloads.models import PortalDocument
from home.models import TopicPage
from partners.models import Partner
from portal.contacts import ContactPerson
from portal.models import PortalImage
from press.models import PressReleaseIndexPage
from tests.factories import make_releases

COUNT = 200


@pytest.fixture
def many(seeded, settings):
    """200 each: press releases (on a topic), partners, contact persons, documents, images."""
    settings.WAGTAILAPI_LIMIT_MAX = None
    german = Locale.objects.get(language_code="de")
    index = PressReleaseIndexPage.objects.get(locale=german)
    topic = TopicPage.objects.filter(locale=german).first()
    make_releases(index, COUNT, topics=[topic])
    Partner.objects.bulk_create(
        Partner(name=f"Partner {number}", kind="verband", place="Köln", live=True, locale=german)
        for number in range(COUNT)
    )
    ContactPerson.objects.bulk_create(
        ContactPerson(name=f"Person {number}", live=True, locale=german) for number in range(COUNT)
    )
    PortalDocument.objects.bulk_create(
        PortalDocument(title=f"Dokument {number}", file=f"documents/d{number}.pdf", file_size=10)
        for number in range(COUNT)
    )
    PortalImage.objects.bulk_create(
        PortalImage(
            title=f"Bild {number}",
            file=f"original_images/b{number}.png",
            width=8,
            height=8,
            description="Ein Bild",
        )
        for number in range(COUNT)
    )
    return index


# The most queries any of the lists below needs for 10 items.
BUDGET = 12  # measured 10 on SQLite; headroom for other databases


def queries(client, assert_max_num_queries, url):
    client.get(url, HTTP_HOST="localhost")  # warm per-process caches (content types, sites)
    with assert_max_num_queries(BUDGET, info=url) as context:
        response = client.get(url, HTTP_HOST="localhost")
    assert response.status_code == 200, response.content
    return len(context), len(response.json()["items"])


ENDPOINTS = [
    "pages/?child_of={index}",
    "pages/?type=press.PressReleasePage&locale=de",
    "press-releases/?locale=de",
    "partners/?kind=verband",
    "contact-persons/?locale=de",
    "documents/",
    "images/",
]


def test_list_queries_do_not_grow_with_items(many, client, django_assert_max_num_queries):
    """One test for all lists: building 200 pages takes a while."""
    for endpoint in ENDPOINTS:
        url = "/api/v3/" + endpoint.format(index=many.pk)
        separator = "&" if "?" in url else "?"
        few, few_items = queries(client, django_assert_max_num_queries, f"{url}{separator}limit=10")
        lots, lots_items = queries(
            client, django_assert_max_num_queries, f"{url}{separator}limit={COUNT}"
        )
        assert (few_items, lots_items) == (10, COUNT), endpoint
        assert lots == few, endpoint
