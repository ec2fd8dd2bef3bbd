"""Translations go through "Redaktionelle Freigabe" like any German page.

A translator's strings become a draft revision of the English page (or snippet) and the
workflow starts; the live English version stays as it is until an approver releases it.

wagtail-localize 1.14 cannot do this on its own: its translation editor only publishes, and
`Translation.save_target(publish=False)` writes the new text into the database row of an
already published translation before it saves the draft revision, so visitors would read the
unapproved text at once. For a live translation this module builds the translated object in
memory and saves only a revision (Wagtail's `save_revision` updates just the revision
bookkeeping of the row). It uses wagtail-localize's `_get_segments_for_translation`, the step
`create_or_update_translation` itself takes; re-check it when upgrading wagtail-localize.

Upstream limitation: draft translations of live pages are an open request,
https://github.com/wagtail/wagtail-localize/issues/655 (also
https://github.com/wagtail/wagtail-localize/issues/634); an attempt,
https://github.com/wagtail/wagtail-localize/pull/656, was closed. When
`create_or_update_translation` stops saving the row of an existing translation before its
draft revision, the canary `test_upstream_draft_translation_writes_the_live_row` fails: then
the live branch of `save_translation_draft` can go, and with it this explanation.
"""

from django.core.exceptions import ObjectDoesNotExist
from django.db import transaction
from django.utils.text import slugify

from wagtail.coreutils import find_available_slug
from wagtail.models import Page
from wagtail_localize.fields import copy_synchronised_fields
from wagtail_localize.segments.ingest import ingest_segments


def translated_object(translation):
    """The target object of a translation, or None while it has never been created."""
    try:
        return translation.source.get_translated_instance(translation.target_locale)
    except ObjectDoesNotExist:
        return None


@transaction.atomic
def save_translation_draft(translation, user):
    """Save the translator's current strings as a draft revision; nothing goes live."""
    target = translated_object(translation)
    if target is None or not target.live:
        # Never published: wagtail-localize's own draft path shows nothing to visitors.
        target, _created = translation.source.create_or_update_translation(
            translation.target_locale,
            user=user,
            publish=False,
            copy_parent_pages=True,
            fallback=True,
        )
        return target.get_latest_revision()
    source = translation.source
    original = source.as_instance()
    copy_synchronised_fields(original, target)
    segments = source._get_segments_for_translation(translation.target_locale, fallback=True)
    ingest_segments(original, target, source.locale, translation.target_locale, segments)
    if isinstance(target, Page):
        target.slug = find_available_slug(
            target.get_parent(), slugify(target.slug), ignore_page_id=target.pk
        )
    revision = target.save_revision(user=user)
    if isinstance(target, Page):
        # wagtail-localize's own path syncs the view restriction here; so does this one.
        source.update_target_view_restrictions(translation.target_locale)
    return revision


@transaction.atomic
def submit_translation_for_approval(translation, user):
    """Save the translation as a draft and put it into the approval workflow.

    Returns the workflow state; a workflow already running for the object takes the new
    revision along (approvers always review the latest revision).
    """
    save_translation_draft(translation, user)
    target = translated_object(translation)
    state = target.current_workflow_state
    if state is not None:
        return state
    return target.get_workflow().start(target, user)
