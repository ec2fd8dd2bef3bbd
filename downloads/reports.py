"""The admin report "Downloads": documents by downloads, in total and per month, with a chart.

Who may see a document in the admin (add, change or choose in its collection) sees its
numbers; CSV and XLSX exports carry one column per month.
"""

import datetime

from django.db.models import Q, Sum
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.ui.tables import Column, NumberColumn, TitleColumn
from wagtail.admin.views.reports import ReportView

from downloads.charts import last_months, monthly_bar_chart, sparkline
from downloads.models import DocumentDownloadMonth, PortalDocument
from portal.csv_injection import spreadsheet_text

DOCUMENT_ACTIONS = ["add", "change", "choose"]
MONTHS = 12


class SparklineColumn(Column):
    cell_template_name = "downloads/reports/sparkline_cell.html"

    def get_cell_context_data(self, instance, parent_context):
        context = super().get_cell_context_data(instance, parent_context)
        context["chart"] = sparkline(instance.monthly_downloads)
        return context


class DocumentDownloadsFilterSet(WagtailFilterSet):
    class Meta:
        model = PortalDocument
        fields = ["language", "file_format"]


class DocumentDownloadsReportView(ReportView):
    model = PortalDocument
    page_title = _("Downloads")
    header_icon = "download"
    index_url_name = "downloads_report"
    index_results_url_name = "downloads_report_results"
    results_template_name = "downloads/reports/document_downloads_results.html"
    any_permission_required = DOCUMENT_ACTIONS
    filterset_class = DocumentDownloadsFilterSet
    default_ordering = "-download_count"
    columns = [
        TitleColumn("title", label=_("Dokument"), url_name="wagtaildocs:edit", sort_key="title"),
        Column("format_label", label=_("Format")),
        Column("language", label=_("Sprache"), accessor="get_language_display"),
        NumberColumn("download_count", label=_("Downloads insgesamt"), sort_key="download_count"),
        NumberColumn("recent_downloads", label=_("Letzte 12 Monate"), sort_key="recent_downloads"),
        SparklineColumn("trend", label=_("Verlauf je Monat")),
    ]
    custom_field_preprocess = {
        "title": {
            ReportView.FORMAT_CSV: spreadsheet_text,
            ReportView.FORMAT_XLSX: spreadsheet_text,
        }
    }

    @cached_property
    def months(self):
        return last_months(MONTHS, timezone.localdate())

    @property
    def list_export(self):
        return [
            "title",
            "format_label",
            "get_language_display",
            "download_count",
            "recent_downloads",
            *(self._month_key(month) for month in self.months),
        ]

    @property
    def export_headings(self):
        return {
            "title": _("Dokument"),
            "format_label": _("Format"),
            "get_language_display": _("Sprache"),
            "download_count": _("Downloads insgesamt"),
            "recent_downloads": _("Letzte 12 Monate"),
            **{self._month_key(month): f"{month:%Y-%m}" for month in self.months},
        }

    def get_filename(self):
        return f"downloads-{datetime.date.today():%Y-%m-%d}"

    def visible_documents(self):
        collections = self.permission_policy.collections_user_has_any_permission_for(
            self.request.user, DOCUMENT_ACTIONS
        )
        return PortalDocument.objects.filter(collection__in=collections)

    def get_base_queryset(self):
        recent = Q(download_months__month__gte=self.months[0])
        return self.visible_documents().annotate(
            recent_downloads=Coalesce(Sum("download_months__count", filter=recent), 0)
        )

    def order_queryset(self, queryset):
        """The chosen column first, then by title, so pages never shuffle equal numbers."""
        return queryset.order_by(self.ordering, "title", "pk")

    def decorate_paginated_queryset(self, object_list):
        documents = list(object_list)
        months = DocumentDownloadMonth.objects.filter(
            document__in=[document.pk for document in documents], month__gte=self.months[0]
        )
        counts = {(row.document_id, row.month): row.count for row in months}
        for document in documents:
            document.monthly_downloads = [
                (month, counts.get((document.pk, month), 0)) for month in self.months
            ]
            for month, count in document.monthly_downloads:
                setattr(document, self._month_key(month), count)
        return documents

    def get_context_data(self, *args, **kwargs):
        context = super().get_context_data(*args, **kwargs)
        if not self.is_export:
            context["chart"] = self.chart()
        return context

    def chart(self):
        """All downloads per month of the documents the filters select."""
        documents = self.filter_queryset(self.visible_documents()).values("pk")
        rows = (
            DocumentDownloadMonth.objects.filter(document__in=documents, month__gte=self.months[0])
            .values("month")
            .annotate(total=Sum("count"))
        )
        totals = {row["month"]: row["total"] for row in rows}
        return monthly_bar_chart([(month, totals.get(month, 0)) for month in self.months])

    @staticmethod
    def _month_key(month):
        return f"downloads_{month:%Y_%m}"
