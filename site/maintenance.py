"""The maintenance page: 503 with Retry-After, in the visitor's language, instead of a 500.

When PostgreSQL is away (stopped, restarting, unreachable within `connect_timeout`) every
request that touches the database fails with `OperationalError`/`InterfaceError`. Visitors
then get "Wartungsarbeiten" (503, `Retry-After`) in their language – the HTTP cache in front
serves its last good copy of a page where it has one – and the API a JSON 503. Nothing here
needs the database, so the page renders while it is away; Django's connection health checks
(`CONN_HEALTH_CHECKS`) reconnect by themselves when it is back: no restart.

When the object store is away, pages still render (image addresses come from the database);
an upload fails with "Dateispeicher nicht erreichbar" (503) and nothing is stored: the file
is written before the database row, so a failed write leaves no row.

`MaintenanceMiddleware` (the innermost middleware) answers for errors raised in views;
`server_error` (the 500 handler, `portal.ops_urls`) for errors raised in middleware (sessions,
logins) before any view ran.
"""

import logging
import sys

from django.db import InterfaceError, OperationalError
from django.http import HttpResponse, JsonResponse
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext
from django.views import defaults

logger = logging.getLogger(__name__)

RETRY_AFTER_SECONDS = 60
DATABASE_ERRORS = (OperationalError, InterfaceError)

try:
    from botocore.exceptions import BotoCoreError, ClientError

    STORAGE_ERRORS = (BotoCoreError, ClientError)
except ImportError:  # botocore comes with django-storages[s3]; without it, no S3 either
    STORAGE_ERRORS = ()


def language_of(request):
    """The visitor's language: the URL's prefix, else the browser's preference, else German."""
    prefix = request.path_info.lstrip("/").split("/", 1)[0]
    if prefix in ("de", "en"):
        return prefix
    return translation.get_language_from_request(request) or "de"


def fault_of(error):
    if isinstance(error, DATABASE_ERRORS) and not database_reachable():
        return "database"
    if STORAGE_ERRORS and isinstance(error, STORAGE_ERRORS):
        return "storage"
    return None


def database_reachable():
    """Whether a new connection to the database opens.

    `OperationalError` is also what a query the database refuses raises (SQLite's full-text
    syntax, a lock timeout): that is a bug to see as a 500, not maintenance. The probe opens
    a connection of its own, so the request's connection and transaction stay as they are.
    """
    from django.db import connection

    try:
        probe = connection.get_new_connection(connection.get_connection_params())
    except connection.Database.Error:
        return False
    probe.close()
    return True


def unavailable(request, fault):
    with translation.override(language_of(request)):
        if fault == "database":
            title = gettext("Wartungsarbeiten")
            message = gettext(
                "chancen.nrw ist gerade nicht erreichbar, weil wir an der Technik arbeiten. "
                "Bitte versuchen Sie es in wenigen Minuten erneut."
            )
        else:
            title = gettext("Dateispeicher nicht erreichbar")
            message = gettext(
                "Dateien können gerade nicht gespeichert oder geladen werden. Es wurde nichts "
                "gespeichert. Bitte versuchen Sie es in wenigen Minuten erneut."
            )
        if request.path_info.startswith("/api/"):
            response = JsonResponse(
                {"type": "about:blank", "title": title, "status": 503, "detail": message},
                status=503,
                content_type="application/problem+json",
            )
        elif "application/json" in request.headers.get("Accept", ""):
            response = JsonResponse({"success": False, "error_message": message}, status=503)
        else:
            html = render_to_string("portal/maintenance.html", {"title": title, "message": message})
            response = HttpResponse(html, status=503)
        response["Content-Language"] = translation.get_language()
    response["Retry-After"] = str(RETRY_AFTER_SECONDS)
    response["Cache-Control"] = "no-store"
    return response


class MaintenanceMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        fault = fault_of(exception)
        if not fault:
            return None
        logger.error(
            "%s unavailable, answering 503 for %s %s: %s: %s",
            "Database" if fault == "database" else "Object storage",
            request.method,
            request.path,
            type(exception).__name__,
            exception,
        )
        return unavailable(request, fault)


def server_error(request, template_name="500.html"):
    """handler500: a database or storage fault outside a view is a 503 too, anything else 500."""
    fault = fault_of(sys.exc_info()[1])
    if fault:
        return unavailable(request, fault)
    return defaults.server_error(request, template_name)
