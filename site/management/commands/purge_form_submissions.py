from datetime import timedelta

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.utils import timezone

from wagtail.contrib.forms.models import FormSubmission


class Command(BaseCommand):
    help = (
        "Deletes form submissions older than the retention period "
        "(PORTAL_FORM_RETENTION_DAYS, default 90 days). Run it daily."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--days",
            type=int,
            default=settings.PORTAL_FORM_RETENTION_DAYS,
            help="Keep submissions of the last DAYS days (default: %(default)s).",
        )
        parser.add_argument(
            "--dry-run", action="store_true", help="Only count what would be deleted."
        )

    def handle(self, *args, days, dry_run, **options):
        if days < 1:
            raise CommandError("--days must be at least 1: refusing to delete every submission.")
        cutoff = timezone.now() - timedelta(days=days)
        expired = FormSubmission.objects.filter(submit_time__lt=cutoff)
        if dry_run:
            self.stdout.write(
                f"{expired.count()} submission(s) older than {days} days would be deleted."
            )
            return
        deleted, _ = expired.delete()
        self.stdout.write(
            self.style.SUCCESS(f"Deleted {deleted} submission(s) older than {days} days.")
        )
