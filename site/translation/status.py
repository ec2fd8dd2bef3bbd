"""The translation state of every source page and translatable snippet in one language.

Only sources live in the source language are listed: a German draft (never published, or
sent back by the approval) is nothing to translate yet.

A handful of queries for the whole site, whatever its size: the rows are built from bulk
lookups (targets, translations, string counts, workflows), never from a query per row.

States, first match wins:
- "fehlt": there is no object in the target language.
- "in Freigabe": the translation waits in the approval workflow.
- "veraltet": the source was published after it was last synced for translation, the
  translation was not published since that sync, or strings are untranslated.
- "aktuell": none of these.
"""

from dataclasses import dataclass

from django.contrib.admin.utils import quote
from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, Exists, IntegerField, OuterRef, Q, Sum, Value
from django.db.models.functions import Cast, Coalesce
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from wagtail.models import DraftStateMixin, Locale, Page, TranslatableMixin, WorkflowState
from wagtail.snippets.models import get_snippet_models
from wagtail_localize.models import StringSegment, StringTranslation, Translation

UP_TO_DATE = "current"
OUT_OF_DATE = "outdated"
MISSING = "missing"
IN_MODERATION = "moderation"

STATES = {
    UP_TO_DATE: _("aktuell"),
    OUT_OF_DATE: _("veraltet"),
    MISSING: _("fehlt"),
    IN_MODERATION: _("in Freigabe"),
}
PAGE = "page"
SNIPPET = "snippet"
KINDS = {PAGE: _("Seite"), SNIPPET: _("Snippet")}


@dataclass
class StatusRow:
    kind: str
    type_label: str
    source: object
    target: object | None
    translation: Translation | None
    total: int = 0
    translated: int = 0
    state: str = MISSING

    @property
    def pk(self):
        return f"{self.kind}-{self.type_label}-{self.source.pk}"

    @property
    def title(self):
        return str(self.source.title if self.kind == PAGE else self.source)

    @property
    def kind_label(self):
        return KINDS[self.kind]

    @property
    def state_label(self):
        return STATES[self.state]

    @property
    def progress(self):
        return f"{self.translated}/{self.total}" if self.translation else ""

    @property
    def source_edit_url(self):
        return _edit_url(self.source)

    @property
    def action(self):
        """(label, URL) of the one click that moves this row on."""
        if self.state == MISSING:
            return _("Übersetzen"), _submit_url(self.source)
        if self.state == OUT_OF_DATE and self.translation is not None:
            url = reverse("wagtail_localize:update_translations", args=[self.translation.source_id])
            return _("Synchronisieren"), url
        return _("Bearbeiten"), _edit_url(self.target)

    @property
    def action_label(self):
        return self.action[0]

    @property
    def action_url(self):
        return self.action[1]


def status_rows(locale):
    """One row per source object (pages in tree order, then snippets by type)."""
    source = Locale.get_default()
    rows = _page_rows(source, locale)
    for model in translatable_snippet_models():
        rows += _snippet_rows(model, source, locale)
    translations = _translations(rows, locale)
    progress = _progress(translations.values(), locale)
    moderated = _in_moderation([row.target for row in rows if row.target is not None])
    for row in rows:
        row.translation = translations.get(row.source.translation_key)
        if row.translation is not None:
            row.total, row.translated = progress.get(row.translation.source_id, (0, 0))
        row.state = _state(row, moderated)
    return rows


def translatable_snippet_models():
    return [model for model in get_snippet_models() if issubclass(model, TranslatableMixin)]


def _page_rows(source, locale):
    sources = (
        Page.objects.filter(depth__gt=1, locale=source, live=True)
        .select_related("content_type")
        .order_by("path")
    )
    targets = {
        page.translation_key: page
        for page in Page.objects.filter(locale=locale, depth__gt=1).only(
            "pk", "translation_key", "live", "last_published_at", "locale_id", "title"
        )
    }
    return [
        StatusRow(
            kind=PAGE,
            type_label=str(page.specific_class._meta.verbose_name),
            source=page,
            target=targets.get(page.translation_key),
            translation=None,
        )
        for page in sources
    ]


def _snippet_rows(model, source, locale):
    live = Q(live=True) if issubclass(model, DraftStateMixin) else Q()
    objects = model._default_manager.filter(Q(locale=locale) | (Q(locale=source) & live))
    sources, targets = [], {}  # targets in any state: a draft translation is not missing
    for instance in objects:
        if instance.locale_id == locale.pk:
            targets[instance.translation_key] = instance
        else:
            sources.append(instance)
    label = str(model._meta.verbose_name)
    return [
        StatusRow(SNIPPET, label, source, targets.get(source.translation_key), None)
        for source in sources
    ]


def _translations(rows, locale):
    keys = [row.source.translation_key for row in rows]
    return {
        translation.source.object_id: translation
        for translation in Translation.objects.filter(
            source__object_id__in=keys, target_locale=locale
        ).select_related("source")
    }


def _progress(translations, locale):
    """(total, translated) strings per translation source, in one query."""
    translated = Exists(
        StringTranslation.objects.filter(
            translation_of_id=OuterRef("string_id"),
            context_id=OuterRef("context_id"),
            locale=locale,
            has_error=False,
        )
    )
    rows = (
        StringSegment.objects.filter(source_id__in=[t.source_id for t in translations])
        .annotate(done=Cast(translated, IntegerField()))
        .values("source_id")
        .annotate(total=Count("pk"), translated=Coalesce(Sum("done"), Value(0)))
    )
    return {row["source_id"]: (row["total"], row["translated"]) for row in rows}


def _in_moderation(targets):
    """(base content type id, object id) of every target with a workflow in progress."""
    if not targets:
        return set()
    states = WorkflowState.objects.active().filter(
        object_id__in={str(target.pk) for target in targets}
    )
    return set(states.values_list("base_content_type_id", "object_id"))


def _base_content_type_id(instance):
    model = Page if isinstance(instance, Page) else instance._meta.concrete_model
    return ContentType.objects.get_for_model(model).pk


def _state(row, moderated):
    target = row.target
    if target is None:
        return MISSING
    if (_base_content_type_id(target), str(target.pk)) in moderated:
        return IN_MODERATION
    if row.translation is None:
        # made without wagtail-localize: only the publication dates can tell
        return OUT_OF_DATE if _published_after(row.source, target) else UP_TO_DATE
    synced = row.translation.source.last_updated_at
    if (
        row.translated < row.total
        or _published_after(row.source, synced)
        or not _published_since(target, synced)
    ):
        return OUT_OF_DATE
    return UP_TO_DATE


def _published_after(instance, moment):
    """Whether `instance` was published after `moment` (a time or another object)."""
    if isinstance(moment, DraftStateMixin):
        moment = moment.last_published_at
    published = getattr(instance, "last_published_at", None)
    return bool(published and moment and published > moment)


def _published_since(target, synced):
    if not isinstance(target, DraftStateMixin):
        return True  # plain snippets are saved straight from the translation
    return bool(target.last_published_at and target.last_published_at >= synced)


def _edit_url(instance):
    if instance is None:
        return ""
    if isinstance(instance, Page):
        return reverse("wagtailadmin_pages:edit", args=[instance.pk])
    return reverse(instance.snippet_viewset.get_url_name("edit"), args=[quote(instance.pk)])


def _submit_url(source):
    if isinstance(source, Page):
        return reverse("wagtail_localize:submit_page_translation", args=[source.pk])
    meta = source._meta
    return reverse(
        "wagtail_localize:submit_snippet_translation",
        args=[meta.app_label, meta.model_name, quote(source.pk)],
    )
