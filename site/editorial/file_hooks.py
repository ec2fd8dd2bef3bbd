"""Admin URLs, menu item and log action of the file release (`portal.editorial.files`)."""

from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem

from .file_views import PendingFilesView, may_see_pending_files, release_file
from .files import FILE_RELEASED


@hooks.register("register_admin_urls")
def register_pending_file_urls():
    return [
        path("dateien-zur-freigabe/", PendingFilesView.as_view(), name="portal_pending_files"),
        path(
            "dateien-zur-freigabe/<str:kind>/<int:pk>/freigeben/",
            release_file,
            name="portal_release_file",
        ),
    ]


class PendingFilesMenuItem(MenuItem):
    def is_shown(self, request):
        return may_see_pending_files(request.user)


@hooks.register("register_admin_menu_item")
def register_pending_files_menu_item():
    return PendingFilesMenuItem(
        _("Dateien zur Freigabe"),
        reverse("portal_pending_files"),
        name="pending-files",
        icon_name="doc-full",
        order=450,
    )


@hooks.register("register_log_actions")
def register_file_log_actions(actions):
    actions.register_action(FILE_RELEASED, _("Datei freigegeben"), _("Datei freigegeben"))
