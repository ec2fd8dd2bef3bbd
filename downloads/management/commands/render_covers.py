"""Draw the covers of PDF documents that have none yet (`make prepare` runs it).

New uploads get their cover by themselves (downloads.covers); this fills in documents from
before, or whose drawing failed. --all redraws every PDF's cover.
"""

from django.core.management.base import BaseCommand

from downloads.covers import render_cover
from downloads.models import PortalDocument


class Command(BaseCommand):
    help = "Draw the first page of each PDF document without a cover as its cover image."

    def add_arguments(self, parser):
        parser.add_argument("--all", action="store_true", help="Redraw every PDF's cover.")

    def handle(self, *args, **options):
        documents = PortalDocument.objects.filter(file_format="pdf")
        if not options["all"]:
            documents = documents.filter(cover__isnull=True)
        drawn = sum(bool(render_cover.call(pk)) for pk in documents.values_list("pk", flat=True))
        self.stdout.write(f"{drawn} cover(s) drawn")
