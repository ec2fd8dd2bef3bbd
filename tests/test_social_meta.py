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
