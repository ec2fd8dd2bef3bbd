import os

from django.db import connections

from wagtail.models import Locale, Site

import pytest
from hypothesis import HealthCheck, settings

from home.models import HomePage
from portal.editorial.setup import setup_editorial
from portal.seed import load_seed_content

# Property-based tests draw the same examples on every run (`make test`, CI): a verdict never
# depends on the dice. `make fuzz` explores with random seeds and more examples ("fuzz").
COMMON = {"deadline": None, "database": None, "suppress_health_check": list(HealthCheck)}
settings.register_profile("deterministic", derandomize=True, max_examples=4, **COMMON)
FUZZ_EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "100"))
settings.register_profile("fuzz", max_examples=FUZZ_EXAMPLES, print_blob=True, **COMMON)
settings.load_profile("deterministic")


@pytest.fixture(scope="session")
def django_db_setup(django_db_setup, django_db_blocker):
    """Load the seed content and editorial roles once into the test database, like `make run`.

    Every test runs in a transaction that is rolled back, so each one starts from the seeded
    portal; loading it per test would cost seconds each.
    """
    with django_db_blocker.unblock():
        load_seed_content()
        setup_editorial()
        # Tests on a transactional database (the browser tests) flush it afterwards and
        # restore this serialised copy: keep it the seeded one, not the bare migrations.
        for alias in connections:
            connection = connections[alias]
            if hasattr(connection, "_test_serialized_contents"):
                connection._test_serialized_contents = connection.creation.serialize_db_to_string()


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
