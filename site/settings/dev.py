"""The embedded default: SQLite, local media, in-process tasks, mail on the console."""

import os

from .base import *  # noqa: F403

DEBUG = True
SECRET_KEY = "django-insecure-development-only-never-in-production"  # noqa: S105
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "[::1]"]
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"
# One process serves everything here, so its local-memory cache is as shared as a cache
# needs to be for django-ratelimit; production uses Redis.
SILENCED_SYSTEM_CHECKS = ["django_ratelimit.E003", "django_ratelimit.W001"]
# The second factor is not required here, so the demo accounts log in with their password;
# `PORTAL_REQUIRE_2FA=true make run` tries the production behaviour.
PORTAL_REQUIRE_2FA = os.environ.get("PORTAL_REQUIRE_2FA", "false").lower() == "true"
