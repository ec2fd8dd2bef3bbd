"""WSGI entry point: `gunicorn portal.wsgi`."""

import os

from django.conf import settings
from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "portal.settings.dev")

application = get_wsgi_application()

if settings.PORTAL_WARM_UP:
    from portal.warmup import warm_up

    warm_up(application)
