"""The sidebar panel "Pressemitteilungen zum Thema" on section and topic pages."""

import datetime

from wagtail.models import PageViewRestriction

import pytest

from home.models import TopicPage
from press.queries import latest_press_releases_on_topic
from tests.factories import SectionPageFactory, TopicPageFactory, empty_archive, make_release

PANEL = 'aria-labelledby="sidebar-press-releases"'


@pytest.fixture
def tree(home_de):
    section = SectionPageFactory(parent=home_de, title="Bereich für Pressetests")
    return {
        "archive": empty_archive(home_de),
        "section": section,
        "opening": TopicPageFactory(parent=section, title="Interkulturelle Öffnung"),
        "other": TopicPageFactory(parent=section, title="Anderes Thema"),
        "empty": TopicPageFactory(parent=section, title="Ohne Mitteilungen"),
    }


def panel(client, page):
    content = client.get(page.url).content.decode()
    if PANEL not in content:
        return None
    start = content.index('aria-labelledby="sidebar-press-releases"')
    return content[start : content.index("</section>", start)]


def test_topic_page_shows_the_three_newest_on_its_topic(tree, client):
    archive, opening, other = tree["archive"], tree["opening"], tree["other"]
    for day in range(1, 6):
        make_release(archive, f"Öffnung {day}", datetime.date(2024, 1, day), topics=[opening])
    make_release(archive, "Anderes, neuer", datetime.date(2024, 2, 1), topics=[other])
    make_release(archive, "Entwurf", datetime.date(2024, 3, 1), topics=[opening], live=False)
    private = make_release(archive, "Intern", datetime.date(2024, 3, 2), topics=[opening])
    PageViewRestriction.objects.create(page=private, restriction_type="login")

    html = panel(client, opening)
    assert html is not None
    assert ">Pressemitteilungen zum Thema</h2>" in html
    shown = [line for line in html.splitlines() if "<li>" in line]
    assert [title for title in ("Öffnung 5", "Öffnung 4", "Öffnung 3") if title in html] == [
        "Öffnung 5",
        "Öffnung 4",
        "Öffnung 3",
    ]
    assert len(shown) == 3
    assert html.index("Öffnung 5") < html.index("Öffnung 4") < html.index("Öffnung 3")
    assert '<time datetime="2024-01-05">5. Januar 2024</time>' in html
    assert "Anderes, neuer" not in html and "Entwurf" not in html and "Intern" not in html
    assert f'href="{archive.url}?thema={opening.pk}">Alle Pressemitteilungen zum Thema</a>' in html

    other_html = panel(client, other)
    assert "Anderes, neuer" in other_html and "Öffnung" not in other_html


def test_panel_is_hidden_without_releases(tree, client):
    make_release(tree["archive"], "Anderes", datetime.date(2024, 2, 1), topics=[tree["other"]])
    content = client.get(tree["empty"].url).content.decode()
    assert PANEL not in content
    assert '<aside class="sidebar"' not in content


def test_section_pages_can_be_topics(tree, client):
    section = tree["section"]
    make_release(tree["archive"], "Zum Bereich", datetime.date(2024, 2, 1), topics=[section])
    assert "Zum Bereich" in panel(client, section)


def test_archive_link_lists_the_topic(tree, client):
    archive, opening = tree["archive"], tree["opening"]
    make_release(archive, "Zur Öffnung", datetime.date(2024, 1, 1), topics=[opening])
    make_release(archive, "Anderes", datetime.date(2024, 2, 1), topics=[tree["other"]])
    releases = latest_press_releases_on_topic(opening)
    assert releases.archive.pk == archive.pk
    response = client.get(archive.url, {"thema": releases.topic.pk})
    assert [page.title for page in response.context["archive"].page.object_list] == ["Zur Öffnung"]


def test_limit_and_empty_result(tree):
    archive, opening = tree["archive"], tree["opening"]
    for day in range(1, 6):
        make_release(archive, f"Öffnung {day}", datetime.date(2024, 1, day), topics=[opening])
    assert [page.title for page in latest_press_releases_on_topic(opening, limit=2)] == [
        "Öffnung 5",
        "Öffnung 4",
    ]
    empty = latest_press_releases_on_topic(tree["empty"])
    assert list(empty) == [] and not empty and empty.archive is None


def test_english_topic_shows_english_releases_only(seeded, client):
    german = TopicPage.objects.get(slug="interkulturelle-oeffnung")
    english = german.get_translation(seeded["en"].locale)
    english_panel = panel(client, english)
    assert "Partner event at the Ministry" in english_panel
    assert "Partnerveranstaltung" not in english_panel
    assert "/en/press-releases/?thema=" in english_panel
    assert "Partnerveranstaltung im Ministerium" in panel(client, german)
