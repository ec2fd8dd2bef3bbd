"""Translations go through the approval workflow: an unapproved English change never reaches
a visitor, on the site or through the API."""

import json

from django.urls import reverse

from wagtail.models import Locale, Page, WorkflowState
from wagtail_localize.models import Translation, TranslationSource
from wagtail_localize.operations import translate_object

import pytest

from home.models import TopicPage
from portal.translation.review import save_translation_draft
from tests.helpers import topic_page, workflow_action

pytestmark = pytest.mark.django_db

NEW_LEAD = "Diversity makes the administration stronger."


@pytest.fixture
def english_topic(seeded):
    return TopicPage.objects.get(locale__language_code="en", slug="intercultural-opening")


@pytest.fixture
def translation(english_topic):
    """The synced translation of „Interkulturelle Öffnung“, with a new English lead."""
    translation = Translation.objects.get(
        source__object_id=english_topic.translation_key, target_locale=english_topic.locale
    )
    po = translation.export_po()
    lead = next(entry for entry in po if entry.msgctxt == "lead")
    lead.msgstr = NEW_LEAD
    assert translation.import_po(po, tool_name="test") == []
    return translation


def english_lead(page):
    return Page.objects.get(pk=page.pk).specific.lead


def visitor_reads(client, page, text):
    client.logout()
    html = client.get(page.url).content.decode()
    api = json.dumps(client.get(f"/api/v3/pages/{page.pk}/").json(), ensure_ascii=False)
    return text in html, text in api


def submit_url(translation):
    return reverse("portal_translation_submit", args=[translation.pk])


def test_translator_submits_and_the_live_page_keeps_its_approved_text(
    client, role_users, english_topic, translation
):
    old_lead = english_topic.lead
    client.force_login(role_users["translator"])
    assert client.get(submit_url(translation)).status_code == 200
    response = client.post(submit_url(translation))

    assert response.status_code == 302
    assert english_lead(english_topic) == old_lead
    assert visitor_reads(client, english_topic, NEW_LEAD) == (False, False)
    state = Page.objects.get(pk=english_topic.pk).current_workflow_state
    assert state.status == WorkflowState.STATUS_IN_PROGRESS
    assert state.requested_by == role_users["translator"]
    draft = Page.objects.get(pk=english_topic.pk).specific.get_latest_revision_as_object()
    assert draft.lead == NEW_LEAD

    client.force_login(role_users["approver"])
    workflow_action(client, Page.objects.get(pk=english_topic.pk), "approve")

    assert english_lead(english_topic) == NEW_LEAD
    assert visitor_reads(client, english_topic, NEW_LEAD) == (True, True)


def test_saving_a_draft_of_a_live_translation_leaves_the_live_row_alone(
    role_users, english_topic, translation
):
    old_lead = english_topic.lead
    save_translation_draft(translation, role_users["translator"])
    live = Page.objects.get(pk=english_topic.pk).specific
    assert live.lead == old_lead
    assert live.has_unpublished_changes


def test_translation_editor_publish_becomes_a_submission_for_approvers(
    client, role_users, english_topic, translation
):
    client.force_login(role_users["approver"])
    edit = reverse("wagtailadmin_pages:edit", args=[english_topic.pk])
    response = client.post(edit, {"action": "publish"})

    assert response.status_code == 302
    assert english_lead(english_topic) != NEW_LEAD
    page = Page.objects.get(pk=english_topic.pk)
    assert page.current_workflow_state.requested_by == role_users["approver"]

    workflow_action(client, page, "approve")
    assert english_lead(english_topic) != NEW_LEAD, "nobody approves their own submission"
    client.force_login(role_users["second_approver"])
    workflow_action(client, page, "approve")
    assert english_lead(english_topic) == NEW_LEAD


def test_the_translation_editor_offers_the_submission(client, role_users, english_topic):
    client.force_login(role_users["translator"])
    response = client.get(reverse("wagtailadmin_pages:edit", args=[english_topic.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    assert "js-translation-editor" in html
    assert "/admin/translations/" in html and "/submit/" in html


def test_editors_cannot_submit_english_translations(client, role_users, translation):
    client.force_login(role_users["editor"])
    assert client.post(submit_url(translation)).status_code in (302, 403)
    target = Page.objects.get(
        translation_key=translation.source.object_id, locale=translation.target_locale
    )
    assert target.current_workflow_state is None


def sync_url(page):
    source = TranslationSource.objects.get(object_id=page.translation_key)
    return reverse("wagtail_localize:update_translations", args=[source.pk])


@pytest.mark.parametrize(("role", "offered"), [("translator", False), ("administrator", True)])
def test_sync_offers_publish_immediately_only_to_administration(
    client, role_users, english_topic, role, offered
):
    german = english_topic.get_translation(Locale.objects.get(language_code="de"))
    client.force_login(role_users[role])
    response = client.get(sync_url(german))
    assert response.status_code == 200
    assert ('name="publish_translations"' in response.content.decode()) is offered


@pytest.mark.parametrize(("role", "published"), [("translator", False), ("administrator", True)])
def test_sync_publishes_immediately_only_for_administration(
    client, role_users, english_topic, django_capture_on_commit_callbacks, role, published
):
    german = english_topic.get_translation(Locale.objects.get(language_code="de")).specific
    german.lead = "Ein neuer deutscher Vorspann."
    german.save_revision().publish()
    client.force_login(role_users[role])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(sync_url(german), {"publish_translations": "on"})

    assert response.status_code == 302
    assert (english_lead(english_topic) == "Ein neuer deutscher Vorspann.") is published


def test_after_a_source_change_english_keeps_its_approved_text_and_shows_what_changed(
    client, role_users, english_topic
):
    german = english_topic.get_translation(Locale.objects.get(language_code="de")).specific
    german.lead = "Ein ganz neuer deutscher Vorspann."
    german.save_revision().publish()
    live_lead = english_topic.lead
    translation = Translation.objects.get(
        source__object_id=english_topic.translation_key, target_locale=english_topic.locale
    )
    total, translated = translation.get_progress()
    assert total == translated

    client.force_login(role_users["translator"])
    client.post(sync_url(german), {})

    assert english_lead(english_topic) == live_lead
    assert visitor_reads(client, english_topic, live_lead) == (True, True)
    total, translated = translation.get_progress()
    assert translated == total - 1
    untranslated = [
        segment.string.data
        for segment in translation.source.stringsegment_set.select_related("string")
        if not segment.string.translations.filter(locale=english_topic.locale).exists()
    ]
    assert untranslated == ["Ein ganz neuer deutscher Vorspann."]


def test_a_new_translation_starts_as_a_draft_and_goes_live_on_approval(client, role_users):
    german = topic_page(title="Neue Seite", slug="neue-seite", lead="Ganz neu.")
    english_locale = Locale.objects.get(language_code="en")
    translate_object(german, [english_locale], user=role_users["translator"])
    english = german.get_translation(english_locale)
    assert not english.live
    translation = Translation.objects.get(
        source__object_id=german.translation_key, target_locale=english_locale
    )

    client.force_login(role_users["translator"])
    client.post(submit_url(translation))
    assert not Page.objects.get(pk=english.pk).live

    client.force_login(role_users["approver"])
    workflow_action(client, Page.objects.get(pk=english.pk), "approve")
    assert Page.objects.get(pk=english.pk).live
