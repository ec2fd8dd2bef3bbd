"""Machine translation: off unless a DeepL key is configured; it pre-fills, never publishes."""

from wagtail.models import Page
from wagtail_localize.machine_translators import get_machine_translator
from wagtail_localize.models import StringTranslation, Translation
from wagtail_localize.views.edit_translation import apply_machine_translation

import pytest

from home.models import TopicPage
from tests.helpers import PRODUCTION_ENV, manage

SHOW_TRANSLATOR = (
    "from django.conf import settings; "
    "print(getattr(settings, 'WAGTAILLOCALIZE_MACHINE_TRANSLATOR', {}).get('CLASS', 'off'))"
)


def translator_class(**env):
    result = manage("shell", "-c", SHOW_TRANSLATOR, **env)
    assert result.returncode == 0, result.stderr
    return result.stdout.strip().splitlines()[-1]


@pytest.mark.parametrize("settings_module", ["portal.settings.dev", "portal.settings.production"])
def test_machine_translation_is_off_without_a_key(settings_module):
    env = {**PRODUCTION_ENV, "DJANGO_SETTINGS_MODULE": settings_module}
    assert translator_class(**env) == "off"


def test_a_deepl_key_switches_deepl_on():
    env = {**PRODUCTION_ENV, "DEEPL_AUTH_KEY": "0000-test-key:fx"}
    assert translator_class(**env).endswith("deepl.DeepLTranslator")


@pytest.mark.django_db
def test_machine_translation_fills_strings_and_publishes_nothing(seeded, role_users):
    english = TopicPage.objects.get(locale__language_code="en", slug="intercultural-opening")
    live_lead = english.lead
    translation = Translation.objects.get(
        source__object_id=english.translation_key, target_locale=english.locale
    )
    StringTranslation.objects.filter(locale=english.locale).delete()

    applied = apply_machine_translation(
        translation.pk, role_users["translator"], get_machine_translator()
    )

    assert applied
    machine = StringTranslation.TRANSLATION_TYPE_MACHINE
    filled = StringTranslation.objects.filter(locale=english.locale, translation_type=machine)
    assert filled.count() == translation.source.stringsegment_set.count()
    assert Page.objects.get(pk=english.pk).specific.lead == live_lead
