"""Small but real files of every allowed format, and a few bad ones, for the tests."""

import io
import zipfile

from fpdf import FPDF
from PIL import Image
from pypdf import PdfWriter


def pdf_bytes(pages=3, text="Leitfaden für Arbeitgeber – Seite"):
    pdf = FPDF()
    pdf.core_fonts_encoding = "windows-1252"
    pdf.set_font("Helvetica", size=12)
    for number in range(1, pages + 1):
        pdf.add_page()
        pdf.cell(0, 10, f"{text} {number}")
    return bytes(pdf.output())


def encrypted_pdf_bytes():
    writer = PdfWriter()
    writer.append(io.BytesIO(pdf_bytes(pages=1)))
    writer.encrypt(user_password="geheim")  # noqa: S106 – a test file, not a secret
    output = io.BytesIO()
    writer.write(output)
    return output.getvalue()


def _zip(members):
    output = io.BytesIO()
    with zipfile.ZipFile(output, "w") as archive:
        for name, content in members.items():
            # The ODF mimetype member must come first and uncompressed.
            compression = zipfile.ZIP_STORED if name == "mimetype" else zipfile.ZIP_DEFLATED
            archive.writestr(name, content, compress_type=compression)
    return output.getvalue()


CONTENT_TYPES = '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>'


def docx_bytes(extra=None):
    return _zip(
        {
            "[Content_Types].xml": CONTENT_TYPES,
            "word/document.xml": "<w:document/>",
            **(extra or {}),
        }
    )


def xlsx_bytes():
    return _zip({"[Content_Types].xml": CONTENT_TYPES, "xl/workbook.xml": "<workbook/>"})


def odt_bytes(mimetype="application/vnd.oasis.opendocument.text"):
    return _zip({"mimetype": mimetype, "content.xml": "<office:document-content/>"})


def zip_bytes():
    return _zip({"liesmich.txt": "Nur ein Archiv."})


def jpeg_bytes():
    output = io.BytesIO()
    Image.new("RGB", (8, 8), "white").save(output, "JPEG")
    return output.getvalue()


def exe_bytes():
    return b"MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff" + b"\x00" * 200


HTML_BYTES = b"<!DOCTYPE html><html><body><script>alert(1)</script></body></html>"
