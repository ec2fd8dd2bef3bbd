"""Download counting in the serve path: two small atomic UPDATEs, never a failed download.

The total lives on the document (`download_count`), the months in `DocumentDownloadMonth`.
Both are incremented in the database (`F("count") + 1`), so parallel downloads never lose a
count. A month's row is created by the first download of that month; two first downloads at
once are resolved by the unique constraint and an UPDATE.
"""

import logging

from django.db import DatabaseError, IntegrityError, transaction
from django.db.models import F
from django.utils import timezone

from downloads.models import DocumentDownloadMonth, PortalDocument

logger = logging.getLogger(__name__)


def is_download(request):
    """A GET that fetches the file: not a HEAD, a revalidation or a resumed transfer."""
    if request.method != "GET":
        return False
    if "if-none-match" in request.headers or "if-modified-since" in request.headers:
        return False
    byte_range = request.headers.get("range", "")
    return not byte_range or byte_range.replace(" ", "").startswith("bytes=0-")


def record_download(document_id, day=None):
    month = (day or timezone.localdate()).replace(day=1)
    try:
        with transaction.atomic():
            PortalDocument.objects.filter(pk=document_id).update(
                download_count=F("download_count") + 1
            )
            if not _increment_month(document_id, month):
                try:
                    with transaction.atomic():
                        DocumentDownloadMonth.objects.create(
                            document_id=document_id, month=month, count=1
                        )
                except IntegrityError:
                    _increment_month(document_id, month)
    except DatabaseError:
        logger.exception("Download of document %s could not be counted", document_id)


def _increment_month(document_id, month):
    return DocumentDownloadMonth.objects.filter(document_id=document_id, month=month).update(
        count=F("count") + 1
    )
