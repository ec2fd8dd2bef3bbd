"""Nothing unapproved reaches a visitor: drafts, pages in moderation, scheduled and expired
pages stay off the site, the sitemap, the feeds, the site search and the API; previews are
for logged-in users with rights."""

import datetime

from django.urls import reverse
from django.utils import timezone

import pytest

from press.models import PressReleaseIndexPage
from tests.factories import TopicPageFactory, make_release
from tests.helpers import section_de

pytestmark = pytest.mark.django_db

SECRET = "Geheimentwurf"


def draft(parent, editor):
    return _topic(parent)


def in_moderation(parent, editor):
    page = _topic(parent)
    page.save_revision(user=editor)
    page.get_workflow().start(page, editor)
    return page


def scheduled(parent, editor):
    page = _topic(parent)
    page.go_live_at = timezone.now() + datetime.timedelta(days=1)
    page.save_revision().publish()
    return page


def expired(parent, editor):
    page = _topic(parent)
    page.save_revision().publish()
    page = type(page).objects.get(pk=page.pk)
    page.unpublish(set_expired=True)
    return page


def _topic(parent):
    """A topic page never published, with SECRET in its title and lead."""
    return TopicPageFactory(
        parent=parent, title=f"{SECRET} Seite", slug="geheim", lead=f"{SECRET} Vorspann", live=False
    )


UNAPPROVED = [draft, in_moderation, scheduled, expired]


@pytest.fixture(params=UNAPPROVED, ids=lambda state: state.__name__)
def hidden_page(request, seeded, role_users):
    page = request.param(section_de(), role_users["editor"])
    assert not type(page).objects.get(pk=page.pk).live
    return page


def test_unapproved_page_is_not_served(hidden_page, client):
    assert client.get(hidden_page.get_url()).status_code == 404


def test_unapproved_page_is_not_in_the_sitemap(hidden_page, client):
    assert "/geheim/" not in client.get("/sitemap.xml").content.decode()


def test_unapproved_page_is_not_found_by_the_site_search(hidden_page, client):
    html = client.get("/de/suche/", {"q": SECRET}).content.decode()
    assert "/geheim/" not in html
    assert f"{SECRET} Seite" not in html


def test_unapproved_page_is_not_in_the_api(hidden_page, client):
    listing = client.get("/api/v3/pages/", {"search": SECRET}).json()
    assert all(item["id"] != hidden_page.pk for item in listing["items"])
    assert client.get(f"/api/v3/pages/{hidden_page.pk}/").status_code == 404
    draft_version = client.get(f"/api/v3/pages/{hidden_page.pk}/", {"version": "draft"})
    assert draft_version.status_code in (401, 403, 404)
    assert SECRET not in draft_version.content.decode()


def test_change_in_moderation_stays_off_a_live_page(seeded, client, role_users):
    page = TopicPageFactory(parent=section_de(), title="Offen", slug="offen", lead="Alt.")
    page.save_revision().publish()
    page.lead = f"{SECRET} Vorspann"
    page.save_revision(user=role_users["editor"])
    page.get_workflow().start(page, role_users["editor"])

    assert SECRET not in client.get(page.get_url()).content.decode()
    assert SECRET not in client.get(f"/api/v3/pages/{page.pk}/").content.decode()
    assert "/offen/" not in client.get("/de/suche/", {"q": SECRET}).content.decode()


@pytest.mark.parametrize("state", UNAPPROVED, ids=lambda state: state.__name__)
def test_unapproved_press_release_is_not_in_the_feeds(seeded, client, role_users, state):
    archive = PressReleaseIndexPage.objects.get(locale__language_code="de")
    release = make_release(archive, f"{SECRET} Mitteilung", datetime.date(2026, 1, 1), live=False)
    if state is not draft:
        release.delete()
        release = state(archive, role_users["editor"])
    for feed in ("feed/rss/", "feed/atom/"):
        assert SECRET not in client.get(archive.url + feed).content.decode()


@pytest.mark.parametrize(
    ("role", "allowed"),
    [(None, False), ("translator", False), ("editor", True), ("approver", True)],
)
def test_previews_are_for_users_with_rights(seeded, client, role_users, role, allowed):
    page = in_moderation(section_de(), role_users["editor"])
    if role is not None:
        client.force_login(role_users[role])
    revision = page.get_latest_revision()
    response = client.get(reverse("wagtailadmin_pages:revisions_view", args=[page.pk, revision.pk]))
    shown = response.status_code == 200 and SECRET in response.content.decode()
    assert shown is allowed
