"""PO batches: export the strings of many translations, and import them back all or nothing.

Files are wagtail-localize's own PO format (`Translation.export_po()`), the same as the
translation editor's download and upload, so a file may travel either way. An import only
changes strings: the English pages change when a translator submits them for approval.

An import checks every file before it changes anything, and refuses the whole batch if one
file is broken, belongs to no translation of this site, is for another language, or holds
strings the German source no longer has (it was exported before the source changed: export
again, so no translation is filed under a text that is not there any more).

Export and import stay in one module, longer than most: they share the file format (names,
metadata, the translation id) and the language lookups, and read best side by side.
"""

import uuid
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.utils.text import slugify

from wagtail.models import Locale, Page, get_page_models
from wagtail_localize.models import StringSegment, StringTranslation, Translation

import polib

TOOL_NAME = "PO-Import"
TRANSLATION_ID = "X-WagtailLocalize-TranslationID"
NAMED_STRINGS = 5


class POBatchError(Exception):
    """A batch that cannot be imported; `problems` names every bad file and why."""

    def __init__(self, problems):
        self.problems = problems
        super().__init__("\n".join(problems))


@dataclass
class POPlan:
    """One checked file: what importing it would change."""

    path: Path
    translation: Translation
    entries: list = field(default_factory=list)  # current (not obsolete) entries
    changed: int = 0
    untranslated: int = 0

    @property
    def label(self):
        return self.translation.source.object_repr

    @property
    def strings(self):
        return len(self.entries)


# Export


def page_translations(language, root=None):
    """Enabled translations into `language` of the source pages under `root` (or all)."""
    pages = Page.objects.exclude(locale__language_code=language).filter(depth__gt=1)
    if root is not None:
        pages = pages.descendant_of(root, inclusive=True)
    return _translations(language).filter(
        source__object_id__in=pages.values("translation_key"),
        source__specific_content_type__in=_page_types(),
    )


def snippet_translations(language):
    return _translations(language).exclude(source__specific_content_type__in=_page_types())


def _translations(language):
    return (
        Translation.objects.filter(enabled=True, target_locale__language_code=language)
        .select_related("source", "source__specific_content_type", "target_locale")
        .order_by("source__specific_content_type__model", "source__object_repr", "pk")
    )


def _page_types():
    return [ContentType.objects.get_for_model(model).pk for model in get_page_models()]


def resolve_root(value, language_code):
    """A source page by id or by its URL path (`/de/ueber-uns/` or `/ueber-uns/`)."""
    if value.isdigit():
        page = Page.objects.filter(pk=int(value)).first()
    else:
        page = _page_by_path(value, language_code)
    if page is None:
        raise POBatchError([f"No page {value!r} found."])
    return page


def _page_by_path(value, language_code):
    parts = [part for part in value.strip("/").split("/") if part]
    if parts and parts[0] == language_code:
        parts = parts[1:]
    home = Page.objects.filter(depth=2, locale__language_code=language_code).first()
    if home is None:
        return None
    url_path = home.url_path + "".join(f"{part}/" for part in parts)
    return Page.objects.filter(url_path=url_path, locale=home.locale).first()


def file_name(translation):
    model = translation.source.specific_content_type.model
    slug = slugify(translation.source.object_repr)[:50] or "ohne-titel"
    return f"{model}-{slug}-{translation.pk}.po"


def export_file(translation, out_dir):
    """Write one translation's PO file; returns its path and its entries."""
    po = translation.export_po()
    po.metadata["Language"] = translation.target_locale.language_code
    po.metadata["Project-Id-Version"] = translation.source.object_repr
    path = Path(out_dir) / file_name(translation)
    po.save(str(path))
    return path, [entry for entry in po if not entry.obsolete]


# Import


def collect_files(arguments: Iterable[str]):
    """The PO files named, directories expanded to the PO files in them."""
    paths = []
    for argument in arguments:
        path = Path(argument)
        if path.is_dir():
            paths.extend(sorted(path.glob("*.po")))
        else:
            paths.append(path)
    return paths


