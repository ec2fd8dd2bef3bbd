"""Runs a long-running management command and starts it again after an outage.

    manage.py run_resilient db_worker --interval 1
    manage.py run_resilient run_scheduler

The task worker (`db_worker`) and the scheduler (`run_scheduler`) stop with a traceback when
PostgreSQL goes away under them. Run this way, the outage is logged in one line, the
command waits (1 s, doubling up to 30 s) and starts again: when the database is back they
work on without anyone restarting them (README "Deployment tiers", faults). SIGTERM and
SIGINT stop it for good; any other error stops it too, so a real bug is not hidden. Network
calls without a timeout of their own give up after 30 s (`socket.setdefaulttimeout`).
"""

import logging
import signal
import socket
import time

from django.core.management import call_command
from django.core.management.base import BaseCommand
from django.db import InterfaceError, OperationalError, connections

logger = logging.getLogger(__name__)

OUTAGES = (OperationalError, InterfaceError)
# No network call of a task waits forever: Wagtail's frontend-cache HTTPBackend, for one,
# calls urlopen() without a timeout, and a purge endpoint that drops packets would hold the
# worker. Clients with their own timeouts (PostgreSQL, Redis, S3, SMTP) keep theirs.
SOCKET_TIMEOUT = 30.0


class Command(BaseCommand):
    help = "Runs a management command and restarts it after a database outage."

    def add_arguments(self, parser):
        parser.add_argument("command_name")
        parser.add_argument("args", nargs="*")
        parser.add_argument("--max-wait", type=float, default=30.0)
        parser.add_argument("--socket-timeout", type=float, default=SOCKET_TIMEOUT)

    def run_from_argv(self, argv):
        # Everything after the command's name belongs to it, options included.
        self.stopping = False
        name, rest = argv[2], argv[3:]
        socket.setdefaulttimeout(SOCKET_TIMEOUT)
        self.supervise(name, rest, max_wait=30.0)

    def handle(self, command_name, *args, max_wait, socket_timeout, **options):
        self.stopping = False
        socket.setdefaulttimeout(socket_timeout)
        self.supervise(command_name, list(args), max_wait=max_wait)

    def supervise(self, name, args, max_wait):
        previous = {sig: signal.getsignal(sig) for sig in (signal.SIGTERM, signal.SIGINT)}
        for sig, handler in previous.items():
            signal.signal(sig, self.stopper(handler))
        try:
            self.run_until_stopped(name, args, max_wait)
        finally:
            for sig, handler in previous.items():
                signal.signal(sig, handler)

    def run_until_stopped(self, name, args, max_wait):
        wait = 1.0
        while not self.stopping:
            started = time.monotonic()
            try:
                call_command(name, *args)
                return  # the command ended by itself (a signal, --once, --batch)
            except OUTAGES as error:
                if self.stopping:
                    return
                logger.warning(
                    "%s stopped: database unavailable (%s); starting again in %.0f s",
                    name,
                    type(error).__name__,
                    wait,
                )
            for connection in connections.all():
                connection.close_if_unusable_or_obsolete()
            if time.monotonic() - started > 60:
                wait = 1.0
            self.sleep(wait)
            wait = min(wait * 2, max_wait)

    def stopper(self, previous):
        def stop(signum, frame):
            self.stopping = True
            if callable(previous):
                previous(signum, frame)
            elif signum == signal.SIGINT:
                raise KeyboardInterrupt

        return stop

    def sleep(self, seconds):
        deadline = time.monotonic() + seconds
        while not self.stopping and time.monotonic() < deadline:
            time.sleep(0.2)
