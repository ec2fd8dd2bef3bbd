from django.core.management.base import BaseCommand

from portal.seed import load_seed_content


class Command(BaseCommand):
    help = "Loads the old site's content (German) and its English translation. Idempotent."

    def handle(self, *args, **options):
        report = load_seed_content()
        for line in report.created + report.translated:
            self.stdout.write(f"  + {line}")
        for line in report.warnings:
            self.stderr.write(self.style.WARNING(f"  ! {line}"))
        if report.changed:
            self.stdout.write(
                self.style.SUCCESS(
                    f"Seed content loaded: {len(report.created)} created, "
                    f"{len(report.translated)} translated, {len(report.unchanged)} unchanged."
                )
            )
        else:
            self.stdout.write(
                self.style.SUCCESS(
                    f"Seed content already in place: {len(report.unchanged)} unchanged, "
                    "nothing to do."
                )
            )
