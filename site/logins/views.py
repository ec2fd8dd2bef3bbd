"""Admin views of the second factor: verify, set up, manage, reset by Administration."""

import logging
from urllib.parse import urlencode

from django import forms
from django.contrib import messages
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext
from django.views.decorators.cache import never_cache
from django.views.decorators.debug import sensitive_post_parameters
from django.views.decorators.http import require_http_methods

from wagtail.admin.forms.auth import LoginForm as WagtailLoginForm

import segno
from django_otp import login as otp_login
from django_otp import verify_token
from django_otp.plugins.otp_totp.models import TOTPDevice

from . import twofactor

logger = logging.getLogger("portal.logins")


class LoginForm(WagtailLoginForm):
    """Wagtail's login form; its password field has no label of its own, so Django made one
    from the field's name: "Password" in the German admin (WAGTAILADMIN_USER_LOGIN_FORM)."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["password"].label = _("Passwort")
        self.fields["password"].widget.attrs["autocomplete"] = "current-password"
        self.fields["username"].widget.attrs["autocomplete"] = "username"


class CodeForm(forms.Form):
    code = forms.CharField(
        label=_("Code"),
        max_length=32,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "autofocus": True}),
    )

    def clean_code(self):
        return "".join(self.cleaned_data["code"].split()).lower()


def _next_url(request):
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return reverse("wagtailadmin_home")


def _recovery_codes(request, codes, first_time):
    context = {"codes": codes, "next": _next_url(request), "first_time": first_time}
    response = TemplateResponse(request, "portal/logins/recovery_codes.html", context)
    response["Cache-Control"] = "no-store"
    return response


@never_cache
@sensitive_post_parameters("code")
@require_http_methods(["GET", "POST"])
def verify(request):
    """The code prompt after the password: a code from the app or one recovery code."""
    user = request.user
    if user.is_verified():
        return redirect(_next_url(request))
    totp = twofactor.totp_device(user)
    if totp is None:
        return redirect(
            f"{reverse(twofactor.SETUP_VIEW)}?{urlencode({'next': _next_url(request)})}"
        )
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        code = form.cleaned_data["code"]
        device = None
        if code.isdigit() and len(code) == totp.digits:
            device = verify_token(user, totp.persistent_id, code)
        else:
            recovery = twofactor.recovery_device(user)
            if recovery is not None:
                device = verify_token(user, recovery.persistent_id, code)
        if device is not None:
            otp_login(request, device)
            if device.persistent_id != totp.persistent_id:
                remaining = twofactor.remaining_recovery_codes(user)
                messages.warning(
                    request,
                    ngettext(
                        "Wiederherstellungscode verbraucht. Sie haben noch %(count)d Code.",
                        "Wiederherstellungscode verbraucht. Sie haben noch %(count)d Codes.",
                        remaining,
                    )
                    % {"count": remaining},
                )
            return redirect(_next_url(request))
        logger.warning("Second factor refused for user id %s", user.pk)
        form.add_error(
            "code",
            _(
                "Der Code stimmt nicht oder ist abgelaufen. Nach mehreren Fehlversuchen "
                "müssen Sie vor dem nächsten Versuch etwas warten."
            ),
        )
    return TemplateResponse(
        request, "portal/logins/verify.html", {"form": form, "next": _next_url(request)}
    )


@never_cache
@sensitive_post_parameters("code")
@require_http_methods(["GET", "POST"])
def setup(request):
    """Set up the authenticator app: scan, confirm with a code, receive recovery codes."""
    user = request.user
    if twofactor.has_second_factor(user):
        return redirect("portal_2fa_manage")
    device = twofactor.totp_device(user, confirmed=False)
    if device is None:
        device = TOTPDevice.objects.create(
            user=user, name=twofactor.TOTP_DEVICE_NAME, confirmed=False
        )
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if device.verify_token(form.cleaned_data["code"]):
            device.confirmed = True
            device.save(update_fields=["confirmed"])
            TOTPDevice.objects.filter(user=user, confirmed=False).delete()
            codes = twofactor.new_recovery_codes(user)
            otp_login(request, device)
            logger.info("Second factor set up for user id %s", user.pk)
            return _recovery_codes(request, codes, first_time=True)
        form.add_error(
            "code",
            _(
                "Der Code stimmt nicht. Prüfen Sie die Uhrzeit Ihres Geräts und versuchen Sie "
                "es erneut."
            ),
        )
    qr_code = segno.make(device.config_url, error="m").svg_inline(scale=4, light="#fff")
    context = {
        "form": form,
        "qr_code": qr_code,
        "secret": twofactor.secret_for_display(device),
        "required": twofactor.second_factor_required(user),
        "next": _next_url(request),
    }
    response = TemplateResponse(request, "portal/logins/setup.html", context)
    response["Cache-Control"] = "no-store"
    return response


@never_cache
@require_http_methods(["GET", "POST"])
def manage(request):
    """The account's second factor: state, new recovery codes, removal where optional."""
    user = request.user
    device = twofactor.totp_device(user)
    required = twofactor.second_factor_required(user)
    if request.method == "POST" and device is not None:
        action = request.POST.get("action")
        if action == "codes":
            return _recovery_codes(request, twofactor.new_recovery_codes(user), first_time=False)
        if action == "remove" and not required:
            twofactor.reset_second_factor(user)
            logger.info("Second factor removed by user id %s", user.pk)
            messages.success(request, _("Die Anmeldung mit zweitem Faktor ist ausgeschaltet."))
            return redirect("portal_2fa_manage")
    context = {
        "device": device,
        "required": required,
        "remaining": twofactor.remaining_recovery_codes(user),
    }
    return TemplateResponse(request, "portal/logins/manage.html", context)


@never_cache
@require_http_methods(["GET", "POST"])
def reset(request, user_id):
    """Administration removes another account's devices (a lost phone, used-up codes)."""
    if not request.user.has_perm("auth.change_user"):
        raise PermissionDenied
    account = get_object_or_404(get_user_model(), pk=user_id)
    if account.is_superuser and not request.user.is_superuser:
        raise PermissionDenied
    if request.method == "POST":
        twofactor.reset_second_factor(account)
        logger.info("Second factor of user id %s reset by user id %s", account.pk, request.user.pk)
        messages.success(
            request,
            _(
                "Der zweite Faktor von „%(name)s“ ist zurückgesetzt. Das Konto richtet ihn bei "
                "der nächsten Anmeldung neu ein."
            )
            % {"name": account.get_username()},
        )
        return redirect("wagtailusers_users:index")
    context = {"account": account, "has_device": twofactor.has_second_factor(account)}
    return TemplateResponse(request, "portal/logins/reset.html", context)
