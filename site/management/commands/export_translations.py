from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from portal.translation import po


class Command(BaseCommand):
    help = (
        "Writes one PO file per translation into a language: the pages of a subtree and the "
        "translatable snippets. Import them back with import_translations."
    )

    def add_arguments(self, parser):
        parser.add_argument("language", help="Target language, e.g. en.")
        parser.add_argument("--root", help="Source page: id or URL path, e.g. /de/ueber-uns/.")
        parser.add_argument("--out", required=True, help="Directory for the PO files.")
        parser.add_argument("--no-snippets", action="store_true", help="Pages only.")

    def handle(self, *args, language, root, out, no_snippets, **options):
        try:
            locale = po.target_locale(language)
            source_language = po.source_language(locale)
            root_page = po.resolve_root(root, source_language) if root else None
        except po.POBatchError as error:
            raise CommandError(str(error)) from error
        translations = list(po.page_translations(language, root_page))
        if not no_snippets:
            translations += list(po.snippet_translations(language))
        if not translations:
            raise CommandError(
                f"No translations into {language!r} to export: submit the pages for "
                "translation in the admin first."
            )
        out_dir = Path(out)
        out_dir.mkdir(parents=True, exist_ok=True)
        total = untranslated = 0
        for index, translation in enumerate(translations, start=1):
            path, entries = po.export_file(translation, out_dir)
            missing = sum(1 for entry in entries if not entry.msgstr)
            total += len(entries)
            untranslated += missing
            self.stdout.write(
                f"[{index}/{len(translations)}] {translation.source.object_repr}: "
                f"{len(entries)} strings, {missing} untranslated -> {path.name}"
            )
        self.stdout.write(
            self.style.SUCCESS(
                f"Exported {len(translations)} files to {out_dir}: {total} strings, "
                f"{untranslated} untranslated."
            )
        )
