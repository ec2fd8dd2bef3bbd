from django.urls import path, reverse
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.permissions import policy_registry

from downloads.counting import is_download, record_download
from downloads.models import PortalDocument
from downloads.reports import DOCUMENT_ACTIONS, DocumentDownloadsReportView
from downloads.search import document_results
from portal.search_hits import SEARCH_SOURCE_HOOK


# After Wagtail's own check of collection privacy (order 0): a refused request is no download.
@hooks.register("before_serve_document", order=100)
def count_download(document, request):
    if is_download(request):
        record_download(document.pk)


@hooks.register("register_admin_urls")
def register_downloads_report_urls():
    return [
        path(
            "reports/downloads/",
            DocumentDownloadsReportView.as_view(),
            name="downloads_report",
        ),
        path(
            "reports/downloads/results/",
            DocumentDownloadsReportView.as_view(results_only=True),
            name="downloads_report_results",
        ),
    ]


class DownloadsReportMenuItem(MenuItem):
    def is_shown(self, request):
        policy = policy_registry.get_by_type(PortalDocument)
        return policy.user_has_any_permission(request.user, DOCUMENT_ACTIONS)


@hooks.register("register_reports_menu_item")
def register_downloads_report_menu_item():
    return DownloadsReportMenuItem(
        _("Downloads"),
        reverse("downloads_report"),
        name="downloads",
        icon_name="download",
        order=1100,
    )


@hooks.register(SEARCH_SOURCE_HOOK, order=20)
def documents_in_site_search(search):
    return document_results(search)
