"""RSS and Atom feeds of the press release archive: well-formed, per language, public only."""

import datetime
from email.utils import parsedate_to_datetime
from xml.etree import ElementTree

from django.utils.encoding import iri_to_uri

from wagtail.models import PageViewRestriction

import pytest

from press.feeds import FEED_LENGTH
from press.models import PressReleaseIndexPage
from tests.factories import empty_archive, make_release, make_releases

ATOM = "{http://www.w3.org/2005/Atom}"


def rss(client, archive):
    response = client.get(f"{archive.url}feed/rss/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/rss+xml; charset=utf-8"
    return ElementTree.fromstring(response.content)  # noqa: S314 (the site's own output)


def atom(client, archive):
    response = client.get(f"{archive.url}feed/atom/")
    assert response.status_code == 200
    assert response["Content-Type"] == "application/atom+xml; charset=utf-8"
    return ElementTree.fromstring(response.content)  # noqa: S314 (the site's own output)


def test_rss_lists_live_public_releases_newest_first(home_de, client):
    archive = empty_archive(home_de)
    old = make_release(archive, "Alt & bewährt", datetime.date(2018, 3, 22), lead="Vorspann <alt>.")
    make_release(archive, "Neu", datetime.date(2019, 1, 5))
    make_release(archive, "Entwurf", datetime.date(2020, 1, 5), live=False)
    private = make_release(archive, "Intern", datetime.date(2020, 2, 5))
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    channel = rss(client, archive).find("channel")
    assert channel.findtext("title") == "Pressemitteilungen – chancen.nrw"
    assert channel.findtext("link") == f"http://testserver{archive.url}"
    assert channel.findtext("language") == "de"
    assert channel.findtext("description")
    items = channel.findall("item")
    assert [item.findtext("title") for item in items] == ["Neu", "Alt & bewährt"]
    assert items[1].findtext("link") == f"http://testserver{iri_to_uri(old.url)}"
    assert items[1].findtext("description") == "Vorspann <alt>."
    published = parsedate_to_datetime(items[1].findtext("pubDate"))
    assert published.date() == datetime.date(2018, 3, 22)


def test_atom_feed_is_well_formed_with_dates(home_de, client):
    archive = empty_archive(home_de)
    make_release(archive, "Neu", datetime.date(2019, 1, 5))
    feed = atom(client, archive)
    assert feed.get("{http://www.w3.org/XML/1998/namespace}lang") == "de"
    assert feed.findtext(f"{ATOM}title") == "Pressemitteilungen – chancen.nrw"
    entry = feed.find(f"{ATOM}entry")
    assert entry.findtext(f"{ATOM}title") == "Neu"
    assert entry.findtext(f"{ATOM}published").startswith("2019-01-05T00:00:00")
    assert entry.findtext(f"{ATOM}updated")


def test_feed_is_limited(home_de, client):
    archive = empty_archive(home_de)
    make_releases(archive, FEED_LENGTH + 2)
    assert len(rss(client, archive).find("channel").findall("item")) == FEED_LENGTH


def test_empty_archive_has_an_empty_valid_feed(home_de, client):
    archive = empty_archive(home_de)
    assert rss(client, archive).find("channel").findall("item") == []
    assert atom(client, archive).findall(f"{ATOM}entry") == []


@pytest.mark.parametrize(
    ("language", "title", "release"),
    [
        ("de", "Pressemitteilungen – chancen.nrw", "Partnerveranstaltung im Ministerium"),
        ("en", "Press releases – chancen.nrw", "Partner event at the Ministry"),
    ],
)
def test_one_feed_per_language(seeded, client, language, title, release):
    archive = PressReleaseIndexPage.objects.get(locale=seeded[language].locale)
    channel = rss(client, archive).find("channel")
    assert channel.findtext("title") == title
    assert channel.findtext("language") == language
    assert [item.findtext("title") for item in channel.findall("item")] == [release]
    assert f"/{language}/" in channel.find("item").findtext("link")
    feed = atom(client, archive)
    assert feed.get("{http://www.w3.org/XML/1998/namespace}lang") == language
    assert [entry.findtext(f"{ATOM}title") for entry in feed.findall(f"{ATOM}entry")] == [release]


def test_untranslated_draft_stays_out_of_the_english_feed(seeded, client):
    english = PressReleaseIndexPage.objects.get(locale=seeded["en"].locale)
    german = PressReleaseIndexPage.objects.get(locale=seeded["de"].locale)
    make_release(german, "Nur deutsch", datetime.date(2024, 1, 1))
    make_release(english, "English draft", datetime.date(2024, 1, 2), live=False)
    titles = [item.findtext("title") for item in rss(client, english).iter("item")]
    assert titles == ["Partner event at the Ministry"]


@pytest.mark.parametrize("language", ["de", "en"])
def test_atom_feed_names_the_publisher_as_its_author(seeded, client, language):
    """RFC 4287: a feed whose entries name no author must name one itself."""
    from portal.publisher import PublisherDetails

    archive = PressReleaseIndexPage.objects.get(locale__language_code=language)
    expected = PublisherDetails.objects.get(locale__language_code=language).name

    feed = atom(client, archive)

    assert feed.findtext(f"{ATOM}author/{ATOM}name") == expected
    assert feed.findall(f"{ATOM}entry")
