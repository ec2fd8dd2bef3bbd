"""Structured data for search engines (schema.org JSON-LD in the head): the publisher on the
home page, a news article on press releases, a document on the publication page (issue 14,
item 7); and the Twitter card on every page."""

import json
import re

import pytest

from downloads.models import PublicationPage
from portal.publisher import PublisherDetails
from press.models import PressReleasePage

pytestmark = pytest.mark.django_db

SCRIPT = re.compile(r'<script type="application/ld\+json">(.*?)</script>', re.S)


def json_ld(client, url):
    """The page's JSON-LD objects (there is at most one)."""
    response = client.get(url)
    assert response.status_code == 200
    content = response.content.decode()
    head = content[: content.index("</head>")]
    found = [json.loads(text) for text in SCRIPT.findall(head)]
    assert len(found) <= 1
    assert re.search(r'<meta name="twitter:card" content="summary(_large_image)?">', head)
    return found[0] if found else None


@pytest.mark.parametrize(("url", "language"), [("/de/", "de"), ("/en/", "en")])
def test_the_home_page_names_the_publisher_as_government_organisation(
    seeded, client, url, language
):
    publisher = PublisherDetails.objects.get(locale__language_code=language)
    data = json_ld(client, url)
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "GovernmentOrganization"
    assert data["name"] == publisher.name
    assert data["url"] == f"http://testserver{url}"
    assert "address" not in data  # the seed has none
    publisher.postal_address = "Haroldstraße 4\n\n40213 Düsseldorf\n"
    publisher.save()
    assert json_ld(client, url)["address"] == "Haroldstraße 4, 40213 Düsseldorf"


def test_a_press_release_is_a_news_article_by_the_publisher(seeded, client):
    release = PressReleasePage.objects.live().get(locale__language_code="en")
    data = json_ld(client, release.url)
    assert data["@type"] == "NewsArticle"
    assert data["headline"] == release.title
    assert data["datePublished"] == release.date.isoformat()
    assert data["dateModified"].startswith(release.last_published_at.date().isoformat())
    assert data["inLanguage"] == "en"
    assert data["url"] == f"http://testserver{release.url}"
    assert data["author"] == data["publisher"]
    assert data["publisher"]["name"] == PublisherDetails.objects.get(locale=release.locale).name


def test_the_publication_page_is_a_document_to_download(seeded, client):
    publication = PublicationPage.objects.get(locale__language_code="de")
    data = json_ld(client, publication.url)
    assert data["@type"] == "DigitalDocument"
    assert data["name"] == publication.title
    assert data["description"]
    encoding = data["encoding"]
    assert encoding["contentUrl"] == f"http://testserver{publication.document.url}"
    assert encoding["encodingFormat"] == "application/pdf"
    assert encoding["contentSize"] == f"{publication.document.get_file_size()} B"


def test_pages_without_a_description_of_their_kind_have_none(seeded, client):
    assert json_ld(client, "/de/kontakt/") is None


def test_text_in_the_data_cannot_end_the_script(seeded, client):
    release = PressReleasePage.objects.live().get(locale__language_code="de")
    release.title = "Ende </script><script>alert(1)</script> & mehr"
    release.save_revision().publish()
    response = client.get(release.url).content.decode()
    assert "</script><script>alert(1)" not in response[: response.index("</head>")]
    assert json_ld(client, release.url)["headline"] == release.title
