"""Plain-data representations of images, documents, pages and contact persons for the API.

Used by the blocks' `get_api_representation` (portal.blocks) and by the API fields of the
page models (portal.api_common.fields). Whatever a visitor may not see is left out: drafts,
unpublished snippets and documents in restricted collections.
"""

import logging

from django.db.models import Q
from django.urls import reverse

from wagtail.api.utils import get_full_url
from wagtail.images.api.fields import ImageRenditionField

from portal.content_cache import cached

logger = logging.getLogger(__name__)

RENDITION_SPEC = "max-1200x1200"


def rendition_data(image, spec=RENDITION_SPEC):
    """The image as a rendition (Wagtail's `ImageRenditionField`) with its credit line.

    None without an image, and when the image's file is missing: one lost file must not
    turn every answer that shows the image into an error.
    """
    if image is None:
        return None
    data = ImageRenditionField(spec).to_representation(image)
    if "error" in data:
        logger.warning("Image %s has no readable file: %s", image.pk, data["error"])
        return None
    return {**data, "credit": getattr(image, "credit", "")}


def restricted_collection_ids(request=None):
    """Collections the requester may not see; once per request (for everyone: once per
    content generation, `portal.content_cache`).

    With a request, Wagtail's own rule (`get_restricted_collection_ids`). Without one (the
    page models' API fields get none, the site search asks for everyone) every collection
    under a view restriction, and those below it: an anonymous visitor passes none, so
    Wagtail's per-restriction check (a query per group restriction) would only cost time.
    """
    from wagtail.api.v3.permissions import get_restricted_collection_ids

    if request is not None:
        if not hasattr(request, "_portal_restricted_collections"):
            request._portal_restricted_collections = get_restricted_collection_ids(request)
        return request._portal_restricted_collections
    return cached("restricted-collections", _collections_under_restrictions)


def _collections_under_restrictions():
    from wagtail.models import Collection, CollectionViewRestriction

    paths = Collection.objects.filter(
        pk__in=CollectionViewRestriction.objects.values("collection_id")
    ).values_list("path", flat=True)
    condition = Q()
    for path in paths:
        condition |= Q(path__startswith=path)
    if not condition:
        return set()
    return set(Collection.objects.filter(condition).values_list("pk", flat=True))


def document_data(document, request=None, restricted=None):
    """A document as a download: URL, format, size, pages, language; None if not public.

    `restricted`: the collection ids to leave out, if the caller knows them already.
    """
    if restricted is None:
        restricted = restricted_collection_ids(request)
    if document is None or document.collection_id in restricted:
        return None
    return {
        "id": document.pk,
        "title": document.title,
        "description": getattr(document, "description", ""),
        "url": document.url,
        "file_format": getattr(document, "file_format", "") or document.file_extension.lower(),
        "format_label": getattr(document, "format_label", document.file_extension.upper()),
        "file_size": document.file_size,
        "page_count": getattr(document, "page_count", None),
        "language": getattr(document, "language", ""),
    }


def page_link(page, request=None):
    """A live page as a link; None for drafts (their titles stay unpublished too)."""
    if page is None or not page.live:
        return None
    return {
        "id": page.pk,
        "title": page.title,
        "url": page.get_url(request),
        "locale": page.locale.language_code if page.locale_id else None,
    }


def contact_person_data(person):
    """A published contact person; None for drafts."""
    if person is None or not person.live:
        return None
    return {
        "id": person.pk,
        "name": person.name,
        "role": person.role,
        "unit": person.unit,
        "phone": person.phone,
        "email": person.email,
        "locale": person.locale.language_code,
    }


def detail_url(page, request=None):
    path = reverse("wagtailapi_v3:detail_page", kwargs={"page_id": page.pk})
    return get_full_url(request, path) if request is not None else path
