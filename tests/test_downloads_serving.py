"""Serving documents: headers, privacy of collections and download counting."""

import datetime
from urllib.parse import quote

from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import DatabaseError

from wagtail.models import Collection, CollectionViewRestriction

import pytest

from downloads import counting
from downloads.forms import upload_form_class
from downloads.models import DocumentDownloadMonth
from tests import sample_files

pytestmark = pytest.mark.usefixtures("media")


def upload(name, content, collection=None, **data):
    fields = {"title": name, "language": "de", **data}
    if collection is not None:
        fields["collection"] = collection.pk
    form = upload_form_class()(data=fields, files={"file": SimpleUploadedFile(name, content)})
    assert form.is_valid(), form.errors
    return form.save()


@pytest.fixture
def pdf(db):
    return upload("leitfaden.pdf", sample_files.pdf_bytes(pages=2))


@pytest.fixture
def private_collection(db):
    collection = Collection.get_first_root_node().add_child(name="Intern")
    CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=CollectionViewRestriction.LOGIN
    )
    return collection


def test_pdf_is_served_inline_with_its_name_type_and_protective_headers(client, pdf):
    response = client.get(pdf.url)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert response["Content-Disposition"] == 'inline; filename="leitfaden.pdf"'
    assert response["Content-Length"] == str(pdf.file_size)
    assert response["X-Content-Type-Options"] == "nosniff"
    assert response["Content-Security-Policy"] == "default-src 'none'"
    assert b"".join(response.streaming_content).startswith(b"%PDF-")


@pytest.mark.parametrize(
    ("name", "content", "content_type"),
    [
        (
            "bericht.docx",
            sample_files.docx_bytes(),
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ),
        (
            "zahlen.xlsx",
            sample_files.xlsx_bytes(),
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        ),
        ("text.odt", sample_files.odt_bytes(), "application/vnd.oasis.opendocument.text"),
    ],
)
def test_office_files_are_attachments_with_the_right_type(client, db, name, content, content_type):
    document = upload(name, content)
    response = client.get(document.url)
    assert response["Content-Type"] == content_type
    assert response["Content-Disposition"] == f'attachment; filename="{name}"'


def test_non_ascii_names_are_sent_with_filename_star(client, db):
    document = upload("Broschüre für Arbeitgeber.pdf", sample_files.pdf_bytes(pages=1))
    response = client.get(document.url)
    assert response.status_code == 200
    assert response["Content-Disposition"] == (
        'inline; filename="Broschure-fur-Arbeitgeber.pdf"; '
        f"filename*=UTF-8''{quote('Broschüre-für-Arbeitgeber.pdf')}"
    )


def test_a_wrong_filename_in_the_url_is_not_found(client, pdf):
    assert client.get(f"/documents/{pdf.pk}/../../settings.py").status_code == 404
    assert client.get(f"/documents/{pdf.pk}/other.pdf").status_code == 404


def test_private_collection_needs_a_login(client, django_user_model, private_collection):
    document = upload("intern.pdf", sample_files.pdf_bytes(pages=1), collection=private_collection)
    response = client.get(document.url)
    assert response.status_code == 302
    assert "/login/?next=" in response["Location"]
    document.refresh_from_db()
    assert document.download_count == 0

    user = django_user_model.objects.create_user("leserin", password="ein-langes-passwort")
    client.force_login(user)
    response = client.get(document.url)
    assert response.status_code == 200
    document.refresh_from_db()
    assert document.download_count == 1


def test_a_download_counts_in_total_and_in_its_month(client, pdf):
    for _ in range(3):
        assert client.get(pdf.url).status_code == 200
    pdf.refresh_from_db()
    assert pdf.download_count == 3
    month = DocumentDownloadMonth.objects.get(document=pdf)
    assert month.count == 3
    assert month.month.day == 1


@pytest.mark.parametrize(
    ("method", "headers"),
    [
        ("head", {}),
        ("get", {"HTTP_IF_NONE_MATCH": '"abc"'}),
        ("get", {"HTTP_IF_MODIFIED_SINCE": "Mon, 01 Jan 2024 00:00:00 GMT"}),
        ("get", {"HTTP_RANGE": "bytes=500-"}),
    ],
)
def test_revalidations_heads_and_resumed_transfers_are_not_counted(client, pdf, method, headers):
    getattr(client, method)(pdf.url, **headers)
    pdf.refresh_from_db()
    assert pdf.download_count == 0
    assert not DocumentDownloadMonth.objects.filter(document=pdf).exists()


def test_a_ranged_request_from_the_start_counts(client, pdf):
    client.get(pdf.url, HTTP_RANGE="bytes=0-")
    pdf.refresh_from_db()
    assert pdf.download_count == 1


def test_months_are_counted_separately(pdf):
    counting.record_download(pdf.pk, day=datetime.date(2026, 10, 31))
    counting.record_download(pdf.pk, day=datetime.date(2026, 11, 1))
    counting.record_download(pdf.pk, day=datetime.date(2026, 11, 30))
    months = dict(DocumentDownloadMonth.objects.filter(document=pdf).values_list("month", "count"))
    assert months == {datetime.date(2026, 10, 1): 1, datetime.date(2026, 11, 1): 2}
    pdf.refresh_from_db()
    assert pdf.download_count == 3


def test_counting_is_a_few_queries_whatever_the_history(pdf, django_assert_max_num_queries):
    counting.record_download(pdf.pk)
    with django_assert_max_num_queries(4):  # savepoint, 2 updates, release
        counting.record_download(pdf.pk)


def test_a_month_row_created_meanwhile_is_incremented(pdf, monkeypatch):
    """Two first downloads of a month at once: the loser of the INSERT race updates."""
    first = counting._increment_month
    calls = []

    def racing(document_id, month):
        calls.append(month)
        if len(calls) == 1:
            DocumentDownloadMonth.objects.create(document_id=document_id, month=month, count=1)
            return 0
        return first(document_id, month)

    monkeypatch.setattr(counting, "_increment_month", racing)
    counting.record_download(pdf.pk)
    assert DocumentDownloadMonth.objects.get(document=pdf).count == 2


def test_a_failing_counter_does_not_fail_the_download(client, pdf, monkeypatch, caplog):
    def broken(*args):
        raise DatabaseError("disk full")

    monkeypatch.setattr(counting, "_increment_month", broken)
    response = client.get(pdf.url)
    assert response.status_code == 200
    assert "could not be counted" in caplog.text
    pdf.refresh_from_db()
    assert pdf.download_count == 0  # rolled back together, never half-counted
