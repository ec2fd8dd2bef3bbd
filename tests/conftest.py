from wagtail.models import Locale, Site

import pytest

from home.models import HomePage
from home.seed.loader import load_seed_content


@pytest.fixture
def home_de(db):
    """The German home page that the migrations create."""
    return Site.objects.get(is_default_site=True).root_page.specific


@pytest.fixture
def locale_en(db):
    return Locale.objects.get_or_create(language_code="en")[0]


@pytest.fixture
def seeded(db, django_capture_on_commit_callbacks):
    """The whole seed content in both languages, as `make run` loads it."""
    with django_capture_on_commit_callbacks(execute=True):
        load_seed_content()
    return {page.locale.language_code: page for page in HomePage.objects.select_related("locale")}
