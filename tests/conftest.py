"""The fixtures of the whole suite, in one place.

- the database: the seed content and editorial roles, loaded once and kept in
  `.cache/test-databases/` until the code changes (tests/database_cache.py); every test is
  rolled back to it;
- the seeded portal: `seeded`, `home_de`, `locale_en`, `directory_de`, `contact_de`,
  `contact_page` (with a form recipient), `english_draft`;
- users: `role_users` (one per editorial group), `administration_client`, `editor_token`;
- files: `media`, a folder of the test's own for uploads;
- the browser: `chromium`, `site` (the live server with the seed) and `page` (a Chromium tab).

Plain helpers are in tests/helpers.py, factories for pages and snippets in tests/factories.py.
"""

import os
import shutil
from contextlib import ExitStack
from pathlib import Path

from django.conf import settings as django_settings
from django.core.cache import caches
from django.db import connections
from django.utils import translation

from wagtail.images import get_image_model
from wagtail.models import Locale, Site

import pytest
from hypothesis import HealthCheck, settings
from playwright.sync_api import sync_playwright
from pytest_django.plugin import blocking_manager_key

from home.models import ContactPage, HomePage
from partners.models import PartnerIndexPage
from portal import content_cache
from portal.editorial.setup import setup_editorial
from portal.renditions import make_renditions_now
from portal.seed import load_seed_content
from tests.database_cache import SeededDatabase, locked
from tests.helpers import form_recipient, token_for, topic_page, user_with

# Property-based tests draw the same examples on every run (`make test`, CI): a verdict never
# depends on the dice. `make fuzz` explores with random seeds and more examples ("fuzz").
COMMON = {"deadline": None, "database": None, "suppress_health_check": list(HealthCheck)}
settings.register_profile("deterministic", derandomize=True, max_examples=4, **COMMON)
FUZZ_EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "100"))
settings.register_profile("fuzz", max_examples=FUZZ_EXAMPLES, print_blob=True, **COMMON)
settings.load_profile("deterministic")


@pytest.fixture(scope="session")
def seeded_database(django_db_modify_db_settings, django_db_blocker):
    """The cached seeded database (tests/database_cache.py), put in place before Django sets
    up the test database; the lock is held until `django_db_setup` has stored a new one."""
    with django_db_blocker.unblock(), ExitStack() as stack:
        stack.enter_context(locked())
        cache = SeededDatabase()
        cache.was_restored = cache.restore()
        cache.release = stack.pop_all().close
    return cache


@pytest.fixture(scope="session")
def django_db_keepdb(seeded_database):
    """Django takes the restored database as it is (it only checks that every migration is
    applied) and leaves it for `django_db_setup` to remove."""
    return True


@pytest.fixture(scope="session")
def django_db_setup(seeded_database, django_db_setup, django_db_blocker):
    """The seed content and editorial roles in the test database, like `make run`: restored
    from the cache, or loaded once and stored there.

    Every test runs in a transaction that is rolled back, so each one starts from the seeded
    portal; loading it per test would cost seconds each.
    """
    try:
        if not seeded_database.was_restored:
            with django_db_blocker.unblock():
                load_seed_content()
                setup_editorial()
                seeded_database.store()
                # Tests on a transactional database (the browser tests) flush it afterwards and
                # restore this serialised copy: keep it the seeded one, not the bare migrations.
                for alias in connections:
                    connection = connections[alias]
                    if hasattr(connection, "_test_serialized_contents"):
                        serialized = connection.creation.serialize_db_to_string()
                        connection._test_serialized_contents = serialized
    finally:
        seeded_database.release()
    yield
    with django_db_blocker.unblock():
        seeded_database.discard()


@pytest.fixture(scope="session", autouse=True)
def _remove_the_test_media():
    """The test settings' MEDIA_ROOT is a new temporary folder in each process (each xdist
    worker): uploads of tests without the `media` fixture go there; removed at the end."""
    root = Path(django_settings.MEDIA_ROOT)
    yield
    if root.name.startswith("portal-test-media-"):
        shutil.rmtree(root, ignore_errors=True)


