"""Admin hooks of the translation status report (and the translators' dashboard panel from
it), PO batches, locale-aware choosers and the translation editor's phrases."""

from django.templatetags.static import static
from django.urls import path, reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem

from portal import choosers
from portal.translation.dashboard import add_translator_panel
from portal.translation.report import TranslationStatusReportView, can_see_report


@hooks.register("register_admin_urls")
def register_translation_report_urls():
    return [
        path(
            "reports/translations/",
            TranslationStatusReportView.as_view(),
            name="translation_status_report",
        ),
        path(
            "reports/translations/results/",
            TranslationStatusReportView.as_view(results_only=True),
            name="translation_status_report_results",
        ),
    ]


class TranslationStatusMenuItem(MenuItem):
    def is_shown(self, request):
        return can_see_report(request.user)


@hooks.register("register_reports_menu_item")
def register_translation_report_menu_item():
    return TranslationStatusMenuItem(
        _("Übersetzungsstand"),
        reverse("translation_status_report"),
        name="translation-status",
        icon_name="wagtail-localize-language",
        order=1200,
    )


@hooks.register("construct_homepage_panels")
def translator_dashboard(request, panels):
    add_translator_panel(request, panels)


@hooks.register("insert_editor_js")
def translation_editor_phrases():
    """Two English phrases of wagtail-localize's editor in the admin's language (the file
    explains why)."""
    return format_html('<script src="{}"></script>', static("js/translation-editor.js"))


@hooks.register("construct_page_chooser_queryset")
def page_chooser_in_editing_locale(pages, request):
    return choosers.pages_for_editing_locale(pages, request)


@hooks.register("construct_document_chooser_queryset")
def document_chooser_in_editing_locale(documents, request):
    return choosers.documents_for_editing_locale(documents, request)
