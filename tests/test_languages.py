"""Language prefixes, the Accept-Language redirect, the switcher, hreflang and the 404 page."""

import re
import shutil

from wagtail.models import Page

import pytest

from home.models import SectionPage, TopicPage
from tests.factories import TopicPageFactory

TOPIC_DE = "/de/integration-und-arbeit/interkulturelle-oeffnung/"
TOPIC_EN = "/en/integration-and-work/intercultural-opening/"


@pytest.mark.parametrize(
    ("accept_language", "target"),
    [
        ("en-GB,en;q=0.9", "/en/"),
        ("de-DE,de;q=0.9,en;q=0.5", "/de/"),
        ("fr-FR,fr;q=0.9", "/de/"),
        ("", "/de/"),
    ],
)
def test_root_redirects_by_accept_language(seeded, client, accept_language, target):
    response = client.get("/", HTTP_ACCEPT_LANGUAGE=accept_language)
    assert response.status_code == 302
    assert response["Location"] == target


def test_every_public_url_carries_its_language(seeded):
    pages = Page.objects.filter(depth__gt=2)
    assert pages.count() > 20
    for page in pages:
        assert page.url.startswith(f"/{page.locale.language_code}/"), page.url


def test_switcher_links_to_the_same_page_in_the_other_language(seeded, client):
    content = client.get(TOPIC_DE).content.decode()
    switcher = _switcher(content)
    assert f'href="{TOPIC_EN}" hreflang="en"' in switcher
    assert '<span aria-current="true" lang="de">Deutsch</span>' in switcher


def test_switcher_falls_back_to_the_home_page_without_translation(seeded, client):
    section = SectionPage.objects.get(locale__language_code="de")
    page = TopicPageFactory(parent=section, title="Nur auf Deutsch")
    content = client.get(page.url).content.decode()
    assert 'href="/en/" hreflang="en"' in _switcher(content)
    assert 'hreflang="en"' not in _head(content)


def test_head_has_hreflang_alternates_and_canonical(seeded, client):
    head = _head(client.get(TOPIC_EN).content.decode())
    assert f'<link rel="canonical" href="http://testserver{TOPIC_EN}">' in head
    assert f'<link rel="alternate" hreflang="de" href="http://testserver{TOPIC_DE}">' in head
    assert f'<link rel="alternate" hreflang="en" href="http://testserver{TOPIC_EN}">' in head
    assert f'hreflang="x-default" href="http://testserver{TOPIC_DE}"' in head


def test_draft_translation_is_not_offered(seeded, client):
    english = TopicPage.objects.get(locale__language_code="en", slug="intercultural-opening")
    english.unpublish()
    content = client.get(TOPIC_DE).content.decode()
    assert 'href="/en/" hreflang="en"' in _switcher(content)
    assert TOPIC_EN not in content


@pytest.mark.parametrize(
    ("url", "lang", "heading"),
    [
        ("/de/gibt-es-nicht/", "de", "Seite nicht gefunden"),
        ("/en/does-not-exist/", "en", "Page not found"),
    ],
)
def test_not_found_page_speaks_the_visitors_language(seeded, client, url, lang, heading):
    response = client.get(url)
    assert response.status_code == 404
    content = response.content.decode()
    assert f'<html lang="{lang}">' in content
    assert f"<h1>{heading}</h1>" in content
    assert f'href="/{lang}/"' in content


def test_ui_strings_come_from_the_catalogue(seeded, client):
    content = client.get("/en/").content.decode()
    assert "Skip to content" in content
    assert 'aria-label="Main navigation"' in content
    assert "Zum Inhalt springen" in client.get("/de/").content.decode()


def _switcher(content):
    return re.search(r'<nav class="language-switcher".*?</nav>', content, re.S).group(0)


def _head(content):
    return content.split("</head>")[0]


# What the copy for makemessages leaves out: environments, data, caches, the tests.
NOT_CODE = (".venv", ".git", ".stack", "node_modules", "media", "static", "tests", "*.sqlite3")
NOT_CODE += ("__pycache__", "*.mo")


def test_ui_catalogue_is_complete():
    import polib

    from portal.settings.base import LOCALE_PATHS

    catalogue = polib.pofile(str(LOCALE_PATHS[0] / "en" / "LC_MESSAGES" / "django.po"))
    assert catalogue.untranslated_entries() == []
    assert catalogue.fuzzy_entries() == []
    assert len(catalogue.translated_entries()) > 50


# The portal's copies of Wagtail's own admin templates keep Wagtail's msgids, which Wagtail's
# catalogues translate (and the German overrides in site/locale/de); `make messages` skips them.
WAGTAIL_TEMPLATE_COPIES = "site/templates/wagtailadmin/shared/*"


def test_every_ui_string_in_the_code_has_an_english_translation(monkeypatch, settings, tmp_path):
    """`make messages` would add no untranslated entry: every msgid in the code is translated.

    makemessages rewrites the catalogue it finds, so it runs on a copy of the code: the
    working tree's catalogue is never touched, also while someone edits it.
    """
    from django.core.management import call_command

    import polib

    from portal.settings.base import PROJECT_DIR

    copy = tmp_path / "portal"
    shutil.copytree(PROJECT_DIR.parent, copy, ignore=shutil.ignore_patterns(*NOT_CODE))
    settings.LOCALE_PATHS = [copy / "site" / "locale"]
    monkeypatch.chdir(copy)
    call_command(
        "makemessages",
        locale=["en"],
        ignore_patterns=["tests", "node_modules", WAGTAIL_TEMPLATE_COPIES],
        no_obsolete=True,
        verbosity=0,
    )
    regenerated = polib.pofile(str(copy / "site" / "locale" / "en" / "LC_MESSAGES" / "django.po"))
    missing = regenerated.untranslated_entries() + regenerated.fuzzy_entries()
    assert [entry.msgid for entry in missing] == []
