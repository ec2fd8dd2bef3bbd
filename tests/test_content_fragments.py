"""What a page derives from the published content is rendered once per content generation
(`portal.content_cache`): the frame (navigation, footer, breadcrumb, head), the pages'
content, the sitemap, search results. A visitor never sees it older than the content,
an editor's preview never sees the live version, and a deploy never sees older code's.
"""

from django.core.cache import caches
from django.urls import reverse

import pytest

from portal import content_cache
from tests.factories import TopicPageFactory
from tests.helpers import section_de

FRESH_TEXT = "Frisch veröffentlichter Abschnitt"


def publish_topic(**fields):
    page = TopicPageFactory(parent=section_de(), title=FRESH_TEXT, **fields)
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def render(client, path):
    client.cookies.clear()
    response = client.get(path)
    assert response.status_code == 200
    return response.content.decode()


def render_from_scratch(client, path):
    """The page as the app renders it with nothing kept: the content cache emptied."""
    caches[content_cache.CACHE_ALIAS].clear()
    return render(client, path)


@pytest.mark.parametrize(
    "path",
    [
        "/de/",
        "/en/",
        "/de/integration-und-arbeit/",
        "/de/pressemitteilungen/",
        "/de/downloads/",
        "/de/suche/?q=Partner",
        "/sitemap.xml",
    ],
)
def test_a_kept_page_is_the_page_rendered_from_scratch(seeded, client, path):
    render(client, path)
    kept = render(client, path)

    assert kept == render_from_scratch(client, path)


def test_a_warm_page_asks_the_database_less(seeded, client, django_assert_max_num_queries):
    path = "/de/integration-und-arbeit/"
    render(client, path)

    with django_assert_max_num_queries(3):
        render(client, path)


def test_a_published_change_shows_at_once_in_the_frame_and_listings(seeded, client):
    section = section_de()
    render(client, "/de/")
    render(client, section.url)

    topic = publish_topic(show_in_menus=True)

    assert FRESH_TEXT in render(client, section.url)  # the section's teasers
    assert f"{topic.url}</loc>" in render(client, "/sitemap.xml")


def test_a_repeated_search_finds_what_was_published_since(seeded, client):
    path = "/de/suche/?q=Frisch"
    assert FRESH_TEXT not in render(client, path)

    publish_topic()

    assert FRESH_TEXT in render(client, path)


def test_a_preview_shows_the_draft_not_the_kept_live_page(seeded, client, role_users):
    section = section_de().specific
    live_title = section.title
    assert live_title in render(client, section.url)
    section.title = FRESH_TEXT
    revision = section.save_revision(user=role_users["editor"])

    client.force_login(role_users["editor"])
    preview = client.get(
        reverse("wagtailadmin_pages:revisions_view", args=[section.pk, revision.pk])
    )
    client.logout()

    assert FRESH_TEXT in preview.content.decode()
    assert FRESH_TEXT not in render(client, section.url)


def test_new_code_never_serves_what_older_code_rendered(seeded, client, monkeypatch):
    render(client, "/de/")
    kept_under = content_cache.generation()

    monkeypatch.setattr(content_cache, "code_version", lambda: "another-release")

    assert content_cache.generation() != kept_under
    assert content_cache.generation().endswith(".another-release")
