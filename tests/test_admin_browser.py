"""The German admin as Chromium draws it: what Wagtail's and wagtail-localize's JavaScript
writes into the page after the server's HTML (tests/test_admin_german.py checks that HTML).

- wagtail-localize's translation editor (a React app) had two English phrases compiled in:
  "Deutsch to Englisch translation" and "More actions";
- Wagtail's sidebar named its logo link "Dashboard" (its JavaScript catalogue, where the
  server's German is "Startseite");
- the slug Wagtail fills in from the title kept umlauts ("größere-übersicht-…"), which the
  server then turned into "groessere-uebersicht-…" on saving;
- the list of page types to create showed the same "+" for every type.

`make handbook` runs these too: the list of page types is a picture of the handbook.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import Client
from django.urls import reverse

from wagtail.models import Page
from wagtail.users.models import UserProfile

import pytest
from playwright.sync_api import expect

from home.models import HomePage, SectionPage
from portal.editorial.roles import EDITORS, TRANSLATORS
from tests import handbook_shots
from tests.test_admin_german import leftovers

pytestmark = pytest.mark.browser


# The people at the keyboard (as in tests/test_role_journeys.py): username, first name, group
# and the language of their admin.
PEOPLE = [
    ("rita", "Rita", EDITORS, "de"),
    ("ulla", "Ulla", TRANSLATORS, "de"),
    ("tom", "Tom", TRANSLATORS, "en"),
]


@pytest.fixture
def sessions(site):
    """A session cookie per person (made before Chromium starts: see the `page` fixture)."""
    cookies = {}
    for username, first_name, group, language in PEOPLE:
        user = get_user_model().objects.create_user(
            username, f"{username}@example.org", first_name=first_name, last_name=group
        )
        user.groups.add(Group.objects.get(name=group))
        UserProfile.objects.update_or_create(user=user, defaults={"preferred_language": language})
        client = Client()
        client.force_login(user)
        cookies[username] = client.cookies[settings.SESSION_COOKIE_NAME].value
    return cookies


@pytest.fixture
def section():
    return SectionPage.objects.get(locale__language_code="de")


def open_as(page, site, cookie, path):
    """Open `path` in Chromium as the person of the session `cookie`."""
    page.context.add_cookies(
        [{"name": settings.SESSION_COOKIE_NAME, "value": cookie, "url": site.url}]
    )
    page.set_extra_http_headers({"Accept-Language": "de-DE,de"})
    page.set_default_timeout(10_000)
    assert page.goto(site.url + path).ok


@pytest.fixture
def home():
    return HomePage.objects.get(locale__language_code="de")


@pytest.fixture
def translation_editor(section):
    """The address of the English section page: wagtail-localize's translation editor."""
    english = Page.objects.get(locale__language_code="en", translation_key=section.translation_key)
    return reverse("wagtailadmin_pages:edit", args=[english.pk])


def test_the_translation_editor_has_no_english_leftovers(sessions, translation_editor, site, page):
    open_as(page, site, sessions["ulla"], translation_editor)
    editor = page.locator(".js-translation-editor")
    expect(editor.locator("section h3").first).to_have_text("Übersetzung Deutsch → Englisch")
    expect(editor.locator(".w-dropdown__toggle .w-sr-only").first).to_have_text("Mehr Aktionen")
    assert leftovers(page.content()) == set()


def test_the_translation_editor_keeps_english_for_an_english_admin(
    sessions, translation_editor, site, page
):
    open_as(page, site, sessions["tom"], translation_editor)
    editor = page.locator(".js-translation-editor")
    expect(editor.locator("section h3").first).to_have_text("German to English translation")
    expect(editor.locator(".w-dropdown__toggle .w-sr-only").first).to_have_text("More actions")


def test_the_slug_is_german_ascii_while_the_title_is_typed(sessions, section, site, page):
    add = reverse("wagtailadmin_pages:add", args=["home", "topicpage", section.pk])
    open_as(page, site, sessions["rita"], add)
    page.locator("#id_title").press_sequentially("Größere Übersicht für Ärzte")
    page.get_by_role("tab", name="Veröffentlichung").click()
    slug = page.locator("#id_slug")
    expect(slug).to_be_visible()
    expect(slug).to_have_value("groessere-uebersicht-fuer-aerzte")


@pytest.fixture
def icons_under_home(home):
    """The icons of the page types an editor may create under the home page."""
    types = [model for model in HomePage.allowed_subpage_models() if model.can_create_at(home)]
    return [f"#icon-{model.admin_icon}" for model in types]


def test_the_list_of_page_types_shows_each_types_icon(sessions, home, icons_under_home, site, page):
    open_as(page, site, sessions["rita"], reverse("wagtailadmin_pages:add_subpage", args=[home.pk]))
    page.set_viewport_size({"width": 1280, "height": 800})
    listing = page.locator("main ul.listing")
    expect(listing.locator("a.w-flex", has_text="Bereichsseite")).to_be_visible()
    shown = listing.locator("a.w-flex svg use").evaluate_all(
        "uses => uses.map(u => u.getAttribute('href'))"
    )
    assert sorted(shown) == sorted(icons_under_home)
    for icon in listing.locator("a.w-flex svg").all():
        box = icon.bounding_box()
        assert box and box["width"] > 0  # drawn from Wagtail's sprite
    handbook_shots.save(page, "seitentyp-waehlen")
