"""What a visitor sees when a login is refused: a readable page, HTTP 429.

Two throttles guard the logins (admin, front-end login of private pages, password reset):

- django-axes locks a username from one address after `AXES_FAILURE_LIMIT` wrong passwords
  for `AXES_COOLOFF_TIME`; its backend refuses before the password hasher runs;
- django-ratelimit caps the login and password-reset POSTs per client address (and the
  reset mails per e-mail address), which bounds the hashing work one address can cause,
  whichever usernames it tries.
"""

from django.conf import settings
from django.shortcuts import render

from django_ratelimit.core import is_ratelimited

from .ip import ratelimit_key

ADMIN_TEMPLATE = "portal/logins/locked_admin.html"
SITE_TEMPLATE = "portal/logins/locked.html"

# Views whose POSTs are throttled per client address, by URL name.
LOGIN_VIEWS = {"wagtailadmin_login", "wagtailcore_login"}
PASSWORD_RESET_VIEWS = {"wagtailadmin_password_reset"}


def cooloff_minutes():
    cooloff = settings.AXES_COOLOFF_TIME
    return max(int(cooloff.total_seconds() // 60), 1) if cooloff else None


def refused(request, reason):
    """The 429 page, in the admin's look under /admin/, in the portal's frame elsewhere."""
    template = ADMIN_TEMPLATE if request.path_info.startswith("/admin/") else SITE_TEMPLATE
    context = {"reason": reason, "cooloff_minutes": cooloff_minutes()}
    response = render(request, template, context, status=429)
    response["Cache-Control"] = "no-store"
    if reason == "rate":
        response["Retry-After"] = "60"
    elif context["cooloff_minutes"]:
        response["Retry-After"] = str(context["cooloff_minutes"] * 60)
    return response


def lockout_response(request, original_response=None, credentials=None):
    """`AXES_LOCKOUT_CALLABLE`: axes locked this username from this address."""
    return refused(request, "lockout")


def email_key(group, request):
    return request.POST.get("email", "").strip().lower()


def counts_over(request, group, rate, key=ratelimit_key):
    """Count this POST in `group` and say whether it is over `rate` (django-ratelimit)."""
    return is_ratelimited(request, group=group, key=key, rate=rate, method="POST", increment=True)


class LoginThrottleMiddleware:
    """Caps login and password-reset POSTs per client address (django-ratelimit).

    Refused before the view runs: no password is hashed, no mail is sent.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if request.method != "POST" or request.resolver_match is None:
            return None
        name = request.resolver_match.url_name
        if name in LOGIN_VIEWS:
            limited = counts_over(request, "portal-login", settings.PORTAL_LOGIN_RATE)
        elif name in PASSWORD_RESET_VIEWS:
            rate = settings.PORTAL_PASSWORD_RESET_RATE
            by_address = counts_over(request, "portal-password-reset", rate)
            # One address cannot be flooded with reset mails from many places either.
            by_email = counts_over(request, "portal-password-reset-email", rate, email_key)
            limited = by_address or by_email
        else:
            return None
        if limited:
            return refused(request, "rate")
        return None
