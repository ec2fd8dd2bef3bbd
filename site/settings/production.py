"""Production: every secret and host from the environment; refuses to start without them."""

import os
from urllib.parse import urlsplit

from django.core.exceptions import ImproperlyConfigured

from .base import *  # noqa: F403
from .base import env_list


def require_env(name):
    value = os.environ.get(name, "").strip()
    if not value:
        raise ImproperlyConfigured(
            f"The environment variable {name} must be set for the production settings."
        )
    return value


def secret_key_from_env():
    """The secret key, refused when missing, short or a development key."""
    key = require_env("DJANGO_SECRET_KEY")
    if key.startswith("django-insecure") or len(key) < 50 or len(set(key)) < 5:
        raise ImproperlyConfigured(
            "DJANGO_SECRET_KEY is a development or weak key. Generate one with: "
            'python -c "from django.core.management.utils import get_random_secret_key; '
            'print(get_random_secret_key())"'
        )
    return key


def public_url():
    """PORTAL_PUBLIC_URL, the address visitors use (https://www.chancen.nrw), split up.

    Plain http is refused except on loopback (`make stack`): there is no TLS terminator there.
    """
    url = urlsplit(os.environ.get("PORTAL_PUBLIC_URL", "").strip().rstrip("/"))
    if not url.scheme:
        return None
    if url.scheme not in ("http", "https") or not url.hostname or url.path:
        raise ImproperlyConfigured(
            "PORTAL_PUBLIC_URL must be a scheme and a host, e.g. https://www.chancen.nrw"
        )
    if url.scheme == "http" and url.hostname not in ("127.0.0.1", "localhost", "::1"):
        raise ImproperlyConfigured("PORTAL_PUBLIC_URL must use https (http only on loopback)")
    return url


DEBUG = False
SECRET_KEY = secret_key_from_env()
SECRET_KEY_FALLBACKS = env_list("DJANGO_SECRET_KEY_FALLBACKS")
require_env("ALLOWED_HOSTS")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
require_env("DATABASE_URL")

# Public address (README "Deployment tiers"): admin mails, the API's absolute URLs and, through
# `manage.py setup_public_site`, the Wagtail Site (sitemap, feeds, page URLs, purges).
PUBLIC_URL = public_url()
if PUBLIC_URL:
    PORTAL_PUBLIC_URL = f"{PUBLIC_URL.scheme}://{PUBLIC_URL.netloc}"
    WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", PORTAL_PUBLIC_URL)
    WAGTAILAPI_BASE_URL = os.environ.get("WAGTAILAPI_BASE_URL", PORTAL_PUBLIC_URL)
    if PORTAL_PUBLIC_URL not in CSRF_TRUSTED_ORIGINS:
        CSRF_TRUSTED_ORIGINS.append(PORTAL_PUBLIC_URL)
HTTPS = PUBLIC_URL is None or PUBLIC_URL.scheme == "https"

DATABASES["default"]["CONN_MAX_AGE"] = int(os.environ.get("DATABASE_CONN_MAX_AGE", "60"))  # noqa: F405
if DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":  # noqa: F405
    # A database that drops packets must not hold a worker: give up connecting after 5 s
    # (then the maintenance page answers, portal.maintenance).
    DATABASES["default"].setdefault("OPTIONS", {})  # noqa: F405
    DATABASES["default"]["OPTIONS"].setdefault(  # noqa: F405
        "connect_timeout", int(os.environ.get("DATABASE_CONNECT_TIMEOUT", "5"))
    )

