"""The root URLconf: the portal's URLs (portal.urls) plus the operational ones.

- `/-/health/` and `/-/health/live/` for load balancers (portal.health);
- `/media/images/…`: image renditions from the object store when media are there
  (portal.media, `PORTAL_MEDIA_VIEW`);
- the 500 handler that turns a database or storage outage into the 503 maintenance page
  (portal.maintenance).
"""

from django.conf import settings
from django.urls import path

from portal import health, maintenance, media
from portal import urls as portal_urls

urlpatterns = [
    path("-/health/", health.readiness, name="health"),
    path("-/health/live/", health.liveness, name="health_live"),
]
if getattr(settings, "PORTAL_MEDIA_VIEW", False):
    urlpatterns.append(
        path(
            f"{settings.MEDIA_URL.strip('/')}/<path:path>",
            media.serve_rendition,
            name="media_rendition",
        )
    )
urlpatterns += portal_urls.urlpatterns

handler403 = portal_urls.handler403
handler500 = maintenance.server_error