@pytest.fixture(autouse=True)
def _new_content_generation():
    """Every test starts a new content generation (`portal.content_cache`): the rollback of
    the test before changed the content without the signals that bump it."""
    content_cache.bump()


@pytest.fixture(autouse=True)
def _no_cached_renditions_or_pages():
    """Wagtail's rendition cache and the page cache outlive a test's rollback: a rendition made
    in a test before (its row rolled back, its file in that test's media folder) would be
    found there and shown with a file that does not exist."""
    for alias in ("renditions", django_settings.PORTAL_PAGE_CACHE_ALIAS):
        caches[alias].clear()


@pytest.fixture(autouse=True)
def _source_language_first():
    """Every test starts in German, the source language. A request to /en/ leaves English
    active in the thread (LocaleMiddleware does not switch back), so without this a test's
    German messages would depend on which test ran before it."""
    translation.activate(django_settings.LANGUAGE_CODE)
    yield
    translation.activate(django_settings.LANGUAGE_CODE)


# The seeded portal --------------------------------------------------------------------------


@pytest.fixture
def media(settings, tmp_path):
    """Uploads of one test go to a folder of its own, removed with it."""
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


@pytest.fixture
def home_de(db):
    """The German home page."""
    return Site.objects.get(is_default_site=True).root_page.specific


@pytest.fixture
def locale_en(db):
    return Locale.objects.get(language_code="en")


@pytest.fixture
def seeded(db):
    """The whole seed content in both languages; returns the home page of each language."""
    return {page.locale.language_code: page for page in HomePage.objects.select_related("locale")}


@pytest.fixture
def role_users(db):
    """One user per editorial group, plus a second approver for the four-eyes rule."""
    from django.contrib.auth import get_user_model
    from django.contrib.auth.models import Group

    from portal.editorial.roles import ADMINISTRATION, APPROVERS, EDITORS, TRANSLATORS

    accounts = {
        "editor": EDITORS,
        "approver": APPROVERS,
        "second_approver": APPROVERS,
        "translator": TRANSLATORS,
        "administrator": ADMINISTRATION,
    }
    users = {}
    for username, group_name in accounts.items():
        user = get_user_model().objects.create_user(
            username, f"{username}@example.org", "a-long-test-password"
        )
        user.groups.add(Group.objects.get(name=group_name))
        users[username] = user
    return users


@pytest.fixture
def administration_client(client, role_users):
    """A client logged in as a member of Administration (not a superuser)."""
    client.force_login(role_users["administrator"])
    return client


@pytest.fixture
def editor_token(seeded, django_user_model):
    """An API token of an editor: drafts and writes in both trees, no publishing."""
    homes = list(HomePage.objects.all())
    editor = user_with(
        django_user_model,
        "schreiberin",
        ["add_page", "change_page"],
        homes,
        ["wagtailadmin.access_admin"],
    )
    return token_for(editor)


@pytest.fixture
def directory_de(seeded):
    """The seeded German partner directory ("Wir sind Partner") with its 29 partners."""
    return PartnerIndexPage.objects.get(locale__language_code="de")


@pytest.fixture
def contact_de(seeded):
    """The seeded German contact page, as it is."""
    return ContactPage.objects.get(locale__language_code="de", slug="kontakt")


@pytest.fixture
def contact_page(seeded):
    """The German contact page; its form goes to redaktion@example.org, no rate limit used."""
    form_recipient("redaktion@example.org")
    return ContactPage.objects.get(slug="kontakt", locale__language_code="de")


