"""Documents in the site search: every public document, the visitor's language first.

Documents are files in one language and are not translated, so every public document is
found from every language; each result states its language. Documents in collections
under a view restriction (the files awaiting approval among them) are never found.
"""

from functools import partial

from django.utils.translation import gettext_lazy as _

from portal.api_common.representations import restricted_collection_ids
from portal.search_hits import Hit, excerpt, has_match

from .models import PortalDocument


def public_documents():
    """Documents outside collections with a view restriction (and their sub-collections)."""
    return PortalDocument.objects.exclude(collection_id__in=restricted_collection_ids())


def document_results(search):
    """Two blocks of results: documents in the visitor's language, then the others."""
    documents = public_documents()
    language = search.locale.language_code
    to_hits = partial(document_hits, search)
    return [
        (documents.filter(language=language).search(search.words, operator="and"), to_hits),
        (documents.exclude(language=language).search(search.words, operator="and"), to_hits),
    ]


def document_hits(search, documents):
    return [document_hit(search, document) for document in documents]


def document_hit(search, document):
    text = document.description
    if not has_match(text, search.words):
        text = document.extracted_text or text
    return Hit(
        kind="document",
        label=str(_("Dokument")),
        title=document.title,
        url=document.url,
        excerpt=excerpt(text, search.words),
        language=document.language,
        date=document.created_at,
        facts=document.facts_text,
    )
