"""The cover of a PDF document: its first page as an image, drawn when a file comes in.

`PortalDocument.save` queues `render_cover` after the commit whenever the document got a new
PDF file (an upload, a replacement handed over, the seed). The task runs off the request where
a worker runs the queue (production: django-tasks-db), in the request in development. It draws
the first page with PDFium (pypdfium2, no system packages) and keeps it as a Wagtail image,
`PortalDocument.cover`, in the document's collection; a new file redraws the same image. A
publication shows its own cover image if the editor chose one, else this one.

The cover is derived, not a file of its own: it is released with its document (the document's
save moves it along), the list of files to release leaves it out, and it goes when its document
goes. A document that replaces another gets none: on release its file, and the cover drawn
from it, go to the published document.
"""

import io
import logging
from pathlib import PurePosixPath

from django.core.files.images import ImageFile
from django.db import transaction
from django.db.models.signals import post_delete
from django.utils import translation
from django.utils.translation import gettext

from wagtail.images import get_image_model

from django_tasks import task

logger = logging.getLogger(__name__)

# Wide enough for the publication page's cover at twice its CSS width (retina screens).
COVER_WIDTH = 800


def first_page_png(data, width=COVER_WIDTH):
    """The first page of the PDF in `data` (bytes) as PNG, `width` pixels wide."""
    import pypdfium2 as pdfium  # here, not at import: only the worker draws (about 8 MB)

    pdf = pdfium.PdfDocument(data)
    try:
        page = pdf[0]
        bitmap = page.render(scale=width / page.get_width())
        image = bitmap.to_pil()
        out = io.BytesIO()
        image.convert("RGB").save(out, format="PNG", optimize=True)
        return out.getvalue()
    finally:
        pdf.close()


def delete_cover(sender, instance, **kwargs):
    """A document's cover goes with it (also when a released replacement's row is removed)."""
    if instance.cover_id:
        get_image_model().objects.filter(pk=instance.cover_id).delete()


post_delete.connect(delete_cover, sender="downloads.PortalDocument")


def queue_cover(document):
    """Draw the document's cover after the current transaction commits."""
    pk = document.pk
    transaction.on_commit(lambda: _enqueue(pk))


def _enqueue(pk):
    try:
        render_cover.enqueue(pk)
    except Exception:  # noqa: BLE001 – a broken queue must not break the upload that committed
        logger.exception("The cover of document %s could not be queued", pk)


@task()
def render_cover(document_id):
    """Draw the first page of document `document_id` into its cover image; True if drawn."""
    import pypdfium2 as pdfium

    from downloads.models import PortalDocument

    document = PortalDocument.objects.filter(pk=document_id).select_related("cover").first()
    if document is None or document.file_format != "pdf":
        return False
    try:
        with document.open_file() as file:
            png = first_page_png(file.read())
    except (pdfium.PdfiumError, OSError):
        logger.warning("No cover for document %s: its first page cannot be drawn", document_id)
        return False
    with translation.override(document.language):
        title = gettext("Titelblatt: %(title)s") % {"title": document.title}
    image = document.cover or get_image_model()(collection_id=document.collection_id)
    if image.pk:
        image.renditions.all().delete()
    name = f"{PurePosixPath(document.filename).stem}-titelblatt.png"
    image.title = title[:255]
    image.description = title[:255]
    image.file = ImageFile(io.BytesIO(png), name=name)
    image.file_size = len(png)
    image._set_file_hash()
    image.save()
    PortalDocument.objects.filter(pk=document.pk).update(cover=image)
    return True