# Redis (REDIS_URL) through django-redis. A Redis that is down or slow costs speed, not
# pages: errors are cache misses (IGNORE_EXCEPTIONS), logged once a minute per process
# (portal.cache_errors), and no call waits longer than half a second for it. Sessions are in
# the database, never in Redis. django-ratelimit then counts nothing and lets requests
# through (RATELIMIT_FAIL_OPEN); django-axes' lockouts are in the database and still hold.
REDIS_URL = require_env("REDIS_URL")
REDIS_OPTIONS = {
    "CLIENT_CLASS": "django_redis.client.DefaultClient",
    "IGNORE_EXCEPTIONS": True,
    "SOCKET_CONNECT_TIMEOUT": float(os.environ.get("REDIS_CONNECT_TIMEOUT", "0.5")),
    "SOCKET_TIMEOUT": float(os.environ.get("REDIS_TIMEOUT", "0.5")),
}
CACHES = {
    "default": {
        "BACKEND": "django_redis.cache.RedisCache",
        "LOCATION": REDIS_URL,
        "KEY_PREFIX": "chancen",
        "TIMEOUT": 300,
        "OPTIONS": REDIS_OPTIONS,
    },
    "renditions": {
        "BACKEND": "django_redis.cache.RedisCache",
        "LOCATION": REDIS_URL,
        "KEY_PREFIX": "chancen-renditions",
        "TIMEOUT": 24 * 60 * 60,
        "OPTIONS": REDIS_OPTIONS,
    },
    # portal.http_cache.page_cache: whole answers, shared by every worker and purged by any.
    "pages": {
        "BACKEND": "django_redis.cache.RedisCache",
        "LOCATION": REDIS_URL,
        "KEY_PREFIX": "chancen-pages",
        "TIMEOUT": PORTAL_SHARED_CACHE_SECONDS,  # noqa: F405
        "OPTIONS": REDIS_OPTIONS,
    },
    "content": {
        "BACKEND": "django_redis.cache.RedisCache",
        "LOCATION": REDIS_URL,
        "KEY_PREFIX": "chancen-content",
        "TIMEOUT": 24 * 60 * 60,
        "OPTIONS": REDIS_OPTIONS,
    },
}
PORTAL_PAGE_CACHE = os.environ.get("PORTAL_PAGE_CACHE", "true").lower() == "true"
PORTAL_WARM_UP = True
DJANGO_REDIS_LOG_IGNORED_EXCEPTIONS = True
DJANGO_REDIS_LOGGER = "portal.cache_errors"
RATELIMIT_FAIL_OPEN = True
SESSION_ENGINE = "django.contrib.sessions.backends.db"
LOGGING["filters"] = {"once_a_minute": {"()": "portal.cache_errors.OnceAMinute"}}  # noqa: F405
LOGGING["loggers"]["portal.cache_errors"] = {"level": "WARNING", "filters": ["once_a_minute"]}  # noqa: F405

# django-ratelimit 4.1 predates Django's own Redis backend and calls it "not officially
# supported"; it is a shared cache with atomic increments, which is all the limiter needs.
SILENCED_SYSTEM_CHECKS = ["django_ratelimit.W001"]

STORAGES["staticfiles"] = {  # noqa: F405
    "BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage",
}

EMAIL_BACKEND = os.environ.get("EMAIL_BACKEND", "django.core.mail.backends.smtp.EmailBackend")
EMAIL_FILE_PATH = os.environ.get("EMAIL_FILE_PATH", "")  # the file backend only (`make stack`)
EMAIL_HOST = os.environ.get("EMAIL_HOST", "localhost")
EMAIL_PORT = int(os.environ.get("EMAIL_PORT", "587"))
EMAIL_HOST_USER = os.environ.get("EMAIL_HOST_USER", "")
EMAIL_HOST_PASSWORD = os.environ.get("EMAIL_HOST_PASSWORD", "")
EMAIL_USE_TLS = os.environ.get("EMAIL_USE_TLS", "true").lower() == "true"

SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
# All on, unless PORTAL_PUBLIC_URL is plain http on loopback (`make stack`, no TLS there).
SECURE_SSL_REDIRECT = HTTPS
# Load balancers probe the health endpoint over plain http inside the network.
SECURE_REDIRECT_EXEMPT = [r"^-/health/"]
SECURE_HSTS_SECONDS = 31_536_000 if HTTPS else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = HTTPS
# Marks the site as eligible for the HSTS preload list; submitting it there is a separate step.
SECURE_HSTS_PRELOAD = HTTPS
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
SESSION_COOKIE_AGE = 8 * 60 * 60

