"""Translators translate partners and contact persons too: the English versions only, and
through the approval workflow."""

from django.urls import reverse

from wagtail.models import Locale
from wagtail_localize.models import Translation
from wagtail_localize.operations import translate_object

import pytest

from portal.contacts import ContactPerson
from tests.helpers import workflow_action

pytestmark = pytest.mark.django_db


@pytest.fixture
def english_person(seeded, role_users):
    """An English translation of a contact person, started as translators start it."""
    german = ContactPerson.objects.filter(locale__language_code="de", live=True).first()
    german.role = "Referatsleitung"
    german.save_revision().publish()
    english_locale = Locale.objects.get(language_code="en")
    translate_object(german, [english_locale], user=role_users["translator"])
    english = german.get_translation(english_locale)
    assert not english.live
    return english


def edit_url(person):
    return reverse("wagtailsnippets_portal_contactperson:edit", args=[person.pk])


def test_translators_open_the_english_version_not_the_german(client, role_users, english_person):
    german = english_person.get_translation(Locale.objects.get(language_code="de"))
    client.force_login(role_users["translator"])
    response = client.get(edit_url(english_person))
    assert response.status_code == 200
    assert "js-translation-editor" in response.content.decode()
    assert client.get(edit_url(german)).status_code in (302, 403)


def test_a_contact_person_translation_is_approved_before_it_goes_live(
    client, role_users, english_person
):
    translation = Translation.objects.get(
        source__object_id=english_person.translation_key, target_locale=english_person.locale
    )
    po = translation.export_po()
    role = next(entry for entry in po if entry.msgctxt == "role")
    role.msgstr = "Head of unit"
    translation.import_po(po, tool_name="test")

    client.force_login(role_users["translator"])
    response = client.post(reverse("portal_translation_submit", args=[translation.pk]))
    assert response.status_code == 302
    person = ContactPerson.objects.get(pk=english_person.pk)
    assert not person.live

    client.force_login(role_users["approver"])
    workflow_action(client, person, "approve")

    person = ContactPerson.objects.get(pk=english_person.pk)
    assert person.live and person.role == "Head of unit"
