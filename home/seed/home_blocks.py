"""The home page's blocks: sections, the employer guide, the newest press releases, "Partner
werden" and contact.

The last seed step: it links pages the other sections created (`context.pages`). It fills
the blocks of a German home page that has none (also on a database seeded before the blocks
existed) and brings them into the English home page with wagtail-localize, from
`en/home-blocks.po`, as a translator's upload would; the English page choosers point to the
English pages (segment overrides, as a translator would choose them).
"""

import json
from pathlib import Path

from wagtail_localize.models import (
    OverridableSegment,
    SegmentOverride,
    Translation,
    TranslationSource,
)

import polib

from portal.seed import stream

PO_FILE = Path(__file__).resolve().parent / "en" / "home-blocks.po"
KEY = "home-blocks"


def home_blocks(pages):
    """The blocks in order; blocks whose page the seed has not created are left out."""
    blocks = [("sections", {"heading": "Themen", "pages": []})]
    if "brochure" in pages:
        blocks.append(
            (
                "publication",
                {"heading": "Leitfaden für Arbeitgeber", "publication": pages["brochure"].pk},
            )
        )
    if "partnerveranstaltung-im-ministerium" in pages:
        blocks.append(
            ("newest_press_releases", {"heading": "Aktuelle Pressemitteilungen", "number": 3})
        )
    if "partner-werden" in pages:
        blocks.append(
            (
                "call_to_action",
                {
                    "heading": "Partner werden",
                    "text": (
                        "Behörden, Verbände und Unternehmen, die sich für interkulturelle "
                        "Öffnung einsetzen, können Partner der Initiative des Landes werden."
                    ),
                    "page": pages["partner-werden"].pk,
                    "link_text": "Jetzt Partner werden",
                },
            )
        )
    if "contact" in pages:
        blocks.append(
            (
                "contact",
                {
                    "heading": "Kontakt",
                    "text": (
                        "Sie haben Fragen zur Integration in Arbeit oder zur Initiative für "
                        "interkulturelle Öffnung? Schreiben Sie uns."
                    ),
                    "page": pages["contact"].pk,
                    "link_text": "Zum Kontaktformular",
                },
            )
        )
    return stream(KEY, blocks)


def seed_home_blocks(context):
    # Fresh from the database: the other steps added children since the first step.
    home = type(context.pages["home"]).objects.get(pk=context.pages["home"].pk)
    if not home.home_blocks:
        home.home_blocks = home_blocks(context.pages)
        home.save_revision(log_action=True).publish()
        context.report.created.append(f"de: {home.title} (Blöcke)")
    else:
        context.report.unchanged.append(f"de: {home.title} (Blöcke)")
    english = home.get_translation_or_none(context.english)
    if english is None or len(english.specific.home_blocks) == len(home.home_blocks):
        return
    _translate_blocks(context, home)


def _translate_blocks(context, home):
    source, _ = TranslationSource.update_or_create_from_instance(home)
    translation, _ = Translation.objects.get_or_create(
        source=source, target_locale=context.english, defaults={"enabled": True}
    )
    for warning in translation.import_po(polib.pofile(str(PO_FILE)), tool_name="seed"):
        context.report.warnings.append(f"{PO_FILE.name}: {warning}")
    _point_choosers_to_english_pages(source, context.english)
    translation.save_target(publish=False)
    english = home.get_translation(context.english)
    english.get_latest_revision().publish()
    context.report.translated.append(f"en: {english.title} (Blöcke)")


def _point_choosers_to_english_pages(source, english):
    """Each chosen page's English translation, where there is one, in the English blocks."""
    from wagtail.models import Page

    segments = OverridableSegment.objects.filter(
        source=source, context__path__startswith="home_blocks."
    ).select_related("context")
    for segment in segments:
        chosen = Page.objects.filter(pk=segment.data).first()
        target = chosen.get_translation_or_none(english) if chosen else None
        if target is None:
            continue
        SegmentOverride.objects.update_or_create(
            locale=english, context=segment.context, defaults={"data_json": json.dumps(target.pk)}
        )
