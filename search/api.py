"""`/api/v3/search/`: the site search for front ends, the same results as `/de/suche/`.

Anonymous and public: the query function (`search.queries`) only ever returns live, public
content. Parameters are validated by Ninja (a bad one is a 422 problem+json, never a 500);
the query is then reduced to its words by the same form as the HTML page.
"""

import datetime
from typing import Literal

from django.conf import settings
from django.http import HttpRequest
from django.urls import reverse
from django.utils import timezone, translation

from wagtail.api.v3.auth import AllowAnonymous

from ninja import Field, Query, Router, Schema

from .forms import QUERY_MAX_LENGTH, SearchForm
from .queries import SiteSearch, record_query

router = Router(tags=["search"])

LIMIT_MAX = 50
OFFSET_MAX = 10_000
LanguageCode = Literal[tuple(code for code, _name in settings.LANGUAGES)]


class SearchParams(Schema):
    q: str = Field(
        "",
        max_length=QUERY_MAX_LENGTH,
        description="The words to search for; other characters are ignored.",
    )
    locale: LanguageCode = Field(settings.LANGUAGE_CODE, description="The visitor's language.")
    limit: int = Field(
        10, ge=1, le=LIMIT_MAX, description=f"Results per page, at most {LIMIT_MAX}."
    )
    offset: int = Field(0, ge=0, le=OFFSET_MAX, description="Results to skip.")


class SearchHitSchema(Schema):
    type: Literal["page", "partner", "document", "link"]
    label: str = Field(description="What the result is, in the requested language.")
    title: str
    url: str
    excerpt: str = Field(description="HTML: escaped text with the matched words in <mark>.")
    language: str = Field(description="The language of the content itself.")
    date: datetime.date | None = None
    facts: str = Field("", description="Kind of partner, or format, size and pages of a document.")
    promoted: bool = Field(False, description="Chosen by the editors for this query.")
    detail_url: str | None = Field(None, description="Pages: their v3 detail endpoint.")


class SearchResponse(Schema):
    query: str = Field(description="The words that were searched for.")
    count: int = Field(description="Results in all (the promoted ones not counted).")
    promotions: list[SearchHitSchema]
    items: list[SearchHitSchema]


@router.get(
    "/",
    response=SearchResponse,
    auth=[AllowAnonymous()],
    url_name="site_search",
    summary="Search pages, partners and documents",
    operation_id="site_search",
)
def site_search(request: HttpRequest, params: Query[SearchParams]):
    words = SearchForm({"q": params.q.replace("\x00", "")}).words()
    with translation.override(params.locale):
        search = SiteSearch(words, params.locale, request)
        promotions = search.promotions()
        results = search.results(
            exclude_page_ids={hit.page_id for hit in promotions if hit.page_id}
        )
        count = results.count()
        items = results[params.offset : params.offset + params.limit] if count else []
        if params.offset == 0:
            record_query(words)
        return {
            "query": words,
            "count": count,
            "promotions": [_hit_data(request, hit) for hit in promotions]
            if params.offset == 0
            else [],
            "items": [_hit_data(request, hit) for hit in items],
        }


def _hit_data(request, hit):
    date = hit.date
    if isinstance(date, datetime.datetime):
        date = timezone.localdate(date)
    detail_url = None
    if hit.page_id:
        detail_url = request.build_absolute_uri(
            reverse("wagtailapi_v3:detail_page", kwargs={"page_id": hit.page_id})
        )
    return {
        "type": hit.kind,
        "label": hit.label,
        "title": hit.title,
        "url": request.build_absolute_uri(hit.url) if hit.url.startswith("/") else hit.url,
        "excerpt": str(hit.excerpt),
        "language": hit.language,
        "date": date,
        "facts": hit.facts,
        "promoted": hit.promoted,
        "detail_url": detail_url,
    }
