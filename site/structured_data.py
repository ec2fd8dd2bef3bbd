"""Structured data (schema.org JSON-LD) for search engines: who publishes the portal, and
what a page is.

Page types that have something to say define `structured_data(request)` returning a dict
(the home page an organisation, a press release a news article, a publication its document);
the head renders it with `json_ld`. Addresses are at the public address (`portal.addresses`).
"""

import json
import mimetypes
from html import unescape

from django.utils.html import strip_tags
from django.utils.safestring import mark_safe
from django.utils.text import Truncator
from django.utils.translation import get_language

from portal.addresses import absolute
from portal.i18n import current_home
from portal.publisher import publisher_for

# As Django's json_script: text in the data can never end the script element.
ESCAPES = {ord("<"): "\\u003C", ord(">"): "\\u003E", ord("&"): "\\u0026"}


def json_ld(data):
    """`data` as a `<script type="application/ld+json">` element."""
    text = json.dumps({"@context": "https://schema.org", **data}, ensure_ascii=False)
    return mark_safe(f'<script type="application/ld+json">{text.translate(ESCAPES)}</script>')  # noqa: S308


def organization(request):
    """The publisher in the visitor's language as a GovernmentOrganization, or None."""
    publisher = publisher_for(request)
    if publisher is None:
        return None
    data = {"@type": "GovernmentOrganization", "name": publisher.name}
    home = current_home(request)
    if home is not None:
        data["url"] = absolute(request, home.get_url(request))
    address = ", ".join(
        line.strip() for line in publisher.postal_address.splitlines() if line.strip()
    )
    if address:
        data["address"] = address
    return data


def description_of(page):
    """What a search engine or a link preview shows of a page: the editor's search
    description, else the lead (content pages), the introduction (form pages) or the
    summary (publications)."""
    text = (
        page.search_description
        or getattr(page, "lead", "")
        or getattr(page, "intro", "")
        or getattr(page, "summary", "")
    )
    return Truncator(unescape(strip_tags(text))).chars(300)


def page_facts(page, request):
    """What every described page shares: address, language, description, publisher."""
    data = {
        "url": absolute(request, page.get_url(request)),
        # The page's language is the active one (its URL's prefix); page.locale costs a query.
        "inLanguage": get_language(),
    }
    description = description_of(page)
    if description:
        data["description"] = description
    publisher = organization(request)
    if publisher is not None:
        data["publisher"] = publisher
    return data


def media_object(request, document):
    """A downloadable file: its address, type and size."""
    data = {"@type": "MediaObject", "contentUrl": absolute(request, document.url)}
    file_type = mimetypes.guess_type(document.filename)[0]
    if file_type:
        data["encodingFormat"] = file_type
    size = document.get_file_size()
    if size:
        data["contentSize"] = f"{size} B"
    return data
