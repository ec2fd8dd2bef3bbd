"""Seed content of the downloads section: the downloads page, the employer guide and its order form.

Runs before the partner and press sections, which link to `context.pages["brochure"]`.
"""

from pathlib import Path

from django.core.files.uploadedfile import SimpleUploadedFile

from wagtail.models import Collection

from downloads.forms import upload_form_class
from downloads.models import (
    DownloadIndexPage,
    PortalDocument,
    PublicationOrderPage,
    PublicationPage,
)
from portal.seed import add_page, stream, translate

from . import brochure

PO_DIR = Path(__file__).resolve().parent / "en"


def seed_downloads(context):
    """Create the downloads page, the brochure stand-in PDF and its publication page."""
    document = brochure_document(context)
    downloads = add_page(
        context,
        "downloads",
        context.pages["home"],
        DownloadIndexPage(
            title="Downloads",
            slug="downloads",
            show_in_menus=True,
            lead="Broschüren und Dokumente zum Herunterladen, mit Format, Größe und Sprache.",
            groups=stream(
                "downloads-groups",
                [
                    (
                        "group",
                        {
                            "heading": "Interkulturelle Öffnung",
                            "description": "",
                            "documents": [document.pk],
                        },
                    )
                ],
            ),
        ),
    )
    publication = add_page(
        context,
        "brochure",
        downloads,
        PublicationPage(
            title=brochure.TITLE,
            slug="migrantenselbstorganisationen-als-partner",
            summary="".join(f"<p>{paragraph}</p>" for paragraph in brochure.SUMMARY),
            document=document,
        ),
    )
    order = add_page(
        context,
        "brochure-order",
        publication,
        PublicationOrderPage(
            title="Gedruckte Exemplare bestellen",
            slug="bestellen",
            intro=(
                "<p>Sie können die Broschüre auch gedruckt bestellen. Bitte geben Sie an, "
                "wie viele Exemplare Sie benötigen und wohin wir sie senden sollen.</p>"
            ),
            privacy_notice=(
                "<p>Ihre Angaben verwenden wir nur, um Ihre Bestellung zu bearbeiten und zu "
                "versenden. Nach 90 Tagen werden sie gelöscht.</p>"
            ),
            subject="Bestellung: Leitfaden für Arbeitgeber",
            max_quantity=50,
        ),
    )
    translate(context, downloads, PO_DIR / "downloads.po")
    translate(context, publication, PO_DIR / "brochure.po")
    translate(context, order, PO_DIR / "brochure-order.po")


def brochure_document(context):
    """The stand-in PDF of the brochure, stored through the admin's upload form, once."""
    existing = PortalDocument.objects.filter(title=brochure.TITLE).order_by("pk").first()
    if existing is not None:
        context.report.unchanged.append(f"Dokument: {existing.title}")
        return existing
    form = upload_form_class()(
        data={
            "title": brochure.TITLE,
            "language": "de",
            "description": brochure.PLACEHOLDER_NOTICE,
            "collection": Collection.get_first_root_node().pk,
        },
        files={
            "file": SimpleUploadedFile(
                brochure.FILENAME, brochure.brochure_pdf(), content_type="application/pdf"
            )
        },
    )
    if not form.is_valid():
        raise ValueError(f"The stand-in brochure was refused: {form.errors.as_text()}")
    document = form.save()
    context.report.created.append(f"Dokument: {document.title}")
    return document
