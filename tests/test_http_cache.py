"""The HTTP cache (portal.http_cache): what may be shared, the app's page cache, and that no
change leaves a stale page behind.

The staleness tests crawl every public address through the app's page cache, make one kind of
change the way editors do (publish, unpublish, move, rename, delete; partners, contact persons,
the publisher details, documents, images), then compare every cached answer with a fresh render.
"""

from django.core.cache import caches
from django.test import override_settings

from wagtail.images import get_image_model
from wagtail.models import Page

import pytest

from downloads.models import PortalDocument
from partners.models import Partner
from portal import content_cache
from portal.contacts import ContactPerson
from portal.http_cache import dependents
from portal.publisher import PublisherDetails
from press.models import PressReleaseIndexPage, PressReleasePage, PressReleaseTopic
from tests.helpers import section_de

pytestmark = pytest.mark.django_db

API_LISTS = [
    "/api/v3/pages/?locale=de",
    "/api/v3/pages/?locale=en",
    "/api/v3/press-releases/",
    "/api/v3/partners/",
    "/api/v3/contact-persons/",
    "/api/v3/documents/",
    "/api/v3/images/",
]


@pytest.fixture(autouse=True)
def page_cache(settings):
    """On, and empty: no cache may keep what an earlier test's rolled-back changes left."""
    settings.PORTAL_PAGE_CACHE = True
    for cache in caches.all():
        cache.clear()
    yield
    for cache in caches.all():
        cache.clear()


def public_addresses():
    """Every live page with its sub-addresses (archive years, feeds), the sitemap, a search,
    an archive filter, the API's lists and details."""
    paths = dependents.paths_of_pages(dependents.all_live_pages())
    paths |= {f"/api/v3/pages/{pk}/" for pk in Page.objects.live().values_list("pk", flat=True)}
    index = PressReleaseIndexPage.objects.live().first()
    topics = PressReleaseTopic.objects.filter(release__locale=index.locale, topic__isnull=False)
    filtered = {f"{index.url}?thema={link.topic_id}" for link in topics[:1]}
    return paths | filtered | {"/sitemap.xml", "/de/suche/?q=Partner", *API_LISTS}


def visit(client, path):
    """As a visitor without cookies (a form's CSRF cookie would bypass the shared cache)."""
    client.cookies.clear()
    return client.get(path)


def answer(client, path):
    response = visit(client, path)
    return response.status_code, response.content


def cached_answers(client, paths):
    """The answers the page cache serves (forms with a CSRF token are rendered each time)."""
    answers = {}
    for path in paths:
        response = visit(client, path)
        if response.get("X-Page-Cache") == "HIT":
            answers[path] = (response.status_code, response.content)
    return answers


def stale_answers(client, paths):
    """The addresses whose cached answer differs from what the app renders now."""
    cached = cached_answers(client, paths)
    caches[content_cache.CACHE_ALIAS].clear()  # fresh: no fragment or entry kept either
    with override_settings(PORTAL_PAGE_CACHE=False):
        fresh = {path: answer(client, path) for path in cached}
    return sorted(path for path in cached if cached[path] != fresh[path])


def change_title(page, title):
    page = page.specific
    page.title = title
    page.save_revision().publish()


def edit_topic_page(seeded):
    change_title(section_de().get_children().live().first(), "Ein neuer Titel für das Thema")


def rename_section(seeded):
    section = section_de().specific
    section.slug = "neu-benannt"
    section.save_revision().publish()


def unpublish_topic_page(seeded):
    section_de().get_children().live().first().specific.unpublish()


def move_topic_page(seeded):
    page = section_de().get_children().live().first()
    target = (
        Page.objects.live().filter(depth=3, locale=page.locale).exclude(pk=page.get_parent().pk)
    )
    page.move(target.first(), pos="last-child")


def delete_topic_page(seeded):
    section_de().get_children().live().last().delete()


def publish_press_release(seeded):
    index = PressReleaseIndexPage.objects.get(locale__language_code="de")
    release = PressReleasePage(title="Neue Pressemitteilung zum Stand der Initiative")
    index.add_child(instance=release)
    release.save_revision().publish()


def edit_press_release(seeded):
    change_title(PressReleasePage.objects.live().first(), "Geänderte Pressemitteilung")


