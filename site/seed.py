"""The seed framework: builds the seed content with the APIs editors and translators use.

German pages are added to the tree and published as revisions; their English versions are
made by wagtail-localize from PO files, exactly as a translator's upload would. Existing pages
and snippets are never overwritten, so a second run changes nothing.

Each section of the portal seeds its own content in `<app>/seed/` with the helpers here;
the setting `PORTAL_SEED_STEPS` names the steps in order (later ones may use what earlier
ones created, `context.pages`), so this module knows no section.
"""

import uuid
from dataclasses import dataclass, field
from importlib import import_module
from pathlib import Path

from django.conf import settings
from django.db import transaction

from wagtail.models import DraftStateMixin, Locale
from wagtail_localize.models import Translation, TranslationSource

import polib

BLOCK_NAMESPACE = uuid.UUID("3c6f4d8e-2f43-4f7e-9a55-0c1b8e6a7d21")


@dataclass
class SeedReport:
    created: list[str] = field(default_factory=list)
    translated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)

    @property
    def changed(self):
        return bool(self.created or self.translated)


@dataclass
class SeedContext:
    report: SeedReport
    german: Locale
    english: Locale
    pages: dict = field(default_factory=dict)  # seed key → German page
    snippets: dict = field(default_factory=dict)  # seed key → German snippet


def block_id(key, index):
    """A stable block id, so the PO contexts (`body.<id>`) match on every machine."""
    return str(uuid.uuid5(BLOCK_NAMESPACE, f"{key}:{index}"))


def stream(key, blocks):
    """StreamField data with stable ids from (block type, value) pairs."""
    return [
        {"type": block_type, "value": value, "id": block_id(key, index)}
        for index, (block_type, value) in enumerate(blocks)
    ]


def paragraphs(key, texts):
    return stream(key, [("paragraph", f"<p>{text}</p>") for text in texts])


def add_page(context, key, parent, page):
    """Add and publish a German page under `parent` unless its slug exists there already."""
    existing = parent.get_children().filter(slug=page.slug).first()
    if existing is not None:
        context.report.unchanged.append(f"de: {existing.title}")
        context.pages[key] = existing.specific
        return context.pages[key]
    page.live = False
    parent.add_child(instance=page)
    page.save_revision(log_action=True).publish()
    context.report.created.append(f"de: {page.title}")
    context.pages[key] = page
    return page


def add_snippet(context, key, model, lookup, **fields):
    """Create and publish a German snippet unless one matching `lookup` exists."""
    existing = model.objects.filter(locale=context.german, **lookup).first()
    if existing is not None:
        context.report.unchanged.append(f"de: {existing}")
        context.snippets[key] = existing
        return existing
    instance = model(locale=context.german, **lookup, **fields)
    if isinstance(instance, DraftStateMixin):
        instance.live = False
        instance.save()
        instance.save_revision(log_action=True).publish()
    else:
        instance.save()
    context.report.created.append(f"de: {instance}")
    context.snippets[key] = instance
    return instance


def translate(context, instance, po_file):
    """Make and publish the English version of a page or snippet from a PO file.

    Publishes right here rather than on commit (wagtail-localize's default), so a child is
    never translated before its parent's English slug is live.
    """
    english = context.english
    if instance.has_translation(english):
        target = instance.get_translation(english)
        if not isinstance(target, DraftStateMixin) or target.live:
            context.report.unchanged.append(f"en: {target}")
            return target
    source, _ = TranslationSource.get_or_create_from_instance(instance)
    translation, _ = Translation.objects.get_or_create(
        source=source, target_locale=english, defaults={"enabled": True}
    )
    for warning in translation.import_po(polib.pofile(str(po_file)), tool_name="seed"):
        context.report.warnings.append(f"{Path(po_file).name}: {warning}")
    has_drafts = isinstance(instance, DraftStateMixin)
    translation.save_target(publish=not has_drafts)  # a plain snippet cannot be a draft
    target = instance.get_translation(english)
    if has_drafts:
        target.get_latest_revision().publish()
    context.report.translated.append(f"en: {target}")
    return target


def _step(path):
    module, name = path.rsplit(".", 1)
    return getattr(import_module(module), name)


def load_seed_content():
    context = SeedContext(
        report=SeedReport(),
        german=Locale.get_default(),
        english=Locale.objects.get_or_create(language_code="en")[0],
    )
    for path in settings.PORTAL_SEED_STEPS:
        with transaction.atomic():
            _step(path)(context)
    return context.report
