"""The press release archive: order, pagination, year archive, topic filter, bad input."""

import datetime

from wagtail.models import PageViewRestriction

import pytest

from press.archive import PER_PAGE
from tests.factories import (
    SectionPageFactory,
    TopicPageFactory,
    empty_archive,
    make_release,
    make_releases,
)


@pytest.fixture
def archive(home_de):
    return empty_archive(home_de)


@pytest.fixture
def topics(home_de):
    section = SectionPageFactory(parent=home_de, title="Bereich für Pressetests")
    return (
        TopicPageFactory(parent=section, title="Interkulturelle Öffnung", slug="oeffnung"),
        TopicPageFactory(parent=section, title="Anderes Thema", slug="anderes"),
    )


def titles(response):
    return [release.title for release in response.context["archive"].page.object_list]


def test_newest_first_with_pages(archive, client):
    make_releases(archive, PER_PAGE * 2 + 5)
    first = client.get(archive.url)
    assert titles(first) == [f"Mitteilung {n}" for n in range(24, 14, -1)]
    content = first.content.decode()
    assert '<nav class="pagination" aria-label="Seiten des Archivs">' in content
    assert f'<a href="{archive.url}" aria-current="page">' in content
    assert f'href="{archive.url}?seite=2" rel="next"' in content
    last = client.get(archive.url, {"seite": 3})
    assert titles(last) == [f"Mitteilung {n}" for n in range(4, -1, -1)]
    assert 'aria-current="page"><span class="visually-hidden">Seite </span>3<' in (
        last.content.decode()
    )


def test_one_page_needs_no_pagination(archive, client):
    make_releases(archive, 3)
    assert 'class="pagination"' not in client.get(archive.url).content.decode()


@pytest.mark.parametrize(
    ("value", "shown", "notice"),
    [
        ("abc", 1, "„abc“ ist keine gültige Seitenzahl"),
        ("0", 1, "„0“ ist keine gültige Seitenzahl"),
        ("-1", 1, "„-1“ ist keine gültige Seitenzahl"),
        ("1.5", 1, "keine gültige Seitenzahl"),
        ("²", 1, "keine gültige Seitenzahl"),
        ("1\x00", 1, "„1“ ist keine gültige Seitenzahl"),
        ("x" * 5000, 1, "keine gültige Seitenzahl"),
        ("4", 3, "Seite 4 gibt es nicht, hier gibt es nur 3 Seiten"),
        (str(10**20), 3, "hier gibt es nur 3 Seiten"),
        ("9" * 5000, 3, "hier gibt es nur 3 Seiten"),
    ],
)
def test_bad_page_numbers_show_a_page_and_say_so(archive, client, value, shown, notice):
    make_releases(archive, PER_PAGE * 2 + 1)
    response = client.get(archive.url, {"seite": value})
    assert response.status_code == 200
    assert response.context["archive"].page.number == shown
    content = response.content.decode()
    assert '<div class="notice kern-alert kern-alert--info" role="status">' in content
    assert notice in content
    assert '<meta name="robots" content="noindex">' in content


@pytest.mark.parametrize("value", ["", "1", " 2 ", "02"])
def test_good_page_numbers_need_no_notice(archive, client, value):
    make_releases(archive, PER_PAGE + 1)
    response = client.get(archive.url, {"seite": value})
    assert response.status_code == 200
    assert not response.context["archive"].notices


def test_empty_archive_says_so(archive, client):
    response = client.get(archive.url, {"seite": "5"})
    assert response.status_code == 200
    assert "Es gibt noch keine Pressemitteilungen." in response.content.decode()


def test_drafts_and_private_releases_are_not_listed(archive, client):
    make_release(archive, "Öffentlich", datetime.date(2024, 1, 2))
    make_release(archive, "Entwurf", datetime.date(2024, 1, 3), live=False)
    private = make_release(archive, "Intern", datetime.date(2024, 1, 4))
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    assert titles(client.get(archive.url)) == ["Öffentlich"]


def test_year_archive_and_year_navigation(archive, client):
    make_release(archive, "Alt", datetime.date(2018, 3, 22))
    make_release(archive, "Neu", datetime.date(2019, 1, 5))
    make_release(archive, "Auch neu", datetime.date(2019, 12, 31))
    response = client.get(f"{archive.url}2019/")
    assert response.status_code == 200
    assert titles(response) == ["Auch neu", "Neu"]
    content = response.content.decode()
    assert "<title>Pressemitteilungen 2019 – chancen.nrw</title>" in content
    assert "Pressemitteilungen 2019" in content
    nav = content[content.index('<nav class="press-years"') :]
    nav = nav[: nav.index("</nav>")]
    assert nav.index(">2019<") < nav.index(">2018<")
    assert f'<a href="{archive.url}2019/" aria-current="page">2019</a>' in nav
    assert f'<a href="{archive.url}">Alle Jahre</a>' in nav


