"""The press pages need the same number of queries with 3 and with 300 releases."""

import datetime

from django.db import connection
from django.test.utils import CaptureQueriesContext

import pytest

from portal.contacts import ContactPerson
from tests.factories import SectionPageFactory, TopicPageFactory
from tests.test_press_support import empty_archive, make_release, make_releases


def queries(client, url, params=None):
    client.get(url, params)  # warm the per-process caches (site root paths, content types)
    with CaptureQueriesContext(connection) as context:
        response = client.get(url, params)
    assert response.status_code == 200, url
    return len(context)


@pytest.fixture
def topic(home_de):
    section = SectionPageFactory(parent=home_de, title="Bereich für Pressetests")
    return TopicPageFactory(parent=section, title="Interkulturelle Öffnung")


def test_archive_and_sidebar_do_not_grow_with_the_releases(home_de, topic, client):
    archive = empty_archive(home_de)
    make_releases(archive, 3, topics=[topic])
    few = {
        "archive": queries(client, archive.url),
        "archive_year": queries(client, f"{archive.url}2020/", {"seite": "1"}),
        "archive_topic": queries(client, archive.url, {"thema": topic.pk}),
        "topic": queries(client, topic.url),
    }
    make_releases(archive, 297, first=3, topics=[topic])
    many = {
        "archive": queries(client, archive.url),
        "archive_year": queries(client, f"{archive.url}2020/", {"seite": "1"}),
        "archive_topic": queries(client, archive.url, {"thema": topic.pk}),
        "topic": queries(client, topic.url),
    }
    assert many == few


def test_release_does_not_grow_with_topics_and_contacts(home_de, client):
    section = SectionPageFactory(parent=home_de, title="Bereich für Pressetests")
    archive = empty_archive(home_de)
    one = make_release(
        archive,
        "Eins",
        datetime.date(2024, 1, 1),
        topics=[TopicPageFactory(parent=section)],
        contacts=[ContactPerson.objects.create(name="Eine Person", locale=home_de.locale)],
    )
    five = make_release(
        archive,
        "Fünf",
        datetime.date(2024, 1, 2),
        topics=[TopicPageFactory(parent=section) for _ in range(5)],
        contacts=[
            ContactPerson.objects.create(name=f"Person {n}", locale=home_de.locale)
            for n in range(5)
        ],
    )
    assert queries(client, one.url) == queries(client, five.url)


def test_feeds_do_not_grow_with_the_releases(home_de, client):
    archive = empty_archive(home_de)
    make_releases(archive, 3)
    few = queries(client, f"{archive.url}feed/rss/")
    make_releases(archive, 30, first=3)
    assert queries(client, f"{archive.url}feed/rss/") == few
