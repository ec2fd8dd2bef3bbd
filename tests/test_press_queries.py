"""The press pages need the same number of queries with 3 and with 300 releases."""

import datetime

import pytest

from tests.factories import (
    ContactPersonFactory,
    SectionPageFactory,
    TopicPageFactory,
    empty_archive,
    make_release,
    make_releases,
)

# The most queries any of these pages needs once warm (tests/test_query_budget.py), the page
# frame included; the feeds are no HTML page, but stay within it too.
BUDGET = 10


@pytest.fixture
def queries(client, django_assert_max_num_queries):
    """`queries(url, params, budget=BUDGET)`: the queries of a GET, once caches are warm."""

    def count(url, params=None, budget=BUDGET):
        client.get(url, params)  # warm the per-process caches (site root paths, content types)
        with django_assert_max_num_queries(budget, info=url) as context:
            response = client.get(url, params)
        assert response.status_code == 200, url
        return len(context)

    return count


@pytest.fixture
def topic(home_de):
    section = SectionPageFactory(parent=home_de, title="Bereich für Pressetests")
    return TopicPageFactory(parent=section, title="Interkulturelle Öffnung")


def test_archive_and_sidebar_do_not_grow_with_the_releases(home_de, topic, queries):
    archive = empty_archive(home_de)
    make_releases(archive, 3, topics=[topic])
    few = {
        "archive": queries(archive.url),
        "archive_year": queries(f"{archive.url}2020/", {"seite": "1"}),
        "archive_topic": queries(archive.url, {"thema": topic.pk}),
        "topic": queries(topic.url),
    }
    make_releases(archive, 297, first=3, topics=[topic])
    many = {
        "archive": queries(archive.url),
        "archive_year": queries(f"{archive.url}2020/", {"seite": "1"}),
        "archive_topic": queries(archive.url, {"thema": topic.pk}),
        "topic": queries(topic.url),
    }
    assert many == few


def test_release_does_not_grow_with_topics_and_contacts(home_de, queries):
    section = SectionPageFactory(parent=home_de, title="Bereich für Pressetests")
    archive = empty_archive(home_de)
    one = make_release(
        archive,
        "Eins",
        datetime.date(2024, 1, 1),
        topics=[TopicPageFactory(parent=section)],
        contacts=[ContactPersonFactory(name="Eine Person")],
    )
    five = make_release(
        archive,
        "Fünf",
        datetime.date(2024, 1, 2),
        topics=[TopicPageFactory(parent=section) for _ in range(5)],
        contacts=ContactPersonFactory.create_batch(5),
    )
    assert queries(one.url) == queries(five.url)


def test_feeds_do_not_grow_with_the_releases(home_de, queries):
    archive = empty_archive(home_de)
    make_releases(archive, 3)
    few = queries(f"{archive.url}feed/rss/")
    make_releases(archive, 30, first=3)
    assert queries(f"{archive.url}feed/rss/") == few
