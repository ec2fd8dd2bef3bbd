"""Uploads: the file's content must match its extension; facts are filled in; names are safe."""

import json

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.urls import reverse

from wagtail.documents import get_document_model
from wagtail.documents.forms import get_document_form
from wagtail.models import Collection

import pytest

from downloads.files import safe_filename
from downloads.forms import upload_form_class
from tests import sample_files

FORM_BASE = override_settings(WAGTAILDOCS_DOCUMENT_FORM_BASE="downloads.forms.PortalDocumentForm")

BAD_FILES = [
    ("programm.pdf", sample_files.exe_bytes(), "content_mismatch", "erkannt: EXE"),
    ("seite.pdf", sample_files.HTML_BYTES, "content_mismatch", "erkannt: HTML"),
    ("foto.docx", sample_files.jpeg_bytes(), "content_mismatch", "erkannt: JPG"),
    ("archiv.docx", sample_files.zip_bytes(), "content_mismatch", "„.docx“"),
    ("tabelle.pdf", sample_files.xlsx_bytes(), "content_mismatch", "„.pdf“"),
    ("text.odt", sample_files.odt_bytes(mimetype="application/zip"), "content_mismatch", "„.odt“"),
    ("leer.pdf", b"", "empty", "ist leer"),
    ("abgeschnitten.pdf", sample_files.pdf_bytes()[:700], "broken", "unvollständig"),
    ("muell.pdf", b"%PDF-1.7\n" + b"\x13\x37" * 900 + b"\n%%EOF\n", "broken", "beschädigt"),
    ("geschuetzt.pdf", sample_files.encrypted_pdf_bytes(), "encrypted", "verschlüsselt"),
    ("makros.docx", sample_files.docx_bytes({"word/vbaProject.bin": b"\x00"}), "macros", "Makros"),
    (
        "programm.exe",
        sample_files.exe_bytes(),
        "extension",
        "Erlaubt sind: PDF, DOCX, XLSX und ODT",
    ),
    ("seite.html", sample_files.HTML_BYTES, "extension", "Erlaubt sind"),
    ("archiv.zip", sample_files.zip_bytes(), "extension", "Erlaubt sind"),
]


pytestmark = pytest.mark.usefixtures("media")


def stored_files(media):
    return sorted(path.name for path in media.rglob("*") if path.is_file())


def bound_form(name, content, **data):
    return upload_form_class()(
        data={"title": "Leitfaden", "language": "de", **data},
        files={"file": SimpleUploadedFile(name, content)},
    )


@pytest.mark.parametrize(("name", "content", "code", "message"), BAD_FILES)
def test_form_refuses_bad_files_with_a_clear_message(db, name, content, code, message):
    form = bound_form(name, content)
    assert not form.is_valid()
    assert form.has_error("file", code)
    assert message in " ".join(form.errors["file"])


@FORM_BASE
@pytest.mark.parametrize(("name", "content", "code", "message"), BAD_FILES)
def test_single_upload_in_the_admin_refuses_and_stores_nothing(
    admin_client, media, name, content, code, message
):
    response = admin_client.post(
        reverse("wagtaildocs:add"),
        {"title": "Leitfaden", "file": SimpleUploadedFile(name, content), "language": "de"},
    )
    assert response.status_code == 200
    assert message in " ".join(response.context["form"].errors["file"])
    assert not get_document_model().objects.filter(title="Leitfaden").exists()
    assert stored_files(media) == []


@FORM_BASE
@pytest.mark.parametrize(("name", "content", "code", "message"), BAD_FILES)
def test_multiple_upload_in_the_admin_refuses_and_stores_nothing(
    admin_client, media, name, content, code, message
):
    documents_before = get_document_model().objects.count()
    response = admin_client.post(
        reverse("wagtaildocs:add_multiple"), {"files[]": SimpleUploadedFile(name, content)}
    )
    data = json.loads(response.content)
    assert data["success"] is False
    assert message in data["error_message"]
    assert get_document_model().objects.count() == documents_before
    assert stored_files(media) == []


@FORM_BASE
def test_a_file_over_the_size_limit_is_refused(admin_client, settings, media):
    settings.WAGTAILDOCS_MAX_UPLOAD_SIZE = 1024
    response = admin_client.post(
        reverse("wagtaildocs:add"),
        {"title": "Groß", "file": SimpleUploadedFile("gross.pdf", sample_files.pdf_bytes(pages=5))},
    )
    assert response.status_code == 200
    assert response.context["form"].has_error("file", "file_too_large")
    assert stored_files(media) == []


def test_the_size_limit_is_20_megabytes(settings):
    assert settings.WAGTAILDOCS_MAX_UPLOAD_SIZE == 20 * 1024 * 1024


@FORM_BASE
def test_wagtail_uses_the_portal_upload_form():
    form_class = get_document_form(get_document_model())
    assert form_class.clean_file.__qualname__ == "PortalDocumentForm.clean_file"