@pytest.mark.parametrize("year", ["1999", "0000", "9999"])
def test_year_without_releases_is_a_404_with_the_years_that_exist(archive, client, year):
    make_release(archive, "Alt", datetime.date(2018, 3, 22))
    response = client.get(f"{archive.url}{year}/")
    assert response.status_code == 404
    content = response.content.decode()
    assert f"Für das Jahr {int(year)} gibt es keine Pressemitteilungen." in content
    assert f'<a href="{archive.url}2018/">2018</a>' in content


@pytest.mark.parametrize("path", ["12345/", "20x8/", "2018/extra/", "feed/", "feed/json/"])
def test_other_paths_are_plain_404s(archive, client, path):
    make_release(archive, "Alt", datetime.date(2018, 3, 22))
    assert client.get(f"{archive.url}{path}").status_code == 404


def test_topic_filter_by_id_and_slug(archive, topics, client):
    opening, other = topics
    make_release(archive, "Zur Öffnung", datetime.date(2018, 3, 22), topics=[opening])
    make_release(archive, "Zu beidem", datetime.date(2019, 3, 22), topics=[other, opening])
    make_release(archive, "Anderes", datetime.date(2020, 3, 22), topics=[other])
    make_release(archive, "Ohne Thema", datetime.date(2021, 3, 22))
    for value in (str(opening.pk), "oeffnung"):
        response = client.get(archive.url, {"thema": value})
        assert titles(response) == ["Zu beidem", "Zur Öffnung"]
        content = response.content.decode()
        assert "Pressemitteilungen zum Thema „Interkulturelle Öffnung“" in content
        assert f'<option value="{opening.pk}" selected>' in content
    year = client.get(f"{archive.url}2019/", {"thema": opening.pk})
    assert titles(year) == ["Zu beidem"]
    assert "Pressemitteilungen 2019 zum Thema „Interkulturelle Öffnung“" in year.content.decode()


def test_topic_filter_keeps_the_topic_across_pages_and_years(archive, topics, client):
    opening, _other = topics
    make_releases(archive, PER_PAGE + 1, topics=[opening])
    content = client.get(archive.url, {"thema": opening.pk}).content.decode()
    assert f'href="{archive.url}?thema={opening.pk}&amp;seite=2" rel="next"' in content
    assert f'href="{archive.url}2020/?thema={opening.pk}"' in content


def test_topic_filter_form_works_without_javascript(archive, topics, client):
    opening, _other = topics
    make_release(archive, "Zur Öffnung", datetime.date(2018, 3, 22), topics=[opening])
    content = client.get(archive.url).content.decode()
    assert f'<form class="press-topic-filter" method="get" action="{archive.url}">' in content
    assert '<label class="kern-label" for="press-topic">Thema</label>' in content
    assert '<select class="kern-form-input__select" id="press-topic" name="thema">' in content


@pytest.mark.parametrize(
    "value",
    ["unbekannt", "999999", str(10**20), "abc\x00", "<script>", "ö" * 300, "-1"],
)
def test_unknown_topics_show_everything_and_say_so(archive, topics, client, value):
    make_release(archive, "Ohne Thema", datetime.date(2021, 3, 22))
    response = client.get(archive.url, {"thema": value})
    assert response.status_code == 200
    assert titles(response) == ["Ohne Thema"]
    content = response.content.decode()
    assert "gibt es nicht. Angezeigt werden alle Pressemitteilungen." in content
    assert "<script>" not in content.split("<main", 1)[1]


def test_a_page_that_is_no_topic_is_refused_as_topic(archive, home_de, client):
    response = client.get(archive.url, {"thema": home_de.pk})
    assert "gibt es nicht" in response.content.decode()


def test_a_topic_without_releases_says_so(archive, topics, client):
    make_release(archive, "Ohne Thema", datetime.date(2021, 3, 22))
    response = client.get(archive.url, {"thema": topics[0].pk})
    assert titles(response) == []
    assert "Zu diesem Thema gibt es noch keine Pressemitteilungen." in response.content.decode()
