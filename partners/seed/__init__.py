"""Seed content of the partner directory: the page "Wir sind Partner" under "Interkulturelle
Öffnung", its 29 partners and the form "Partner werden", in German and English.

Partners are published German snippets without English versions (their names are proper
names). The pages' English versions come from the PO files in `en/`.
"""

import tempfile
from pathlib import Path

from wagtail_localize.models import StringSegment, TranslationSource

import polib

from partners.models import Partner, PartnerFormField, PartnerFormPage, PartnerIndexPage
from portal.seed import add_page, add_snippet, translate

from .pages import (
    DIRECTORY_KEY,
    FIRST_PUBLISHED_AT,
    FORM_FIELDS,
    FORM_INTRO,
    FORM_KEY,
    FORM_PRIVACY_NOTICE,
    FORM_THANK_YOU,
    LEAD,
    directory_body,
    directory_sidebar,
    field_translation_key,
)
from .partners import PARTNERS

PO_DIR = Path(__file__).resolve().parent / "en"


def seed_partners(context):
    """Create the partner page, the partners and "Partner werden"."""
    directory = add_page(
        context,
        DIRECTORY_KEY,
        context.pages["interkulturelle-oeffnung"],
        PartnerIndexPage(
            title="Wir sind Partner",
            slug="wir-sind-partner",
            show_in_menus=True,
            lead=LEAD,
            body=directory_body(context.pages.get("brochure")),
            sidebar=directory_sidebar(context.snippets.get("kerstin-peters")),
            first_published_at=FIRST_PUBLISHED_AT,
        ),
    )
    for name, kind, place in PARTNERS:
        add_snippet(context, f"partner:{name}", Partner, {"name": name}, kind=kind, place=place)
    form_page = add_page(context, FORM_KEY, directory, _form_page())

    _translate(context, directory, f"{DIRECTORY_KEY}.po")
    _translate(context, form_page, f"{FORM_KEY}.po")


def _form_page():
    page = PartnerFormPage(
        title="Partner werden",
        slug="partner-werden",
        show_in_menus=True,
        intro=FORM_INTRO,
        privacy_notice=FORM_PRIVACY_NOTICE,
        thank_you_text=FORM_THANK_YOU,
    )
    page.form_fields = [
        PartnerFormField(
            clean_name=clean_name,
            label=label,
            field_type=field_type,
            required=required,
            help_text=help_text,
            translation_key=field_translation_key(clean_name),
        )
        for clean_name, label, field_type, required, help_text in FORM_FIELDS
    ]
    return page


def _translate(context, page, po_name):
    """`translate()` with those entries of the PO file that the German page contains.

    The PO file holds both forms of the brochure line, with and without the link to the
    publication page; which one the German page has depends on the downloads section.
    """
    english = page.get_translation_or_none(context.english)
    if english is not None and english.live:
        return translate(context, page, PO_DIR / po_name)  # reports it as unchanged
    source, _created = TranslationSource.get_or_create_from_instance(page)
    used = set(
        StringSegment.objects.filter(source=source).values_list("string__data", "context__path")
    )
    po = polib.pofile(str(PO_DIR / po_name))
    kept = polib.POFile(wrapwidth=po.wrapwidth)
    kept.metadata = po.metadata
    kept.extend(entry for entry in po if (entry.msgid, entry.msgctxt) in used)
    for _msgid, path in sorted(used - {(entry.msgid, entry.msgctxt) for entry in kept}):
        context.report.warnings.append(f"{po_name}: no English text for {path}")
    with tempfile.TemporaryDirectory() as directory:
        path = Path(directory) / po_name
        kept.save(str(path))
        return translate(context, page, path)
