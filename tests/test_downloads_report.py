"""The admin report "Downloads": who sees it, its numbers, its chart and its exports."""

import csv
import datetime
import io

from django.contrib.auth.models import Group, Permission
from django.urls import reverse
from django.utils import timezone

from wagtail.models import Collection, GroupCollectionPermission

import pytest
from openpyxl import load_workbook

from downloads.charts import last_months, monthly_bar_chart
from downloads.models import DocumentDownloadMonth, PortalDocument

URL = "/admin/reports/downloads/"


def make_document(title, total, months=(), language="de"):
    document = PortalDocument.objects.create(
        title=title,
        file=f"documents/{title.lower()}.pdf",
        file_size=2048,
        file_format="pdf",
        language=language,
        download_count=total,
    )
    for month, count in months:
        DocumentDownloadMonth.objects.create(document=document, month=month, count=count)
    return document


@pytest.fixture
def months():
    return last_months(12, timezone.localdate())


@pytest.fixture
def documents(db, months):
    old = months[0].replace(year=months[0].year - 1)
    return [
        make_document("Leitfaden", 40, [(months[-1], 5), (months[-2], 7), (old, 20)]),
        make_document("Faltblatt", 3, [(months[-1], 3)], language="en"),
        make_document("=HYPERLINK(1)", 0),
    ]


@pytest.fixture
def editor(db, django_user_model):
    """An editor of the library: admin access and "add" documents in the root collection."""
    user = django_user_model.objects.create_user("redakteurin", password="ein-langes-passwort")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    group = Group.objects.create(name="Redaktion Test")
    GroupCollectionPermission.objects.create(
        group=group,
        collection=Collection.get_first_root_node(),
        permission=Permission.objects.get(codename="add_document"),
    )
    user.groups.add(group)
    return user


def test_anonymous_visitors_are_sent_to_the_login(client, documents):
    response = client.get(URL)
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")
    assert client.get(URL + "?export=csv").status_code == 302


def test_admin_users_without_document_permission_are_refused(client, django_user_model, documents):
    user = django_user_model.objects.create_user("presse", password="ein-langes-passwort")
    user.user_permissions.add(Permission.objects.get(codename="access_admin"))
    client.force_login(user)
    response = client.get(URL)
    assert response.status_code == 302
    assert response["Location"] == "/admin/"
    assert client.get(URL + "?export=xlsx").status_code == 302


def test_editors_with_document_permission_see_the_report_and_the_menu_item(
    client, editor, documents
):
    client.force_login(editor)
    response = client.get(URL)
    assert response.status_code == 200
    assert b"Leitfaden" in response.content
    menu = client.get(reverse("wagtailadmin_home")).content.decode()
    assert URL in menu


def rows_of(response, documents):
    """The report's rows for the documents a test made (the seed has its own)."""
    return [row for row in response.context["object_list"] if row in documents]


def test_documents_are_listed_by_downloads_with_total_and_last_twelve_months(
    admin_client, documents
):
    response = admin_client.get(URL)
    rows = rows_of(response, documents)
    assert [row.title for row in rows] == ["Leitfaden", "Faltblatt", "=HYPERLINK(1)"]
    assert [(row.download_count, row.recent_downloads) for row in rows] == [
        (40, 12),
        (3, 3),
        (0, 0),
    ]
    leitfaden = rows[0]
    assert [count for _, count in leitfaden.monthly_downloads][-2:] == [7, 5]
    assert len(leitfaden.monthly_downloads) == 12


def test_ordering_by_a_column_and_filtering_by_language(admin_client, documents):
    rows = rows_of(admin_client.get(URL + "?ordering=title"), documents)
    assert [row.title for row in rows] == ["=HYPERLINK(1)", "Faltblatt", "Leitfaden"]
    rows = admin_client.get(URL + "?language=en").context["object_list"]
    assert [row.title for row in rows] == ["Faltblatt"]


def test_the_chart_is_inline_svg_with_the_monthly_totals(admin_client, documents, months):
    response = admin_client.get(URL)
    chart = response.context["chart"]
    assert [bar.value for bar in chart.bars][-2:] == [7, 8]
    assert sum(bar.value for bar in chart.bars) == 15  # the old month is outside the window
    html = response.content.decode()
    assert '<svg xmlns="http://www.w3.org/2000/svg"' in html
    assert 'role="img"' in html
    assert "<script" not in html.split("<svg", 1)[1].split("</svg>", 1)[0]
    tallest = max(chart.bars, key=lambda bar: bar.value)
    assert f'height="{tallest.height}"' in html
    assert "," not in f"{tallest.height}"  # numbers unlocalised inside the SVG


def test_the_filtered_chart_counts_only_the_selected_documents(admin_client, documents):
    chart = admin_client.get(URL + "?language=en").context["chart"]
    assert sum(bar.value for bar in chart.bars) == 3


def test_chart_geometry():
    series = [(datetime.date(2026, month, 1), value) for month, value in [(10, 0), (11, 10)]]
    chart = monthly_bar_chart(series, width=200, height=100, top_space=10, label_space=20)
    empty, full = chart.bars
    assert (empty.height, full.height) == (0, 70)
    assert full.y == 10
    assert full.x > empty.x + empty.width
    assert chart.maximum == 10
    assert monthly_bar_chart([(datetime.date(2026, 1, 1), 0)]).is_empty


def test_last_months_cross_the_new_year():
    months = last_months(3, datetime.date(2026, 1, 31))
    assert months == [
        datetime.date(2025, 11, 1),
        datetime.date(2025, 12, 1),
        datetime.date(2026, 1, 1),
    ]


def test_csv_export_has_a_column_per_month_and_defuses_formulas(admin_client, documents, months):
    response = admin_client.get(URL + "?export=csv")
    assert response["Content-Type"] == "text/csv"
    assert response["Content-Disposition"].startswith('attachment; filename="downloads-')
    rows = list(csv.reader(io.StringIO(b"".join(response.streaming_content).decode())))
    header, first, *rest = rows
    assert header[:5] == [
        "Dokument",
        "Format",
        "Sprache",
        "Downloads insgesamt",
        "Letzte 12 Monate",
    ]
    assert header[5:] == [f"{month:%Y-%m}" for month in months]
    assert first[:5] == ["Leitfaden", "PDF", "Deutsch", "40", "12"]
    assert first[-2:] == ["7", "5"]
    assert [row[0] for row in rest if "HYPERLINK" in row[0]] == ["'=HYPERLINK(1)"]


def test_xlsx_export(admin_client, documents):
    response = admin_client.get(URL + "?export=xlsx")
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(b"".join(response.streaming_content))).active
    values = list(sheet.values)
    assert values[1][:5] == ("Leitfaden", "PDF", "Deutsch", 40, 12)
    assert [row[0] for row in values if "HYPERLINK" in row[0]] == ["'=HYPERLINK(1)"]
    assert len(values[0]) == 17


# The report with three documents.
REPORT_BUDGET = 15  # measured 12 on SQLite; headroom for other databases


def test_report_queries_do_not_grow_with_documents(
    admin_client, months, django_assert_max_num_queries
):
    def queries():
        admin_client.get(URL)
        with django_assert_max_num_queries(REPORT_BUDGET) as context:
            assert admin_client.get(URL).status_code == 200
        return len(context)

    for number in range(3):
        make_document(f"Dokument {number}", number, [(months[-1], number)])
    few = queries()
    for number in range(3, 40):
        make_document(f"Dokument {number}", number, [(months[-1], number), (months[-3], 1)])
    assert queries() == few
