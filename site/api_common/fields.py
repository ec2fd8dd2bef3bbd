"""API fields of the page models that need more than Wagtail's defaults.

Wagtail's API v3 still accepts an API v2 style serializer field (`APIField(name,
serializer=…)`) and types its output from the return annotation of `to_representation`,
so each field here states its schema and appears typed in the OpenAPI document.

No request reaches these fields: URLs are root-relative (`url`) and absolute from the
configured base URL (`full_url`), as Wagtail's own rendition field does.
"""

from wagtail.api import APIField

from rest_framework.fields import Field

from portal.i18n import page_translations

from .representations import (
    contact_person_data,
    document_data,
    rendition_data,
)
from .schemas import (
    ContactPersonSchema,
    DocumentFileSchema,
    RenditionSchema,
    TranslationLinkSchema,
)


class RenditionField(Field):
    """An image foreign key as a rendition with its alternative text."""

    def __init__(self, spec="max-1200x1200", **kwargs):
        self.spec = spec
        super().__init__(read_only=True, **kwargs)

    def to_representation(self, value) -> RenditionSchema | None:
        return rendition_data(value, self.spec)


class DocumentField(Field):
    """A document foreign key as a download; empty when the document is not public."""

    def __init__(self, **kwargs):
        super().__init__(read_only=True, **kwargs)

    def to_representation(self, value) -> DocumentFileSchema:
        return document_data(value)


class TranslationsField(Field):
    """The page in the other languages: live translations only."""

    def __init__(self, **kwargs):
        super().__init__(read_only=True, source="*", **kwargs)

    def to_representation(self, page) -> list[TranslationLinkSchema]:
        translations = page_translations(page).values()
        return [translation_link(other) for other in translations if other.pk != page.pk]


def translation_link(page):
    """Locale, title and both URLs of a page; absolute from its site's root URL."""
    from django.conf import settings
    from django.urls import reverse

    _site_id, root_url, page_path = page.get_url_parts() or (None, "", None)
    base = getattr(settings, "WAGTAILAPI_BASE_URL", None) or root_url or ""
    path = reverse("wagtailapi_v3:detail_page", kwargs={"page_id": page.pk})
    return {
        "locale": page.locale.language_code,
        "id": page.pk,
        "title": page.title,
        "html_url": root_url + page_path if page_path is not None else None,
        "detail_url": base.rstrip("/") + path,
    }


class ContactPersonsField(Field):
    """Contact persons of a page, published ones only, in the page's language."""

    def __init__(self, resolve, **kwargs):
        self.resolve = resolve
        super().__init__(read_only=True, source="*", **kwargs)

    def to_representation(self, page) -> list[ContactPersonSchema]:
        people = map(contact_person_data, self.resolve(page))
        return [person for person in people if person]


def translations_field():
    """The `translations` API field every page type has."""
    return APIField("translations", serializer=TranslationsField())