def publish_partner(seeded):
    partner = Partner.objects.filter(live=True).first()
    partner.name = "Umbenannter Partner e. V."
    partner.save_revision().publish()


def unpublish_partner(seeded):
    Partner.objects.filter(live=True).last().unpublish()


def publish_contact_person(seeded):
    person = ContactPerson.objects.filter(live=True).first()
    person.name = "Erika Mustermann"
    person.save_revision().publish()


def save_publisher_details(seeded):
    details = PublisherDetails.objects.get(locale__language_code="de")
    details.name = "Ministerium für Kinder, Jugend, Familie, Gleichstellung, Flucht"
    details.save()


def rename_document(seeded):
    document = PortalDocument.objects.first()
    document.title = "Leitfaden für Arbeitgeber (neue Auflage)"
    document.save()


def change_image_alt_text(seeded):
    image = get_image_model().objects.first()
    image.title = "Titelbild der neuen Auflage"
    image.save()


CHANGES = [
    edit_topic_page,
    rename_section,
    unpublish_topic_page,
    move_topic_page,
    delete_topic_page,
    publish_press_release,
    edit_press_release,
    publish_partner,
    unpublish_partner,
    publish_contact_person,
    save_publisher_details,
    rename_document,
    change_image_alt_text,
]


@pytest.mark.parametrize("change", CHANGES, ids=lambda change: change.__name__)
def test_no_page_is_stale_after_a_change(
    seeded, client, change, django_capture_on_commit_callbacks
):
    before = public_addresses()
    for path in before:
        visit(client, path)

    with django_capture_on_commit_callbacks(execute=True):
        change(seeded)

    assert stale_answers(client, before | public_addresses()) == []


def test_without_purging_the_crawl_would_find_stale_pages(seeded, client):
    """The check above can fail: a change whose purge never runs leaves pages stale."""
    before = public_addresses()
    for path in before:
        visit(client, path)

    edit_topic_page(seeded)  # its on-commit purge never runs in this transaction

    assert len(cached_answers(client, before)) > len(before) / 2
    assert stale_answers(client, before) != []


SHARED = "s-maxage"


@pytest.mark.parametrize(
    "path", ["/de/", "/en/", "/de/pressemitteilungen/feed/atom/", "/sitemap.xml"]
)
def test_anonymous_pages_and_feeds_may_be_shared_and_revalidated(seeded, client, path):
    response = visit(client, path)

    assert "public" in response["Cache-Control"]
    assert SHARED in response["Cache-Control"]
    assert "max-age=0" in response["Cache-Control"]
    assert response["ETag"]


def test_a_page_with_a_form_is_never_shared(seeded, client, contact_page):
    response = visit(client, contact_page.url)

    assert "private" in response["Cache-Control"]
    assert visit(client, contact_page.url).get("X-Page-Cache") is None


def test_what_a_logged_in_user_sees_is_private_and_not_cached(seeded, client, role_users):
    client.force_login(role_users["editor"])
    first = client.get("/de/")
    second = client.get("/de/")

    assert "private" in first["Cache-Control"]
    assert "no-store" in first["Cache-Control"]
    assert second.get("X-Page-Cache") is None


def test_a_cached_page_costs_no_query_and_answers_304(seeded, client, django_assert_num_queries):
    first = visit(client, "/de/")
    with django_assert_num_queries(0):
        hit = visit(client, "/de/")
        not_modified = client.get("/de/", HTTP_IF_NONE_MATCH=first["ETag"])

    assert first["X-Page-Cache"] == "MISS"
    assert hit["X-Page-Cache"] == "HIT"
    assert hit.content == first.content
    assert not_modified.status_code == 304


def test_a_visitor_with_a_session_bypasses_the_cache(seeded, client):
    visit(client, "/de/")
    client.cookies["sessionid"] = "abc"

    assert client.get("/de/").get("X-Page-Cache") is None


def test_api_lists_are_shared_until_purged_and_token_holders_are_not(seeded, client, editor_token):
    shared = visit(client, "/api/v3/pages/?locale=de")
    personal = client.get("/api/v3/pages/?locale=de", HTTP_AUTHORIZATION=f"Bearer {editor_token}")

    assert SHARED in shared["Cache-Control"]
    assert "private" in personal["Cache-Control"]
