"""The production tier's settings and its operational parts, without the running stack.

Production settings in a subprocess (managed PostgreSQL, Redis and S3 by environment variables
alone); the maintenance page, the health endpoint, the public address, the media view and the
cache-error log in-process on the test settings.
"""

import json
import logging
import os
import subprocess
import sys
from pathlib import Path
from unittest import mock

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.core.management import call_command
from django.db import OperationalError
from django.http import Http404
from django.test import RequestFactory, override_settings

from wagtail.models import Page, Site

import pytest

from portal import maintenance, media
from portal.cache_errors import OnceAMinute

ROOT = Path(__file__).resolve().parent.parent
STRONG_KEY = "x7#kQ2!vR9@pL4$wM8^nB3&cZ6*hJ1(fT5)gY0-dS2+aE7=uI4"
MANAGED = {
    "DJANGO_SETTINGS_MODULE": "portal.settings.production",
    "DJANGO_SECRET_KEY": STRONG_KEY,
    "DATABASE_URL": "postgres://portal:secret@db.internal:5432/portal",
    "ALLOWED_HOSTS": "www.chancen.nrw",
    "REDIS_URL": "rediss://:secret@cache.internal:6380/0",
    "PORTAL_PUBLIC_URL": "https://www.chancen.nrw",
    "PORTAL_S3_BUCKET": "chancen-media",
    "PORTAL_S3_ENDPOINT_URL": "https://s3.example-cloud.de",
    "AWS_ACCESS_KEY_ID": "key",
    "AWS_SECRET_ACCESS_KEY": "secret",
    "PORTAL_FRONTEND_CACHE_URL": "http://cache.internal:6081",
}
SHOW = """
import json
from django.conf import settings as s
print(json.dumps({
    "cache": s.CACHES["default"]["BACKEND"],
    "ignore": s.CACHES["default"]["OPTIONS"]["IGNORE_EXCEPTIONS"],
    "session": s.SESSION_ENGINE,
    "fail_open": s.RATELIMIT_FAIL_OPEN,
    "storage": s.STORAGES["default"]["BACKEND"],
    "bucket": s.STORAGES["default"].get("OPTIONS", {}).get("bucket_name"),
    "serve": getattr(s, "WAGTAILDOCS_SERVE_METHOD", None),
    "tasks": s.TASKS["default"]["BACKEND"],
    "purge": s.WAGTAILFRONTENDCACHE["default"]["LOCATION"],
    "admin_url": s.WAGTAILADMIN_BASE_URL,
    "api_url": s.WAGTAILAPI_BASE_URL,
    "csrf": s.CSRF_TRUSTED_ORIGINS,
    "ssl_redirect": s.SECURE_SSL_REDIRECT,
    "hsts": s.SECURE_HSTS_SECONDS,
    "secure_cookies": s.SESSION_COOKIE_SECURE and s.CSRF_COOKIE_SECURE,
    "connect_timeout": s.DATABASES["default"]["OPTIONS"]["connect_timeout"],
    "urlconf": s.ROOT_URLCONF,
}))
"""


def manage(*args, **env):
    clean = {
        key: value
        for key, value in os.environ.items()
        if not key.startswith(("DJANGO_", "PORTAL_", "AWS_", "DATABASE_", "REDIS_"))
    }
    return subprocess.run(  # noqa: S603 – fixed command line
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**clean, **env},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


def production_settings(**env):
    result = manage("shell", "--no-imports", "-c", SHOW, **env)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stdout.strip().splitlines()[-1])


def test_managed_services_by_environment_variables_alone():
    values = production_settings(**MANAGED)
    assert values["cache"] == "django_redis.cache.RedisCache"
    assert values["ignore"] is True
    assert values["session"] == "django.contrib.sessions.backends.db"
    assert values["fail_open"] is True
    assert values["storage"] == "portal.storage.PortalS3Storage"
    assert values["bucket"] == "chancen-media"
    assert values["serve"] == "serve_view"
    assert values["tasks"] == "django_tasks_db.DatabaseBackend"
    assert values["purge"] == "http://cache.internal:6081"
    assert values["admin_url"] == values["api_url"] == "https://www.chancen.nrw"
    assert "https://www.chancen.nrw" in values["csrf"]
    assert values["ssl_redirect"] is True
    assert values["hsts"] == 31_536_000
    assert values["secure_cookies"] is True
    assert values["connect_timeout"] == 5
    assert values["urlconf"] == "portal.ops_urls"


def test_managed_services_pass_check_deploy():
    result = manage("check", "--deploy", "--fail-level", "WARNING", **MANAGED)
    assert result.returncode == 0, result.stderr + result.stdout


