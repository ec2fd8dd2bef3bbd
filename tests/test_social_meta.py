"""What search engines and link previews see of a page: title, description, Open Graph."""

from html.parser import HTMLParser

import pytest

from home.models import TopicPage
from press.models import PressReleasePage

pytestmark = pytest.mark.django_db


class HeadParser(HTMLParser):
    def __init__(self):
        super().__init__()
        self.meta, self.title, self._in_title = {}, "", False

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "meta" and ("property" in attrs or "name" in attrs):
            self.meta[attrs.get("property") or attrs["name"]] = attrs.get("content")
        self._in_title = tag == "title"

    def handle_data(self, data):
        if self._in_title:
            self.title += data

    def handle_endtag(self, tag):
        self._in_title = False


def head_of(client, url):
    response = client.get(url)
    assert response.status_code == 200
    parser = HeadParser()
    parser.feed(response.content.decode())
    return parser


def test_the_home_page_title_names_the_site_once(seeded, client):
    assert head_of(client, "/de/").title == "chancen.nrw"
    assert head_of(client, "/en/").title == "chancen.nrw"


def test_a_topic_page_describes_itself_for_search_engines_and_previews(seeded, client):
    topic = TopicPage.objects.get(locale__language_code="en", slug="intercultural-opening")
    head = head_of(client, topic.url)

    assert head.title == f"{topic.title} – chancen.nrw"
    assert head.meta["description"] and head.meta["description"] in topic.lead
    assert head.meta["og:title"] == topic.title
    assert head.meta["og:description"] == head.meta["description"]
    assert head.meta["og:url"] == f"http://testserver{topic.url}"
    assert head.meta["og:locale"] == "en_GB"
    assert head.meta["og:type"] == "website"


def test_a_press_release_is_shared_as_an_article(seeded, client):
    release = PressReleasePage.objects.live().filter(locale__language_code="de").first()
    head = head_of(client, release.url)

    assert head.meta["og:type"] == "article"
    assert head.meta["og:locale"] == "de_DE"
    assert "<" not in head.meta.get("description", "")


def test_every_page_has_a_share_image_at_the_public_address(seeded, client, settings):
    """Without an image of its own a page is shared with the portal's image, absolute, at the
    public address, with size and alternative text (Open Graph and Twitter card)."""
    settings.PORTAL_PUBLIC_URL = "https://www.chancen.nrw"
    for url in ("/de/", "/en/", "/de/kontakt/"):
        head = head_of(client, url)
        assert head.meta["og:image"] == "https://www.chancen.nrw/static/brand/share.png", url
        assert (head.meta["og:image:width"], head.meta["og:image:height"]) == ("1200", "630")
        assert head.meta["og:image:alt"].startswith("chancen.nrw – ")
        assert head.meta["twitter:card"] == "summary_large_image"
        assert head.meta["twitter:image"] == head.meta["og:image"]
    assert head_of(client, "/en/").meta["og:image:alt"] == (
        "chancen.nrw – intercultural opening in North Rhine-Westphalia"
    )


def test_the_default_share_image_is_served_and_1200_by_630(seeded, client, settings):
    import io

    from django.test import Client

    from PIL import Image

    settings.WHITENOISE_USE_FINDERS = True
    settings.WHITENOISE_AUTOREFRESH = True
    url = head_of(client, "/de/").meta["og:image"]
    assert url.startswith("http://testserver/static/")
    response = Client().get(url.removeprefix("http://testserver"))
    assert response.status_code == 200
    assert response["Content-Type"] == "image/png"
    body = b"".join(response.streaming_content)
    assert Image.open(io.BytesIO(body)).size == (1200, 630)


def test_a_publication_is_shared_with_its_cover(seeded, client):
    from downloads.models import PublicationPage

    publication = PublicationPage.objects.live().filter(locale__language_code="de").first()
    cover = publication.cover_image
    assert cover is not None
    head = head_of(client, publication.url)
    image = head.meta["og:image"]
    assert image.startswith("http://testserver/media/") and image != (
        "http://testserver/static/brand/share.png"
    )
    rendition = cover.get_rendition("max-1200x630")
    assert image == f"http://testserver{rendition.url}"
    assert head.meta["og:image:width"] == str(rendition.width)
    assert head.meta["og:image:alt"] == f"Titelseite: {publication.title}"
    assert head.meta["twitter:card"] == "summary"  # a portrait cover, not cut to 2:1
    assert head.meta["twitter:image"] == image
    with open(rendition.file.path, "rb") as file:
        assert file.read(4) in (b"\x89PNG", b"\xff\xd8\xff\xe0"[:4], b"RIFF")


def test_a_cover_whose_file_is_gone_falls_back_to_the_portal_image(seeded, client, media):
    from django.core.cache import caches

    from downloads.models import PublicationPage

    for cache in caches.all():
        cache.clear()  # no rendition remembered from an earlier test
    publication = PublicationPage.objects.live().filter(locale__language_code="de").first()
    publication.cover_image.renditions.all().delete()  # none was made ahead
    head = head_of(client, publication.url)  # the cover's file is not in this MEDIA_ROOT
    assert head.meta["og:image"] == "http://testserver/static/brand/share.png"


def test_a_publication_is_described_by_its_summary(seeded, client):
    from downloads.models import PublicationPage

    publication = PublicationPage.objects.live().filter(locale__language_code="de").first()
    publication.search_description = ""
    publication.summary = "<p>Wie Arbeitgeber &amp; Vereine zusammenarbeiten.</p>"
    publication.save_revision().publish()

    head = head_of(client, publication.url)

    assert head.meta["description"] == "Wie Arbeitgeber & Vereine zusammenarbeiten."
    assert head.meta["og:description"] == head.meta["description"]
