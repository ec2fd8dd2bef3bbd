"""Settings for the test suite: fast hashing, mail in memory, no manifest needed."""

import tempfile
from pathlib import Path

from .base import *  # noqa: F403

DEBUG = False
SECRET_KEY = "django-insecure-test-only"  # noqa: S105
ALLOWED_HOSTS = ["localhost", "127.0.0.1", "testserver"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
PORTAL_MAIL_RETRY_SECONDS = 0  # retries of failing mails without waiting
WAGTAILLOCALIZE_MACHINE_TRANSLATOR = {
    "CLASS": "wagtail_localize.machine_translators.dummy.DummyTranslator",
}
WAGTAILADMIN_BASE_URL = "http://localhost"
# One process serves everything here, so its local-memory cache is as shared as a cache
# needs to be for django-ratelimit; production uses Redis.
SILENCED_SYSTEM_CHECKS = ["django_ratelimit.E003", "django_ratelimit.W001"]

# Each test process (xdist worker) has a database of its own, so a cache of its own too.
CACHES = {**CACHES, "content": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}  # noqa: F405

# Uploads of the test run (the seeded brochure, test files) go to a throw-away folder.
MEDIA_ROOT = Path(tempfile.mkdtemp(prefix="portal-test-media-"))

# Logins: the second factor is switched on by the tests that are about it (tests/test_logins.py);
# the per-address login rate is high enough for the browser tests' logins from 127.0.0.1.
PORTAL_REQUIRE_2FA = False
PORTAL_LOGIN_RATE = "1000/m"