def check_files(paths, language=None):
    """Check every file; returns the plans, or raises POBatchError naming every problem."""
    problems, plans, seen = [], [], {}
    if not paths:
        raise POBatchError(["No PO files given."])
    for path in paths:
        try:
            plan = check_file(path, language)
        except POBatchError as error:
            problems.extend(error.problems)
            continue
        other = seen.setdefault(plan.translation.pk, path)
        if other != path:
            problems.append(f"{path}: same translation as {other}.")
        plans.append(plan)
    if problems:
        raise POBatchError(problems)
    return plans


def check_file(path, language=None):
    po = _parse(path)
    translation = _translation_of(path, po)
    target = translation.target_locale.language_code
    declared = po.metadata.get("Language", "").strip()
    if language and target != language:
        _refuse(path, f"translation into {target!r}, not {language!r}.")
    if declared and declared.split("_")[0].lower() != target:
        _refuse(path, f"declares language {declared!r}, but its translation is into {target!r}.")
    entries = [entry for entry in po if not entry.obsolete]
    _refuse_stale(path, translation, entries)
    return _plan(path, translation, entries)


def _parse(path):
    if not path.is_file():
        _refuse(path, "no such file.")
    try:
        # A path, never the content: polib would read a file named in the content.
        return polib.pofile(str(path))
    except (OSError, UnicodeDecodeError, ValueError) as error:
        _refuse(path, f"not a valid PO file ({error}).")


def _translation_of(path, po):
    translation_id = po.metadata.get(TRANSLATION_ID, "").strip()
    if not translation_id:
        _refuse(path, f"no {TRANSLATION_ID} header: not exported from this site.")
    translation = None
    if _is_uuid(translation_id):
        translation = (
            Translation.objects.filter(uuid=translation_id)
            .select_related("source", "target_locale")
            .first()
        )
    if translation is None:
        _refuse(
            path, f"translation {translation_id} does not exist on this site (another source?)."
        )
    if not translation.enabled:
        _refuse(path, f"translation of {translation.source.object_repr!r} is disabled.")
    return translation


def _is_uuid(value):
    try:
        uuid.UUID(value)
    except ValueError:
        return False
    return True


def _refuse_stale(path, translation, entries):
    """Strings the source no longer has: the file was exported before the source changed."""
    current = set(
        StringSegment.objects.filter(source=translation.source).values_list(
            "context__path", "string__data"
        )
    )
    stale = [entry for entry in entries if (entry.msgctxt, entry.msgid) not in current]
    if stale:
        named = "; ".join(
            f"{entry.msgctxt}: {entry.msgid[:60]!r}" for entry in stale[:NAMED_STRINGS]
        )
        more = f" and {len(stale) - NAMED_STRINGS} more" if len(stale) > NAMED_STRINGS else ""
        _refuse(
            path,
            f"{len(stale)} string(s) no longer in the source {translation.source.object_repr!r} "
            f"({named}{more}); export the translation again.",
        )


def _plan(path, translation, entries):
    existing = {
        (context, source): text
        for context, source, text in StringTranslation.objects.filter(
            context__object_id=translation.source.object_id,
            locale=translation.target_locale,
        ).values_list("context__path", "translation_of__data", "data")
    }
    plan = POPlan(path=path, translation=translation, entries=entries)
    for entry in entries:
        if not entry.msgstr:
            plan.untranslated += 1
        elif existing.get((entry.msgctxt, entry.msgid)) != entry.msgstr:
            plan.changed += 1
    return plan


def import_plans(plans, user=None, progress=None):
    """Import checked files in one transaction; `progress(index, plan)` after each."""
    with transaction.atomic():
        for index, plan in enumerate(plans, start=1):
            po = polib.POFile()
            po.metadata = {TRANSLATION_ID: str(plan.translation.uuid)}
            po.extend(plan.entries)
            warnings = plan.translation.import_po(po, user=user, tool_name=TOOL_NAME)
            if warnings:  # checked beforehand: the source changed meanwhile
                raise POBatchError([f"{plan.path}: {warning!r}" for warning in warnings])
            if progress is not None:
                progress(index, plan)
    return plans


def source_language(target):
    """The language the translations into `target` are made from (German here)."""
    return Locale.get_default().language_code


def _refuse(path, reason):
    raise POBatchError([f"{path}: {reason}"])


def target_locale(language):
    locale = Locale.objects.filter(language_code=language).first()
    if locale is None:
        raise POBatchError([f"No locale {language!r} on this site."])
    return locale