def test_plain_http_only_on_loopback():
    loopback = production_settings(**{**MANAGED, "PORTAL_PUBLIC_URL": "http://127.0.0.1:8080"})
    assert loopback["ssl_redirect"] is False
    assert loopback["hsts"] == 0
    assert loopback["secure_cookies"] is False
    result = manage("check", **{**MANAGED, "PORTAL_PUBLIC_URL": "http://www.chancen.nrw"})
    assert result.returncode != 0
    assert "must use https" in result.stderr


def test_without_a_bucket_media_stay_on_the_file_system_and_tasks_can_run_inline():
    env = {**MANAGED, "PORTAL_TASKS": "immediate"}
    del env["PORTAL_S3_BUCKET"]
    values = production_settings(**env)
    assert values["storage"] == "django.core.files.storage.FileSystemStorage"
    assert values["tasks"] == "django_tasks.backends.immediate.ImmediateBackend"


# --- the maintenance page -------------------------------------------------------------------


@pytest.fixture
def database_away(monkeypatch):
    """PostgreSQL stopped: a new connection does not open."""
    monkeypatch.setattr(maintenance, "database_reachable", lambda: False)


def exception_response(path, error, **headers):
    request = RequestFactory().get(path, **headers)
    return maintenance.MaintenanceMiddleware(lambda request: None).process_exception(request, error)


@pytest.mark.parametrize(
    ("path", "text", "language"),
    [
        ("/de/kontakt/", "Wartungsarbeiten", "de"),
        ("/en/contact/", "Maintenance", "en"),
        ("/admin/pages/", "Wartungsarbeiten", "de"),
    ],
)
def test_a_database_outage_answers_503_in_the_visitors_language(
    path, text, language, database_away
):
    response = exception_response(path, OperationalError("connection refused"))
    assert response.status_code == 503
    assert response["Retry-After"] == "60"
    assert response["Cache-Control"] == "no-store"
    assert response["Content-Language"] == language
    body = response.content.decode()
    assert f"<h1>{text}</h1>" in body
    assert "connection refused" not in body


def test_the_language_comes_from_the_browser_where_the_address_has_none(database_away):
    response = exception_response("/", OperationalError("x"), HTTP_ACCEPT_LANGUAGE="en")
    assert "<h1>Maintenance</h1>" in response.content.decode()


def test_the_api_gets_problem_json_and_other_errors_pass_on(database_away):
    response = exception_response("/api/v3/pages/", OperationalError("x"))
    assert response.status_code == 503
    assert response["Content-Type"] == "application/problem+json"
    assert json.loads(response.content)["status"] == 503
    assert exception_response("/de/", ValueError("a bug")) is None


def test_an_unreachable_object_store_is_named_and_nothing_stored():
    from botocore.exceptions import EndpointConnectionError

    error = EndpointConnectionError(endpoint_url="http://s3.internal")
    response = exception_response("/admin/images/add/", error)
    assert response.status_code == 503
    body = response.content.decode()
    assert "Dateispeicher nicht erreichbar" in body
    assert "Es wurde nichts gespeichert" in body
    assert "s3.internal" not in body


@pytest.mark.django_db
def test_a_query_the_database_refuses_is_an_error_not_maintenance():
    """SQLite's full-text syntax error is an OperationalError too, with the database up."""
    error = OperationalError("unterminated string")
    assert maintenance.database_reachable()
    assert exception_response("/api/v3/pages/", error) is None
    assert exception_response("/de/suche/", error) is None


def test_the_500_handler_turns_a_database_error_outside_a_view_into_the_maintenance_page(
    database_away,
):
    request = RequestFactory().get("/en/")
    try:
        raise OperationalError("server closed the connection")
    except OperationalError:
        response = maintenance.server_error(request)
    assert response.status_code == 503
    assert "Maintenance" in response.content.decode()
    try:
        raise ValueError("a bug")
    except ValueError:
        assert maintenance.server_error(request).status_code == 500


# --- health ---------------------------------------------------------------------------------


@pytest.mark.django_db
def test_health_answers_the_status_alone_and_is_never_cached(client):
    response = client.get("/-/health/")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}
    assert "no-store" in response["Cache-Control"]
    live = client.get("/-/health/live/")
    assert live.status_code == 200
    assert "no-store" in live["Cache-Control"]


@pytest.mark.django_db
@override_settings(PORTAL_HEALTH_TOKEN="t0ken-for-monitoring")
def test_health_details_only_with_the_token(client):
    assert "checks" not in client.get("/-/health/", HTTP_X_HEALTH_TOKEN="wrong").json()
    details = client.get("/-/health/", HTTP_X_HEALTH_TOKEN="t0ken-for-monitoring").json()
    assert details["checks"] == {"database": "ok", "cache": "ok", "storage": "ok", "worker": "ok"}


