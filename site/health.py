"""`/-/health/` for load balancers and monitoring, built on django-health-check's probes.

- `/-/health/live/`: the process answers (no database, no cache): liveness.
- `/-/health/`: readiness. 503 while the database is away (this app server cannot serve
  pages then), 200 otherwise. Redis, the object store and the task worker are probed too; a
  failure there makes the status "degraded" (200): the site still serves, only slower or
  without uploads, and taking every app server out of the balancer would be worse.

Visitors see the status word alone. The per-check result (never a host, a password or a
traceback: django-health-check's messages) only with the header `X-Health-Token` equal to
`PORTAL_HEALTH_TOKEN`. Both answers are `no-store`, so no cache keeps them.

The worker probe: a probe queues a heartbeat task unless one waits or one ran moments ago;
the worker runs it. A heartbeat left waiting longer than `PORTAL_WORKER_STALE_SECONDS`
(default 120): the worker is down or stuck.
"""

import asyncio
import datetime
import hmac
import logging

from django.conf import settings
from django.http import HttpResponse, JsonResponse
from django.utils import timezone
from django.utils.cache import add_never_cache_headers
from django.views.decorators.http import require_safe

from django_tasks import task, task_backends
from health_check.checks import Cache, Database, Storage
from health_check.exceptions import HealthCheckException, ServiceUnavailable, ServiceWarning

logger = logging.getLogger(__name__)

HEARTBEAT_PATH = "portal.health.heartbeat"


def stale_seconds():
    """No heartbeat for this long while one waits: the worker is down or stuck (default 120)."""
    return getattr(settings, "PORTAL_WORKER_STALE_SECONDS", 120)


@task()
def heartbeat():
    """Run by the worker: proves it takes tasks. Keeps only the last hour of heartbeats."""
    from django_tasks_db.models import DBTaskResult

    DBTaskResult.objects.filter(
        task_path=HEARTBEAT_PATH,
        finished_at__lt=timezone.now() - datetime.timedelta(hours=1),
    ).delete()
    return timezone.now().isoformat()


def worker_check():
    """None when the worker is fine or not used, else a HealthCheckException."""
    # The task backend itself, not the proxy `default_task_backend`.
    if not type(task_backends["default"]).__module__.startswith("django_tasks_db"):
        return None
    from django_tasks_db.models import DBTaskResult

    now = timezone.now()
    stale = stale_seconds()
    heartbeats = DBTaskResult.objects.filter(task_path=HEARTBEAT_PATH)
    last = heartbeats.filter(status="SUCCESSFUL").order_by("-finished_at").first()
    waiting = heartbeats.filter(status="READY").order_by("enqueued_at").first()
    due = last is None or (now - last.finished_at).total_seconds() > stale / 4
    if waiting is None and due:
        heartbeat.enqueue()
    # A heartbeat that waits longer than `stale` was not taken: the worker is down or stuck.
    # (A long gap since the last one alone says nothing: nobody may have probed meanwhile.)
    if waiting and (now - waiting.enqueued_at).total_seconds() > stale:
        return ServiceWarning("the worker has not run a task in time")
    return None


def run_check(check):
    """A django-health-check probe, run in this thread: None or its exception."""
    try:
        if asyncio.iscoroutinefunction(check.run):
            asyncio.run(check.run())
        else:
            check.run()
    except HealthCheckException as error:
        return error
    except Exception as error:  # noqa: BLE001 – any failure of a probe is a failed probe
        logger.warning("Health probe %s failed: %s", type(check).__name__, type(error).__name__)
        return ServiceUnavailable("unexpected error")
    return None


def results():
    checks = {"database": run_check(Database())}
    checks["cache"] = run_check(Cache())
    checks["storage"] = run_check(Storage())
    if checks["database"] is None:
        try:
            checks["worker"] = worker_check()
        except Exception as error:  # noqa: BLE001
            logger.warning("Worker probe failed: %s", type(error).__name__)
            checks["worker"] = ServiceUnavailable("unexpected error")
    return checks


def shows_details(request):
    token = getattr(settings, "PORTAL_HEALTH_TOKEN", "")
    given = request.headers.get("X-Health-Token", "")
    return bool(token) and hmac.compare_digest(token.encode(), given.encode())


@require_safe
def readiness(request):
    checks = results()
    if checks["database"] is not None:
        status, code = "unavailable", 503
    elif any(checks.values()):
        status, code = "degraded", 200
    else:
        status, code = "ok", 200
    body = {"status": status}
    if shows_details(request):
        body["checks"] = {name: str(error) if error else "ok" for name, error in checks.items()}
    response = JsonResponse(body, status=code)
    if code == 503:
        response["Retry-After"] = "30"
    add_never_cache_headers(response)
    return response


@require_safe
def liveness(request):
    response = HttpResponse("ok\n", content_type="text/plain")
    add_never_cache_headers(response)
    return response
