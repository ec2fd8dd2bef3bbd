"""Content-Security-Policy for the two halves of the portal (django-csp).

The public site gets `CONTENT_SECURITY_POLICY`: everything from the portal's own origin, no
inline script or style, no plugins, no framing. Wagtail's admin needs inline scripts and
style attributes (wagtail#1288), so paths under `PORTAL_ADMIN_CSP_PREFIXES` get the looser
`PORTAL_ADMIN_CSP` instead, still without any third-party origin.
"""

from django.conf import settings

from csp.middleware import CSPMiddleware
from csp.utils import default_config


class PortalCSPMiddleware(CSPMiddleware):
    def get_policy_parts(self, request, response, report_only=False):
        parts = super().get_policy_parts(request, response, report_only=report_only)
        if (
            not report_only
            and parts.config is None
            and request.path_info.startswith(tuple(settings.PORTAL_ADMIN_CSP_PREFIXES))
        ):
            parts.config = default_config(settings.PORTAL_ADMIN_CSP)
        elif not report_only and getattr(request, "is_dummy", False):
            # Wagtail renders a preview through the middleware with a dummy request for the
            # page's public URL; the admin's preview panel frames that answer.
            parts.replace = {**(parts.replace or {}), "frame-ancestors": ["'self'"]}
        return parts
