"""The admin report "Übersetzungsstand": every source page and snippet × target language.

Shows who may translate (Übersetzung) or publish (Freigabe, Administration); filterable by
state and kind, exportable as CSV/XLSX, each row with the one click that moves it on.
"""

import datetime

from django import forms
from django.core.exceptions import PermissionDenied
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, TitleColumn
from wagtail.admin.views.reports import ReportView
from wagtail.models import Locale, Page
from wagtail.permission_policies.pages import PagePermissionPolicy

import django_filters

from portal.csv_injection import spreadsheet_text
from portal.translation.status import KINDS, STATES, status_rows


def can_see_report(user):
    """Translators (may submit translations) and whoever may publish pages."""
    return user.is_active and (
        user.has_perm("wagtail_localize.submit_translation")
        or PagePermissionPolicy().user_has_permission(user, "publish")
    )


class ActionColumn(Column):
    cell_template_name = "portal/translation_report/action_cell.html"


class TranslationStatusFilterSet(WagtailFilterSet):
    state = django_filters.ChoiceFilter(
        label=_("Stand"), choices=list(STATES.items()), widget=forms.RadioSelect
    )
    kind = django_filters.ChoiceFilter(
        label=_("Art"), choices=list(KINDS.items()), widget=forms.RadioSelect
    )

    def __init__(self, data=None, queryset=None, *, request=None, prefix=None):
        super().__init__(data, Page.objects.none(), request=request, prefix=prefix)


class TranslationStatusReportView(ReportView):
    page_title = _("Übersetzungsstand")
    header_icon = "wagtail-localize-language"
    index_url_name = "translation_status_report"
    index_results_url_name = "translation_status_report_results"
    filterset_class = TranslationStatusFilterSet
    paginate_by = 100
    columns = [
        TitleColumn("title", label=_("Quelle"), get_url=lambda row: row.source_edit_url),
        Column("type_label", label=_("Typ")),
        Column("state_label", label=_("Stand")),
        Column("progress", label=_("Übersetzte Texte")),
        ActionColumn("action", label=_("Aktion")),
    ]
    list_export = ["title", "kind_label", "type_label", "state_label", "translated", "total"]
    export_headings = {
        "title": _("Quelle"),
        "kind_label": _("Art"),
        "type_label": _("Typ"),
        "state_label": _("Stand"),
        "translated": _("Übersetzte Texte"),
        "total": _("Texte insgesamt"),
    }

    custom_field_preprocess = {
        "title": {
            ReportView.FORMAT_CSV: spreadsheet_text,
            ReportView.FORMAT_XLSX: spreadsheet_text,
        }
    }

    def dispatch(self, request, *args, **kwargs):
        if not can_see_report(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    @cached_property
    def locale(self):
        return Locale.objects.exclude(pk=Locale.get_default().pk).order_by("pk").first()

    def get_base_queryset(self):
        return status_rows(self.locale) if self.locale else []

    def order_queryset(self, rows):
        return rows  # tree order, then snippets: the order editors know

    def filter_queryset(self, rows):
        if not (self.filters and self.filters.is_valid()):
            return rows
        wanted = {key: value for key, value in self.filters.form.cleaned_data.items() if value}
        state, kind = wanted.get("state"), wanted.get("kind")
        return [
            row
            for row in rows
            if (not state or row.state == state) and (not kind or row.kind == kind)
        ]

    def get_filename(self):
        return f"uebersetzungsstand-{datetime.date.today():%Y-%m-%d}"
