"""Wagtail hooks of the second factor: its admin URLs, the account menu, the user listing."""

from django.templatetags.static import static
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.widgets.button import Button

from . import views


@hooks.register("register_admin_urls")
def second_factor_urls():
    return [
        path("zwei-faktor/", views.manage, name="portal_2fa_manage"),
        path("zwei-faktor/pruefen/", views.verify, name="portal_2fa_verify"),
        path("zwei-faktor/einrichten/", views.setup, name="portal_2fa_setup"),
        path(
            "zwei-faktor/zuruecksetzen/<int:user_id>/",
            views.reset,
            name="portal_2fa_reset",
        ),
    ]


@hooks.register("insert_global_admin_css")
def portal_admin_css():
    return format_html('<link rel="stylesheet" href="{}">', static("css/admin.css"))


@hooks.register("register_account_menu_item")
def second_factor_menu_item(request):
    return {
        "url": reverse("portal_2fa_manage"),
        "label": _("Zweiter Faktor (Authenticator-App)"),
        "help_text": _(
            "Anmeldung mit einem Code aus einer Authenticator-App und Wiederherstellungscodes."
        ),
    }


@hooks.register("register_user_listing_buttons")
def second_factor_reset_button(user, request_user):
    if request_user.has_perm("auth.change_user") and (
        request_user.is_superuser or not user.is_superuser
    ):
        yield Button(
            _("Zweiten Faktor zurücksetzen"),
            reverse("portal_2fa_reset", args=[user.pk]),
            icon_name="key",
            priority=100,
        )