# API: interactive docs only when asked for; the OpenAPI schema stays published.
WAGTAILAPI_DOCS_ENABLED = os.environ.get("PORTAL_API_DOCS", "false").lower() == "true"

# Media on S3-compatible object storage (django-storages) when a bucket is named: images,
# renditions and documents. The bucket stays private (no public ACL, no signed URLs handed
# out): documents go through Wagtail's serve view, which checks collection privacy (the
# "Zur Freigabe" collection included) and counts downloads; image renditions through the
# portal's media view (portal.media), cached by the HTTP cache in front. Credentials:
# AWS_ACCESS_KEY_ID / AWS_SECRET_ACCESS_KEY (or the machine's role), as boto3 reads them.
PORTAL_S3_BUCKET = os.environ.get("PORTAL_S3_BUCKET", "").strip()
if PORTAL_S3_BUCKET:
    from botocore.config import Config as BotocoreConfig

    STORAGES["default"] = {  # noqa: F405
        "BACKEND": "portal.storage.PortalS3Storage",
        "OPTIONS": {
            "bucket_name": PORTAL_S3_BUCKET,
            "endpoint_url": os.environ.get("PORTAL_S3_ENDPOINT_URL") or None,
            "region_name": os.environ.get("AWS_S3_REGION_NAME") or None,
            "location": os.environ.get("PORTAL_S3_PREFIX", ""),
            "default_acl": None,
            "querystring_auth": True,
            "querystring_expire": 300,
            # Never overwrite: a new upload under a taken name gets a new name.
            "file_overwrite": False,
            "addressing_style": os.environ.get("PORTAL_S3_ADDRESSING_STYLE", "path"),
            "signature_version": "s3v4",
            # Seconds before an unreachable store fails an upload (and the page says so).
            "client_config": BotocoreConfig(
                connect_timeout=2,
                read_timeout=10,
                retries={"max_attempts": 2, "mode": "standard"},
            ),
        },
    }
    WAGTAILDOCS_SERVE_METHOD = "serve_view"
    PORTAL_MEDIA_VIEW = True

# Tasks (search indexing, reference index, file deletion, cache purges, mail): queued in the
# database and run by `manage.py db_worker` (django-tasks-db; django-tasks 0.12 no longer
# ships a database backend). PORTAL_TASKS=immediate runs them in the request instead.
if os.environ.get("PORTAL_TASKS", "database") == "database":
    INSTALLED_APPS += ["django_tasks", "django_tasks_db"]  # noqa: F405
    TASKS = {"default": {"BACKEND": "django_tasks_db.DatabaseBackend", "QUEUES": ["default"]}}

# The HTTP cache or CDN in front, purged when a page is published or unpublished (Wagtail's
# frontend cache). PORTAL_FRONTEND_CACHE_URL: a Varnish/nginx cache that accepts PURGE
# (`make stack`: http://127.0.0.1:8080). A commercial CDN is configured here instead, e.g.
# Wagtail's CloudflareBackend or CloudfrontBackend with their credentials.
# portal.http_cache purges (Wagtail's own receivers would purge the page alone, so its app
# stays uninstalled; its backends and task are used as they are).
if os.environ.get("PORTAL_FRONTEND_CACHE_URL"):
    WAGTAILFRONTENDCACHE = {
        "default": {
            "BACKEND": "wagtail.contrib.frontend_cache.backends.HTTPBackend",
            "LOCATION": os.environ["PORTAL_FRONTEND_CACHE_URL"],
        }
    }

# Health endpoint details (which check failed) only for requests with this token in the
# header X-Health-Token; everyone else sees the status alone.
PORTAL_HEALTH_TOKEN = os.environ.get("PORTAL_HEALTH_TOKEN", "")
# The health endpoint reports the task worker as stuck after this many seconds without a
# heartbeat (portal.health).
PORTAL_WORKER_STALE_SECONDS = int(os.environ.get("PORTAL_WORKER_STALE_SECONDS", "120"))
