"""What an uploaded document really is: its format, checked by content, and its page count.

An extension is only a claim. Every upload is checked against the content it names:
PDFs by their header, their end marker and pypdf; DOCX, XLSX and ODT as the zip containers
they are, with the member each format must have. Broken, encrypted, macro-carrying and
mislabelled files are refused with a message that says what is wrong.
"""

import re
import unicodedata
import zipfile
from dataclasses import dataclass
from pathlib import PurePosixPath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.text import get_text_list
from django.utils.translation import gettext_lazy as _

import filetype


@dataclass(frozen=True)
class DocumentFormat:
    extension: str
    label: str
    mime_type: str


FORMATS = {
    fmt.extension: fmt
    for fmt in (
        DocumentFormat("pdf", "PDF", "application/pdf"),
        DocumentFormat(
            "docx",
            "DOCX",
            "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ),
        DocumentFormat(
            "xlsx", "XLSX", "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        ),
        DocumentFormat("odt", "ODT", "application/vnd.oasis.opendocument.text"),
    )
}

# Zip containers: members every file of the format has, and macro members we refuse.
OFFICE_MEMBERS = {
    "docx": {"[Content_Types].xml", "word/document.xml"},
    "xlsx": {"[Content_Types].xml", "xl/workbook.xml"},
    "odt": {"mimetype", "content.xml"},
}
MACRO_MEMBERS = {"word/vbaProject.bin", "xl/vbaProject.bin"}
ODT_MIMETYPE = b"application/vnd.oasis.opendocument.text"
# Limits against zip bombs: no real brochure or table comes near them.
MAX_ZIP_MEMBERS = 5_000
MAX_UNPACKED_SIZE = 500 * 1024 * 1024

STEM_MAX_LENGTH = 60
HEAD_SIZE = 2048
# Text kept for the site search: enough for any brochure's words, bounded for huge files.
TEXT_MAX_PAGES = 300
TEXT_MAX_CHARS = 200_000


@dataclass(frozen=True)
class FileFacts:
    file_format: str
    page_count: int | None = None


def allowed_formats():
    """The formats both this module knows and the settings allow, in the settings' order."""
    allowed = getattr(settings, "WAGTAILDOCS_EXTENSIONS", None) or list(FORMATS)
    return [FORMATS[ext.lower()] for ext in allowed if ext.lower() in FORMATS]


def extension_of(name):
    suffix = PurePosixPath(str(name).replace("\\", "/")).suffix
    return suffix[1:].lower()


def safe_filename(name, extension):
    """A storage name derived from the upload's name: letters, digits and dashes only.

    No path, quotes, control or direction characters survive; long names are shortened.
    Letters outside ASCII stay (the download's Content-Disposition then carries `filename*`).
    """
    stem = PurePosixPath(str(name).replace("\\", "/")).name
    if "." in stem:
        stem = stem.rsplit(".", 1)[0]
    stem = unicodedata.normalize("NFC", stem)
    stem = re.sub(r"[\W_]+", "-", stem).strip("-")
    stem = stem[:STEM_MAX_LENGTH].strip("-") or "dokument"
    return f"{stem}.{extension}"


def inspect_document(file):
    """The verified facts of an uploaded file, or a ValidationError saying what is wrong."""
    extension = extension_of(file.name)
    formats = allowed_formats()
    if extension not in {fmt.extension for fmt in formats}:
        raise ValidationError(
            _("Dateien dieser Art können nicht hochgeladen werden. Erlaubt sind: %(formats)s."),
            code="extension",
            params={"formats": _format_list(formats)},
        )
    if not file.size:
        raise ValidationError(_("Die Datei ist leer."), code="empty")
    file.seek(0)
    head = file.read(HEAD_SIZE)
    file.seek(0)
    try:
        if extension == "pdf":
            return FileFacts("pdf", _pdf_page_count(file, head))
        _check_office_file(file, head, extension)
        return FileFacts(extension)
    finally:
        file.seek(0)


def _format_list(formats):
    return get_text_list([fmt.label for fmt in formats], _("und"))


def _mismatch(extension, head):
    detected = _detected_kind(head)
    if detected:
        message = _(
            "Der Inhalt der Datei passt nicht zur Endung „.%(extension)s“ (erkannt: "
            "%(detected)s). Bitte laden Sie eine echte %(label)s-Datei hoch."
        )
    else:
        message = _(
            "Der Inhalt der Datei passt nicht zur Endung „.%(extension)s“. "
            "Bitte laden Sie eine echte %(label)s-Datei hoch."
        )
    return ValidationError(
        message,
        code="content_mismatch",
        params={"extension": extension, "detected": detected, "label": FORMATS[extension].label},
    )


def _detected_kind(head):
    kind = filetype.guess(head)
    if kind is not None:
        return kind.extension.upper()
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n").lower()
    if text.startswith((b"<!doctype html", b"<html", b"<head", b"<body", b"<script")):
        return "HTML"
    if text.startswith((b"<?xml", b"<svg")):
        return "XML/SVG"
    return ""


def _broken(extension):
    return ValidationError(
        _(
            "Die %(label)s-Datei ist beschädigt oder unvollständig und lässt sich nicht "
            "öffnen. Bitte speichern Sie sie neu und laden Sie sie erneut hoch."
        ),
        code="broken",
        params={"label": FORMATS[extension].label},
    )


def _pdf_page_count(file, head):
    # The PDF header may follow a little preamble, but must come within the first 1024 bytes.
    if b"%PDF-" not in head[:1024]:
        raise _mismatch("pdf", head)
    file.seek(max(file.size - 2048, 0))
    if b"%%EOF" not in file.read():
        raise _broken("pdf")
    file.seek(0)
    try:
        reader = pdf_reader(file)
        encrypted = reader.is_encrypted
        page_count = None if encrypted else len(reader.pages)
    except Exception as error:  # noqa: BLE001 – pypdf raises many kinds on broken files
        raise _broken("pdf") from error
    if encrypted:
        raise ValidationError(
            _(
                "Die PDF-Datei ist verschlüsselt oder mit einem Passwort geschützt. Bitte "
                "laden Sie eine Fassung ohne Schutz hoch, damit alle sie öffnen und "
                "vorlesen lassen können."
            ),
            code="encrypted",
        )
    if not page_count:
        raise _broken("pdf")
    return page_count


def _check_office_file(file, head, extension):
    if not head.startswith(b"PK\x03\x04"):
        raise _mismatch(extension, head)
    try:
        with zipfile.ZipFile(file) as archive:
            members = archive.infolist()
            names = {member.filename for member in members}
            too_big = len(members) > MAX_ZIP_MEMBERS or (
                sum(member.file_size for member in members) > MAX_UNPACKED_SIZE
            )
            if too_big:
                raise _broken(extension)
            if not OFFICE_MEMBERS[extension] <= names:
                raise _mismatch(extension, head)
            if extension == "odt" and archive.read("mimetype").strip() != ODT_MIMETYPE:
                raise _mismatch(extension, head)
    except (zipfile.BadZipFile, zipfile.LargeZipFile, KeyError, OSError, EOFError) as error:
        raise _broken(extension) from error
    if names & MACRO_MEMBERS:
        raise ValidationError(
            _(
                "Die Datei enthält Makros. Bitte speichern Sie sie ohne Makros "
                "(als .%(extension)s) und laden Sie sie erneut hoch."
            ),
            code="macros",
            params={"extension": extension},
        )


def extract_pdf_text(file):
    """The text of a PDF for the site search, "" when none can be read.

    Bounded in pages and characters. A broken or encrypted PDF yields "" rather than an
    error: the upload checks decide what may be stored, the search only indexes what it can.
    """
    try:
        file.seek(0)
        reader = pdf_reader(file)
        if reader.is_encrypted:
            return ""
        parts, length = [], 0
        for page in reader.pages[:TEXT_MAX_PAGES]:
            text = " ".join((page.extract_text() or "").split())
            parts.append(text)
            length += len(text) + 1
            if length >= TEXT_MAX_CHARS:
                break
    except Exception:  # noqa: BLE001 – pypdf raises many kinds on broken files
        return ""
    finally:
        file.seek(0)
    return " ".join(parts)[:TEXT_MAX_CHARS].replace("\x00", "")


def pdf_reader(file):
    """pypdf's reader, imported when a PDF is read (an upload, the worker), not when the app
    loads: a server process that only serves pages never pays its memory (about 19 MB)."""
    from pypdf import PdfReader

    return PdfReader(file, strict=False)
