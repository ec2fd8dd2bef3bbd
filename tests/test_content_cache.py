"""What is kept between requests (`portal.content_cache`) is never stale: every change a
visitor could see starts a new content generation, and the next request shows it."""

from wagtail.models import Page, PageViewRestriction

import pytest

from portal import content_cache
from portal.publisher import PublisherDetails
from press.models import PressReleaseIndexPage
from tests.factories import SectionPageFactory, StandardPageFactory, TopicPageFactory


def html(client, url):
    response = client.get(url)
    assert response.status_code == 200, url
    return response.content.decode()


def nav(client, url):
    """The page's main navigation."""
    text = html(client, url)
    return text[text.index('<nav class="main-navigation') :]


@pytest.fixture
def section(seeded):
    return SectionPageFactory(parent=seeded["de"], title="Gut behalten")


def test_a_published_menu_page_appears_at_once(seeded, client, section):
    html(client, section.url)  # kept
    TopicPageFactory(parent=section, title="Ganz frisch", show_in_menus=True)
    assert "Ganz frisch" in html(client, section.url)


def test_an_unpublished_page_leaves_menus_and_its_address(seeded, client, section):
    assert "Gut behalten" in html(client, seeded["de"].url)
    section.unpublish()
    assert "Gut behalten" not in html(client, seeded["de"].url)
    assert client.get(section.url).status_code == 404


def test_a_renamed_page_answers_at_its_new_address_only(seeded, client, section):
    old = section.url
    html(client, old)
    section.slug = "neu-benannt"
    section.save_revision().publish()
    assert client.get(old).status_code == 404
    assert "Gut behalten" in html(client, "/de/neu-benannt/")


def test_a_moved_page_answers_at_its_new_address_and_the_old_one_redirects(seeded, client, section):
    topic = TopicPageFactory(parent=section, title="Umzug")
    other = SectionPageFactory(parent=seeded["de"], title="Neues Zuhause")
    old = topic.url
    html(client, old)
    topic.move(other, pos="last-child")
    new = Page.objects.get(pk=topic.pk).url
    assert new != old
    response = client.get(old)
    assert (response.status_code, response["Location"]) == (301, new)
    assert "Umzug" in html(client, new)


def test_a_deleted_page_is_gone(seeded, client, section):
    html(client, section.url)
    section.delete()
    assert client.get(section.url).status_code == 404
    assert "Gut behalten" not in html(client, seeded["de"].url)


def test_a_private_page_leaves_menus_and_asks_for_a_login(seeded, client, section):
    html(client, section.url)
    PageViewRestriction.objects.create(page=section, restriction_type=PageViewRestriction.LOGIN)
    assert "Gut behalten" not in html(client, seeded["de"].url)
    response = client.get(section.url)
    assert response.status_code == 302 and "login" in response["Location"]


def test_a_private_pages_alias_is_private_too(seeded, client, section):
    PageViewRestriction.objects.create(page=section, restriction_type=PageViewRestriction.LOGIN)
    alias = section.create_alias(parent=seeded["en"], update_slug="alias-des-bereichs")
    response = client.get(Page.objects.get(pk=alias.pk).url)
    assert response.status_code == 302 and "login" in response["Location"]


def test_the_publisher_in_the_footer_follows_its_details(seeded, client):
    html(client, seeded["de"].url)
    details = PublisherDetails.objects.get(locale__language_code="de")
    details.name = "Ein neuer Herausgeber"
    details.save()
    assert "Ein neuer Herausgeber" in html(client, seeded["de"].url)


def test_a_new_legal_page_reaches_the_footer_of_every_page(seeded, client, section):
    html(client, section.url)
    StandardPageFactory(parent=seeded["de"], title="Nutzungsbedingungen", show_in_menus=False)
    assert "Nutzungsbedingungen" in html(client, section.url)


def test_the_generation_changes_again_when_the_transaction_commits(
    seeded, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks() as callbacks:
        StandardPageFactory(parent=seeded["de"], title="Nach dem Commit")
    during = content_cache.generation()
    assert callbacks
    for callback in callbacks:
        callback()
    assert content_cache.generation() != during


def test_visitors_writes_keep_the_generation(seeded, client):
    from wagtail.contrib.search_promotions.models import Query

    before = content_cache.generation()
    Query.get("partner").add_hit()
    assert content_cache.generation() == before


def test_routable_archive_views_and_missing_pages(seeded, client):
    archive = PressReleaseIndexPage.objects.get(locale__language_code="de")
    release = archive.get_children().live().first()
    assert client.get(f"{archive.url}feed/rss/").status_code == 200
    assert client.get(release.url).status_code == 200
    assert client.get(f"{release.url}gibt-es-nicht/").status_code == 404
    assert client.get(f"{archive.url}gibt-es-nicht/weiter/").status_code == 404


def test_a_draft_below_a_live_page_is_not_found_but_its_live_child_is(seeded, client, section):
    draft = TopicPageFactory(parent=section, title="Noch Entwurf")
    child = TopicPageFactory(parent=draft, title="Schon live")
    draft.unpublish()
    assert client.get(draft.url or f"{section.url}{draft.slug}/").status_code == 404
    # Wagtail routes through pages that are not live; only the page shown must be.
    assert client.get(f"{section.url}{draft.slug}/{child.slug}/").status_code == 200


def test_search_hits_and_promotions_follow_the_content(seeded, client, section):
    from wagtail.contrib.search_promotions.models import Query, SearchPromotion

    def search():
        return client.get("/de/suche/", {"q": "Quokka"}).content.decode()

    page = TopicPageFactory(parent=section, title="Quokka", lead="Der alte Vorspann zum Quokka.")
    assert "alte Vorspann" in search()
    page.lead = "Der neue Vorspann zum Quokka."
    page.save_revision().publish()
    assert "neue Vorspann" in search() and "alte Vorspann" not in search()
    assert "Empfohlen: " not in search()
    SearchPromotion.objects.create(
        query=Query.get("quokka"), page=section, sort_order=0, description="Empfohlen: Quokka"
    )
    assert "Empfohlen: " in search()  # the promotion, its words highlighted


def test_the_embedded_default_shares_the_content_cache_between_its_processes():
    """`make run` publishes scheduled pages from a second process (`run_scheduler`): a
    per-process memory cache would keep serving the old menus there."""
    from portal.settings import base

    assert base.CACHES["content"]["BACKEND"].endswith("filebased.FileBasedCache")
