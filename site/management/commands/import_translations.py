from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError

from portal.translation import po


class Command(BaseCommand):
    help = (
        "Imports translated strings from PO files written by export_translations or the "
        "translation editor. All files are checked first; one bad file and nothing changes. "
        "Pages change only when their translation is submitted and approved."
    )

    def add_arguments(self, parser):
        parser.add_argument("paths", nargs="+", help="PO files or directories of PO files.")
        parser.add_argument("--language", help="Refuse files for any other target language.")
        parser.add_argument("--user", help="Username recorded as the translator.")

    def handle(self, *args, paths, language, user, **options):
        translator = self._user(user)
        try:
            plans = po.check_files(po.collect_files(paths), language)
            po.import_plans(plans, user=translator, progress=self._progress(len(plans)))
        except po.POBatchError as error:
            raise CommandError(
                "Nothing imported:\n" + "\n".join(f"  {line}" for line in error.problems)
            ) from error
        untranslated = sum(plan.untranslated for plan in plans)
        for plan in plans:
            if plan.untranslated:
                self.stderr.write(
                    self.style.WARNING(f"  ! {plan.label}: {plan.untranslated} untranslated")
                )
        self.stdout.write(
            self.style.SUCCESS(
                f"Imported {len(plans)} files: {sum(plan.strings for plan in plans)} strings, "
                f"{sum(plan.changed for plan in plans)} changed, {untranslated} warnings "
                "(untranslated strings)."
            )
        )

    def _progress(self, count):
        def report(index, plan):
            self.stdout.write(
                f"[{index}/{count}] {plan.label}: {plan.strings} strings, {plan.changed} changed"
            )

        return report

    @staticmethod
    def _user(username):
        if not username:
            return None
        user = get_user_model().objects.filter(username=username).first()
        if user is None:
            raise CommandError(f"No user {username!r}.")
        return user