@pytest.fixture
def english_draft(seeded, role_users):
    """A new German page, live, and its English translation, a draft."""
    from wagtail_localize.operations import translate_object

    german = topic_page(title="Neue Seite", slug="neue-seite", lead="Nur auf Deutsch.")
    english_locale = Locale.objects.get(language_code="en")
    translate_object(german, [english_locale], user=role_users["translator"])
    english = german.get_translation(english_locale)
    assert not english.live
    return english


# The browser (tests/test_browser.py, tests/test_security_headers.py) --------------------------

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture(scope="session")
def chromium():
    """The Debian Chromium; without it browser tests are skipped, or fail in CI."""
    if not os.access(CHROMIUM, os.X_OK):
        reason = f"Chromium is not installed at {CHROMIUM}"
        if os.environ.get("PORTAL_REQUIRE_BROWSER"):
            pytest.fail(f"{reason}, but PORTAL_REQUIRE_BROWSER is set: install chromium.")
        pytest.skip(f"{reason} (set PORTAL_REQUIRE_BROWSER to make this a failure).")
    return str(CHROMIUM)


def _flushes(item):
    """Whether the test runs on a transactional database, which is emptied after it."""
    return bool({"transactional_db", "live_server"} & set(getattr(item, "fixturenames", ())))


def _rolls_back(item):
    """Whether the test reads the database in a transaction rolled back after it."""
    uses_db = "db" in getattr(item, "fixturenames", ()) or item.get_closest_marker("django_db")
    return bool(uses_db) and not _flushes(item)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item, nextitem):
    """After a transactional test has emptied the database, the seeded state comes back before
    a test on the rolled-back database runs: Django restores it only at the start of the next
    transactional test, and under `make test` (xdist, worksteal) a worker may take such tests
    from another after its own transactional ones."""
    result = yield
    if _flushes(item) and nextitem is not None and _rolls_back(nextitem):
        with item.config.stash[blocking_manager_key].unblock():
            for alias in connections:
                connection = connections[alias]
                serialized = getattr(connection, "_test_serialized_contents", None)
                if serialized:
                    connection.creation.deserialize_db_from_string(serialized)
    return result


@pytest.fixture
def site(transactional_db, django_db_serialized_rollback, live_server):
    """The seed content, served by the live server.

    The live server needs a transactional database, which is flushed after every test; the
    serialized rollback restores the seeded state that `django_db_setup` serialised, and the
    (idempotent) seed run makes sure of it.
    """
    load_seed_content()
    _renditions_with_their_files()
    return live_server


def _renditions_with_their_files():
    """The seeded database lists renditions whose files a test before may have removed (a
    file deletion runs on commit, the rows come back with the rollback): made again here."""
    for rendition in get_image_model().get_rendition_model().objects.select_related("image"):
        if not rendition.file.storage.exists(rendition.file.name):
            image = rendition.image
            rendition.delete()
            make_renditions_now(image)


@pytest.fixture
def page(chromium, site):
    """A fresh Chromium page; afterwards, no request it made may have failed or left the site.

    Playwright runs only between the seed and the flush: while its sync API is active, an
    event loop counts as running in this thread, and Django then refuses database access
    (or, with DJANGO_ALLOW_ASYNC_UNSAFE, silently opens a second connection).
    """
    requested, failed = [], []

    def on_response(response):
        if response.status >= 400:
            failed.append(f"{response.url} (HTTP {response.status})")

    def on_failure(request):
        # A click that navigates cancels what the old page was still loading (ERR_ABORTED):
        # that is the browser leaving, not a broken resource.
        if request.failure != "net::ERR_ABORTED":
            failed.append(f"{request.url} (failed: {request.failure})")

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        context = browser.new_context()
        context.on("request", lambda request: requested.append(request.url))
        context.on("requestfailed", on_failure)
        context.on("response", on_response)
        yield context.new_page()
        browser.close()
    elsewhere = [url for url in requested if not url.startswith(f"{site.url}/")]
    assert not elsewhere, f"requests to hosts other than {site.url}: {elsewhere}"
    assert not failed, f"failed requests: {failed}"
