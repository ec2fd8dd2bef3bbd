"""Puts the public address (PORTAL_PUBLIC_URL) on the Wagtail Site(s).

Wagtail builds absolute page URLs – in notification mails, the sitemap, the press feeds,
the API's `html_url` and the purges of the HTTP cache – from the Site's hostname and port.
Run on every deployment after `migrate` (README "Deployment tiers"); safe to run again.
Without PORTAL_PUBLIC_URL it changes nothing.
"""

from urllib.parse import urlsplit

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError
from django.db import transaction

from wagtail.models import Site


class Command(BaseCommand):
    help = "Sets the default Wagtail Site's hostname and port from PORTAL_PUBLIC_URL."

    def add_arguments(self, parser):
        parser.add_argument(
            "--url", help="The public address; default: the setting PORTAL_PUBLIC_URL."
        )

    @transaction.atomic
    def handle(self, *args, url=None, **options):
        url = url or getattr(settings, "PORTAL_PUBLIC_URL", "")
        if not url:
            self.stdout.write("PORTAL_PUBLIC_URL is not set; the Wagtail Site stays as it is.")
            return
        parts = urlsplit(url)
        if parts.scheme not in ("http", "https") or not parts.hostname:
            raise CommandError(f"Not an address: {url!r} (expected e.g. https://www.chancen.nrw)")
        port = parts.port or (443 if parts.scheme == "https" else 80)
        site = Site.objects.filter(is_default_site=True).first()
        if site is None:
            raise CommandError("There is no default Wagtail Site; load the seed content first.")
        site.hostname, site.port = parts.hostname, port
        site.save()
        Site.clear_site_root_paths_cache()
        name = site.site_name or site.hostname
        self.stdout.write(self.style.SUCCESS(f"Wagtail Site „{name}“: {parts.hostname}:{port}"))