@FORM_BASE
def test_single_upload_fills_size_format_and_page_count(admin_client):
    content = sample_files.pdf_bytes(pages=24)
    response = admin_client.post(
        reverse("wagtaildocs:add"),
        {
            "title": "Leitfaden für Arbeitgeber",
            "file": SimpleUploadedFile("leitfaden.pdf", content),
            "language": "de",
            "collection": Collection.get_first_root_node().pk,
        },
    )
    assert response.status_code == 302, response.context["form"].errors
    document = get_document_model().objects.get(title="Leitfaden für Arbeitgeber")
    assert (document.file_size, document.file_format, document.page_count) == (
        len(content),
        "pdf",
        24,
    )
    assert document.file_hash
    assert document.facts_text.endswith(", 24 Seiten, Deutsch")


@FORM_BASE
def test_multiple_upload_fills_size_format_and_page_count(admin_client):
    content = sample_files.pdf_bytes(pages=2)
    response = admin_client.post(
        reverse("wagtaildocs:add_multiple"),
        {"files[]": SimpleUploadedFile("faltblatt.pdf", content)},
    )
    assert json.loads(response.content)["success"] is True
    document = get_document_model().objects.get(title="faltblatt.pdf")
    assert (document.file_size, document.file_format, document.page_count) == (
        len(content),
        "pdf",
        2,
    )
    assert document.language == "de"


@pytest.mark.parametrize(
    ("name", "content", "file_format"),
    [
        ("bericht.docx", sample_files.docx_bytes(), "docx"),
        ("zahlen.xlsx", sample_files.xlsx_bytes(), "xlsx"),
        ("text.odt", sample_files.odt_bytes(), "odt"),
    ],
)
def test_office_files_are_accepted_without_page_count(db, name, content, file_format):
    form = bound_form(name, content)
    assert form.is_valid(), form.errors
    document = form.save()
    assert (document.file_format, document.page_count, document.file_size) == (
        file_format,
        None,
        len(content),
    )
    assert document.format_label == file_format.upper()


@FORM_BASE
def test_replacing_the_file_refreshes_its_facts(admin_client):
    form = bound_form("alt.pdf", sample_files.pdf_bytes(pages=3))
    document = form.save() if form.is_valid() else pytest.fail(form.errors)
    response = admin_client.post(
        reverse("wagtaildocs:edit", args=[document.pk]),
        {
            "title": document.title,
            "file": SimpleUploadedFile("neu.pdf", sample_files.pdf_bytes(pages=7)),
            "language": "en",
        },
    )
    assert response.status_code == 302
    document.refresh_from_db()
    assert (document.page_count, document.language, document.filename) == (7, "en", "neu.pdf")


@FORM_BASE
def test_editing_only_the_title_keeps_the_file_and_its_facts(admin_client):
    form = bound_form("leitfaden.pdf", sample_files.pdf_bytes(pages=3))
    document = form.save() if form.is_valid() else pytest.fail(form.errors)
    response = admin_client.post(
        reverse("wagtaildocs:edit", args=[document.pk]),
        {"title": "Neuer Titel", "language": "de"},
    )
    assert response.status_code == 302
    document.refresh_from_db()
    assert (document.title, document.page_count, document.file_format) == ("Neuer Titel", 3, "pdf")


@pytest.mark.parametrize(
    ("name", "stored"),
    [
        ("../../x.pdf", "x.pdf"),
        ("..\\..\\windows\\x.pdf", "x.pdf"),
        ('a";x=.pdf', "a-x.pdf"),
        ("zeile\r\nContent-Type: text.pdf", "zeile-Content-Type-text.pdf"),
        ("\u202efdp.exe.pdf", "fdp-exe.pdf"),
        ("Broschüre für Arbeitgeber.PDF", "Broschüre-für-Arbeitgeber.pdf"),
        ("<script>.pdf", "script.pdf"),
        ("....pdf", "dokument.pdf"),
        ("a" * 300 + ".pdf", "a" * 60 + ".pdf"),
    ],
)
def test_safe_filename(name, stored):
    assert safe_filename(name, "pdf") == stored


@pytest.mark.parametrize(
    "name", ["../../x.pdf", 'a";x=.pdf', "a\r\nb.pdf", "b" * 300 + ".pdf", "\u202efdp.pdf"]
)
def test_uploads_with_odd_names_are_stored_under_a_safe_generated_name(db, media, name):
    form = bound_form(name, sample_files.pdf_bytes(pages=1))
    assert form.is_valid(), form.errors
    document = form.save()
    assert document.file.name.startswith("documents/")
    assert "/" not in document.filename
    assert document.filename.endswith(".pdf")
    assert len(document.file.name) <= 100
    assert not any(char in document.filename for char in "\"'\r\n\\\u202e;= ")
    assert (media / "documents" / document.filename).is_file()
    assert stored_files(media) == [document.filename]


@FORM_BASE
def test_a_300_character_name_in_the_multiple_upload_ends_as_a_short_safe_file(admin_client, media):
    name = "Broschüre " + "x" * 290 + ".pdf"
    response = admin_client.post(
        reverse("wagtaildocs:add_multiple"),
        {"files[]": SimpleUploadedFile(name, sample_files.pdf_bytes(pages=4))},
    )
    data = json.loads(response.content)
    assert data["success"] is True
    document = get_document_model().objects.get(pk=data["doc_id"])
    assert document.filename == "Broschüre-" + "x" * 50 + ".pdf"
    assert (document.file_format, document.page_count) == ("pdf", 4)
    assert stored_files(media) == [document.filename]
