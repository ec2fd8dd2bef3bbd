"""Work a server process does once when it starts instead of in its first requests.

Django compiles a template, builds the URL resolver and loads a language's catalogue the
first time a request needs them; Wagtail and the portal fill their per-process memories
(content types, the content entries of `portal.content_cache`) the same way. That made the
first page after a deploy ten times slower than the next. gunicorn (`--preload`, as the
stack and `make bench` run it) loads the application once and forks its workers from it, so
what is done here is done once for all of them: the templates are compiled and each
language's home page is served once, inside the process. Every database and cache
connection that opened is closed again before the workers are forked; a failure (the
database not up yet) is logged and costs only the speed of the first requests.
"""

import gc
import io
import logging
import os
import sys
from functools import partial
from pathlib import Path
from urllib.parse import urlsplit

from django.apps import apps
from django.conf import settings
from django.core.cache import caches
from django.db import connections
from django.template import engines
from django.urls import reverse
from django.utils import translation

from portal import content_cache

logger = logging.getLogger(__name__)

PORTAL_APPS = ("portal", "home", "press", "partners", "downloads", "search")


def warm_up(application):
    """In the process that loads the application (gunicorn's master with `--preload`)."""
    engine = engines["django"]
    for name in portal_template_names():
        engine.get_template(name)
    content_cache.code_version()
    serve_home_pages(application)
    connections.close_all()  # no connection may cross the fork
    for cache in caches.all(initialized_only=True):
        cache.close()
    # What the master holds now outlives every worker: out of the collector's sight, the
    # workers' collections do not write to (and so copy) the pages they share with it.
    gc.collect()
    gc.freeze()
    os.register_at_fork(after_in_child=partial(serve_home_pages, application))


def serve_home_pages(application):
    """Each language's home page, served once inside the process. In a new worker this
    opens its connections and touches what it shares with the master before a visitor
    comes; a database that does not answer yet costs only the speed of the first requests."""
    try:
        for language, _name in settings.LANGUAGES:
            with translation.override(language):
                serve_once(application, reverse("wagtail_serve", args=[""]))
    except Exception:  # noqa: BLE001 – a server must start even when its database does not
        logger.warning("Warm-up request failed; the first requests will be slower", exc_info=True)


def portal_template_names():
    """The templates of the portal's own apps (the public site; the admin's are Wagtail's)."""
    for label in PORTAL_APPS:
        folder = Path(apps.get_app_config(label).path) / "templates"
        for path in sorted(folder.rglob("*.html")):
            yield path.relative_to(folder).as_posix()


def serve_once(application, path):
    """GET `path` through the WSGI application as a visitor of the public address would;
    returns the status code."""
    public = urlsplit(getattr(settings, "PORTAL_PUBLIC_URL", "") or "")
    host = public.netloc or next(
        (host for host in settings.ALLOWED_HOSTS if "*" not in host), "localhost"
    )
    scheme = public.scheme or "https"
    environ = {
        "REQUEST_METHOD": "GET",
        "PATH_INFO": path,
        "QUERY_STRING": "",
        "SERVER_NAME": host.split(":")[0],
        "SERVER_PORT": str(public.port or (443 if scheme == "https" else 80)),
        "HTTP_HOST": host,
        "wsgi.url_scheme": scheme,
        "wsgi.input": io.BytesIO(),
        "wsgi.errors": sys.stderr,
    }
    statuses = []
    response = application(environ, lambda status, headers, exc_info=None: statuses.append(status))
    try:
        for _chunk in response:
            pass
    finally:
        response.close()
    return int(statuses[0].split()[0])