@pytest.mark.django_db
@override_settings(PORTAL_HEALTH_TOKEN="t0ken-for-monitoring")
def test_health_is_503_without_the_database_and_degraded_without_the_cache(client):
    from health_check.checks import Cache, Database
    from health_check.exceptions import ServiceUnavailable

    def fail(self):
        raise ServiceUnavailable("Database error")

    with mock.patch.object(Database, "run", fail):
        response = client.get("/-/health/")
    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert response.json() == {"status": "unavailable"}

    async def fail_async(self):
        raise ServiceUnavailable("Connection Error")

    with mock.patch.object(Cache, "run", fail_async):
        response = client.get("/-/health/", HTTP_X_HEALTH_TOKEN="t0ken-for-monitoring")
    assert response.status_code == 200
    assert response.json()["status"] == "degraded"
    assert response.json()["checks"]["cache"] == "Unavailable: Connection Error"


# --- the public address ---------------------------------------------------------------------


@pytest.mark.django_db
def test_setup_public_site_puts_the_public_address_on_the_wagtail_site():
    with override_settings(PORTAL_PUBLIC_URL="https://www.chancen.nrw"):
        call_command("setup_public_site", stdout=open(os.devnull, "w"))  # noqa: SIM115
    try:
        site = Site.objects.get(is_default_site=True)
        assert (site.hostname, site.port) == ("www.chancen.nrw", 443)
        page = Page.objects.get(url_path="/home/impressum/", locale__language_code="de")
        assert page.full_url == "https://www.chancen.nrw/de/impressum/"
    finally:
        # Wagtail keeps the site's root paths in the cache, which the rollback doesn't reach.
        Site.clear_site_root_paths_cache()


@pytest.mark.django_db
def test_setup_public_site_without_an_address_changes_nothing():
    before = Site.objects.values_list("hostname", "port").get(is_default_site=True)
    call_command("setup_public_site", stdout=open(os.devnull, "w"))  # noqa: SIM115
    assert Site.objects.values_list("hostname", "port").get(is_default_site=True) == before


# --- media ------------------------------------------------------------------------------------


def test_s3_media_addresses_are_the_portals_own():
    from portal.storage import PortalS3Storage

    storage = PortalS3Storage(bucket_name="chancen-media", location="prod")
    assert storage.url("images/a b.fill-200x100.png") == "/media/images/a%20b.fill-200x100.png"
    assert storage.url("documents/x.pdf") == "/media/documents/x.pdf"


def test_the_media_view_serves_renditions_only():
    name = default_storage.save("images/stack-test.png", ContentFile(b"\x89PNG test"))
    factory = RequestFactory()
    response = media.serve_rendition(factory.get("/media/" + name), name)
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == b"\x89PNG test"
    assert "public" in response["Cache-Control"]
    original = default_storage.save("original_images/secret.png", ContentFile(b"x"))
    for path in (
        original,
        "documents/x.pdf",
        "images/../original_images/secret.png",
        "images/none",
    ):
        with pytest.raises(Http404):
            media.serve_rendition(factory.get("/media/" + path), path)


# --- the cache-error log --------------------------------------------------------------------


def test_a_broken_cache_is_logged_once_a_minute_not_on_every_call():
    log_filter = OnceAMinute()

    def record():
        try:
            raise ConnectionError("Error 111 connecting to 127.0.0.1:6379")
        except ConnectionError:
            return logging.LogRecord(
                "portal.cache_errors", logging.ERROR, "", 0, "Exception ignored", (), sys.exc_info()
            )

    first = record()
    assert log_filter.filter(first) is True
    assert first.getMessage().startswith("Redis is unreachable")
    assert first.levelname == "WARNING" and first.exc_info is None
    assert log_filter.filter(record()) is False
    log_filter._last -= 61
    assert log_filter.filter(record()) is True


# --- worker and scheduler after a database outage -------------------------------------------


def test_run_resilient_starts_the_command_again_after_a_database_outage(caplog):
    from portal.management.commands import run_resilient

    calls = []

    def fake_call_command(name, *args):
        calls.append((name, args))
        if len(calls) < 3:
            raise OperationalError("connection refused")

    command = run_resilient.Command()
    with (
        mock.patch.object(run_resilient, "call_command", fake_call_command),
        mock.patch.object(run_resilient, "connections") as connections,
        mock.patch.object(run_resilient.Command, "sleep") as sleep,
        caplog.at_level(logging.WARNING, logger=run_resilient.__name__),
    ):
        command.handle("db_worker", "--interval", "1", max_wait=30.0, socket_timeout=30.0)
    assert calls == [("db_worker", ("--interval", "1"))] * 3
    assert [call.args[0] for call in sleep.call_args_list] == [1.0, 2.0]
    assert "database unavailable" in caplog.text
    assert connections.all.call_count == 2  # broken connections closed before each new start


def test_run_resilient_does_not_hide_a_bug():
    from portal.management.commands import run_resilient

    command = run_resilient.Command()
    with (
        mock.patch.object(run_resilient, "call_command", side_effect=ValueError("a bug")),
        pytest.raises(ValueError),
    ):
        command.handle("run_scheduler", max_wait=30.0, socket_timeout=30.0)
