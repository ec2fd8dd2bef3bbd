"""Typed shapes of what the API returns beyond Wagtail's own schemas.

They end up in the OpenAPI schema, so a front end can generate its client from it.
"""

from ninja import Schema


class RenditionSchema(Schema):
    """An image as a rendition, ready for an `<img>`: never the original upload."""

    url: str
    full_url: str
    width: int
    height: int
    alt: str
    credit: str = ""


class DocumentFileSchema(Schema):
    """A downloadable document with the facts a download link states."""

    id: int
    title: str
    description: str = ""
    url: str
    file_format: str
    format_label: str
    file_size: int | None = None
    page_count: int | None = None
    language: str


class PageLinkSchema(Schema):
    """A link to a live page of the portal."""

    id: int
    title: str
    url: str | None = None
    locale: str | None = None


class TranslationLinkSchema(Schema):
    """Where the same page lives in another language."""

    locale: str
    id: int
    title: str
    html_url: str | None = None
    detail_url: str


class ContactPersonSchema(Schema):
    id: int
    name: str
    role: str = ""
    unit: str = ""
    phone: str = ""
    email: str = ""
    locale: str
