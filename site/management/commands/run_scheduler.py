"""Publishes and expires scheduled content without a person: `publish_scheduled` on a clock.

`make run` starts it beside the development server; in production run it as its own process
(`manage.py run_scheduler`) or from a timer every minute (`manage.py run_scheduler --once`).
A lock in the shared cache (Redis in production) makes overlapping runs harmless: a second
run while one is busy skips its turn, so nothing is published or logged twice. While the
cache is unreachable (django-redis answers None instead of raising), PostgreSQL's advisory
lock takes its place, so scheduled content still goes live during a Redis outage.
"""

import io
import signal
import time
from contextlib import contextmanager

from django.conf import settings
from django.core.cache import cache
from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import connection

LOCK_KEY = "portal:run_scheduler:lock"
ADVISORY_LOCK_ID = 720_120_001  # any fixed number, the same in every scheduler process


@contextmanager
def scheduler_lock(seconds):
    """Yields whether this run holds the lock: the cache's, else the database's."""
    acquired = cache.add(LOCK_KEY, "busy", timeout=seconds)
    if acquired is not None:
        try:
            yield acquired
        finally:
            if acquired:
                cache.delete(LOCK_KEY)
        return
    with database_lock() as held:
        yield held


@contextmanager
def database_lock():
    if connection.vendor != "postgresql":
        yield True  # SQLite: the embedded tier runs one scheduler
        return
    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_try_advisory_lock(%s)", [ADVISORY_LOCK_ID])
        held = cursor.fetchone()[0]
    try:
        yield held
    finally:
        if held:
            with connection.cursor() as cursor:
                cursor.execute("SELECT pg_advisory_unlock(%s)", [ADVISORY_LOCK_ID])


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
        output = io.StringIO()
        with scheduler_lock(lock_seconds) as held:
            if not held:
                self.stdout.write("Another scheduler run is busy; skipping this turn.")
                return False
            call_command("publish_scheduled", stdout=output)
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
