"""Builds the seed content with the APIs editors and translators use.

German pages are added to the tree and published as revisions; their English versions are
made by wagtail-localize from the PO files in `en/`, exactly as a translator's upload would.
Existing pages are never overwritten, so a second run changes nothing.
"""

import uuid
from dataclasses import dataclass, field
from pathlib import Path

from django.apps import apps
from django.db import transaction

from wagtail.models import Locale, Site
from wagtail_localize.models import Translation, TranslationSource

import polib

from .pages import SEED_PAGES

PO_DIR = Path(__file__).resolve().parent / "en"
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


def block_id(seed, index):
    """A stable block id, so the PO contexts (`body.<id>`) match on every machine."""
    return str(uuid.uuid5(BLOCK_NAMESPACE, f"{seed.key}:{index}"))


def body_data(seed):
    return [
        {"type": "paragraph", "value": f"<p>{text}</p>", "id": block_id(seed, index)}
        for index, text in enumerate(seed.paragraphs)
    ]


def apply_fields(page, seed):
    page.title = seed.title
    page.draft_title = seed.title
    page.slug = seed.slug
    page.lead = seed.lead
    page.body = body_data(seed)
    page.show_in_menus = seed.show_in_menus


def german_home(locale):
    site = Site.objects.get(is_default_site=True)
    return site.root_page.get_translation(locale).specific


def seed_german_page(seed, parents, locale, report):
    """Create and publish a German page unless it exists; the home page is filled once."""
    if seed.parent is None:
        page = german_home(locale)
        if page.latest_revision_id is None:
            apply_fields(page, seed)
            page.save_revision(log_action=True).publish()
            report.created.append(f"de: {seed.title}")
        else:
            report.unchanged.append(f"de: {seed.title}")
        return page

    parent = parents[seed.parent]
    existing = parent.get_children().filter(slug=seed.slug).first()
    if existing is not None:
        report.unchanged.append(f"de: {seed.title}")
        return existing.specific

    page = apps.get_model(seed.model)(live=False)
    apply_fields(page, seed)
    parent.add_child(instance=page)
    page.save_revision(log_action=True).publish()
    report.created.append(f"de: {seed.title}")
    return page


def seed_english_translation(page, seed, english, report):
    """Translate a German page through wagtail-localize with the seed's PO file."""
    if page.has_translation(english) and page.get_translation(english).live:
        report.unchanged.append(f"en: {seed.title}")
        return
    source, _ = TranslationSource.get_or_create_from_instance(page)
    translation, _ = Translation.objects.get_or_create(
        source=source, target_locale=english, defaults={"enabled": True}
    )
    po_file = PO_DIR / f"{seed.key}.po"
    for warning in translation.import_po(polib.pofile(str(po_file)), tool_name="seed"):
        report.warnings.append(f"{po_file.name}: {warning}")
    # Publish right here rather than on commit (wagtail-localize's default), so a child is
    # never translated before its parent's English slug is live.
    translation.save_target(publish=False)
    target = page.get_translation(english)
    target.get_latest_revision().publish()
    report.translated.append(f"en: {target.title}")


def load_seed_content():
    report = SeedReport()
    german = Locale.get_default()
    english, _ = Locale.objects.get_or_create(language_code="en")
    pages = {}
    with transaction.atomic():
        for seed in SEED_PAGES:
            pages[seed.key] = seed_german_page(seed, pages, german, report)
    for seed in SEED_PAGES:
        with transaction.atomic():
            seed_english_translation(pages[seed.key], seed, english, report)
    return report
