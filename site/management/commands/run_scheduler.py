"""Publishes and expires scheduled content without a person: `publish_scheduled` on a clock.

`make run` starts it beside the development server; in production run it as its own process
(`manage.py run_scheduler`) or from a timer every minute (`manage.py run_scheduler --once`).
A lock in the shared cache (Redis in production) makes overlapping runs harmless: a second
run while one is busy skips its turn, so nothing is published or logged twice.
"""

import io
import signal
import time

from django.conf import settings
from django.core.cache import cache
from django.core.management import call_command
from django.core.management.base import BaseCommand

LOCK_KEY = "portal:run_scheduler:lock"


class Command(BaseCommand):
    help = "Publishes content whose go-live time has come and unpublishes expired content."

    def add_arguments(self, parser):
        parser.add_argument(
            "--interval",
            type=int,
            default=settings.PORTAL_SCHEDULER_INTERVAL,
            help="Seconds between two runs (default: PORTAL_SCHEDULER_INTERVAL).",
        )
        parser.add_argument("--once", action="store_true", help="Run once and exit.")

    def handle(self, *args, interval, once, **options):
        if once:
            self.run_once(lock_seconds=300)
            return
        self.stopping = False
        signal.signal(signal.SIGTERM, self.stop)
        self.stdout.write(f"Scheduler: publishing scheduled content every {interval} s.")
        while not self.stopping:
            self.run_once(lock_seconds=max(interval * 2, 60))
            self.sleep(interval)

    def run_once(self, lock_seconds):
        if not cache.add(LOCK_KEY, "busy", timeout=lock_seconds):
            self.stdout.write("Another scheduler run is busy; skipping this turn.")
            return False
        output = io.StringIO()
        try:
            call_command("publish_scheduled", stdout=output)
        finally:
            cache.delete(LOCK_KEY)
        for line in output.getvalue().splitlines():
            if line.strip() and not line.startswith("No "):
                self.stdout.write(line)
        return True

    def sleep(self, seconds):
        deadline = time.monotonic() + seconds
        while not self.stopping and time.monotonic() < deadline:
            time.sleep(0.5)

    def stop(self, signum, frame):
        self.stopping = True
