"""The second factor of the admin login: TOTP (an authenticator app) plus recovery codes.

Built on django-otp's TOTP and static-token devices. Who must use it:

- everyone who has set it up (optional for Redaktion and Übersetzung);
- members of Freigabe and Administration, and superusers, when `PORTAL_REQUIRE_2FA` is on
  (the default in production; off in the embedded default, so the demo accounts work).

Until verified in this session, an account with a device reaches only the code prompt, and
an account that must have one only the set-up page, under /admin/; outside the admin (private
pages and documents) such a session counts as anonymous. Administration resets a
lost device with `manage.py reset_2fa <username>` or the button in the user listing.
"""

from base64 import b32encode
from urllib.parse import urlencode

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

from portal.editorial.roles import ADMINISTRATION, APPROVERS

REQUIRED_GROUPS = (APPROVERS, ADMINISTRATION)
RECOVERY_CODE_COUNT = 10
TOTP_DEVICE_NAME = "Authenticator-App"
RECOVERY_DEVICE_NAME = "Wiederherstellungscodes"

VERIFY_VIEW = "portal_2fa_verify"
FRONTEND_LOGIN_VIEW = "wagtailcore_login"
SETUP_VIEW = "portal_2fa_setup"
# Admin views an account reaches before its second factor is verified.
OPEN_VIEWS = {
    "wagtailadmin_login",
    "wagtailadmin_logout",
    "wagtailadmin_javascript_catalog",
    "wagtailadmin_sprite",
    "wagtailadmin_password_reset",
    "wagtailadmin_password_reset_done",
    "wagtailadmin_password_reset_confirm",
    "wagtailadmin_password_reset_complete",
    VERIFY_VIEW,
}

DEVICE_LABEL = _("Authenticator-App")


def second_factor_required(user):
    """Must this account set up a second factor before it may use the admin?"""
    if not settings.PORTAL_REQUIRE_2FA or not user.is_authenticated:
        return False
    return user.is_superuser or user.groups.filter(name__in=REQUIRED_GROUPS).exists()


def totp_device(user, confirmed=True):
    return TOTPDevice.objects.filter(user=user, confirmed=confirmed).order_by("pk").first()


def has_second_factor(user):
    return user.is_authenticated and TOTPDevice.objects.filter(user=user, confirmed=True).exists()


def recovery_device(user):
    return StaticDevice.objects.filter(user=user, name=RECOVERY_DEVICE_NAME).first()


def remaining_recovery_codes(user):
    device = recovery_device(user)
    return device.token_set.count() if device else 0


def new_recovery_codes(user):
    """Replaces the account's recovery codes with fresh ones and returns them (shown once)."""
    device, _created = StaticDevice.objects.get_or_create(
        user=user, name=RECOVERY_DEVICE_NAME, defaults={"confirmed": True}
    )
    device.token_set.all().delete()
    codes = [StaticToken.random_token() for _i in range(RECOVERY_CODE_COUNT)]
    StaticToken.objects.bulk_create([StaticToken(device=device, token=code) for code in codes])
    return codes


def reset_second_factor(user):
    """Removes every device of the account; it sets up anew at its next admin visit."""
    removed = TOTPDevice.objects.filter(user=user).delete()[0]
    removed += StaticDevice.objects.filter(user=user).delete()[0]
    return removed


def secret_for_display(device):
    """The TOTP secret in base32, in groups of four, for typing into an app by hand."""
    secret = b32encode(device.bin_key).decode("ascii").rstrip("=")
    return " ".join(secret[index : index + 4] for index in range(0, len(secret), 4))


def _redirect_with_next(view_name, request):
    return redirect(f"{reverse(view_name)}?{urlencode({'next': request.get_full_path()})}")


class SecondFactorMiddleware:
    """After django-otp's OTPMiddleware: holds unverified admin sessions at the code prompt."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        user = getattr(request, "user", None)
        if user is None or not user.is_authenticated or user.is_verified():
            return None
        name = request.resolver_match.url_name if request.resolver_match else None
        if not request.path_info.startswith("/admin/"):
            return self._outside_admin(request, user, name)
        if name in OPEN_VIEWS:
            return None
        if has_second_factor(user):
            return _redirect_with_next(VERIFY_VIEW, request)
        if name != SETUP_VIEW and second_factor_required(user):
            return _redirect_with_next(SETUP_VIEW, request)
        return None

    def _outside_admin(self, request, user, name):
        """Private pages and documents: a session that still owes its code is anonymous.

        The front-end login then leads to the code prompt, which returns to the page.
        """
        if not (has_second_factor(user) or second_factor_required(user)):
            return None
        if name == FRONTEND_LOGIN_VIEW:
            target = request.GET.get("next", "")
            return redirect(f"{reverse(VERIFY_VIEW)}?{urlencode({'next': target})}")
        anonymous = AnonymousUser()
        anonymous.is_verified = lambda: False  # as django-otp's middleware marks every user
        request.user = anonymous
        return None
