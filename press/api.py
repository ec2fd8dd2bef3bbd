"""`/api/v3/press-releases/`: live press releases, filterable by year and topic.

`/pages/?type=press.PressReleasePage` lists releases too, but can filter only by exact
field values; the archive's year and topic filters need this endpoint. A topic is given
by page id (of the topic page in any language) or by slug, as in the archive's `?thema=`.
"""

import datetime
from collections import defaultdict

from django.http import HttpRequest
from django.shortcuts import get_object_or_404

from wagtail.api.querysets import get_public_pages_queryset
from wagtail.api.v3.auth import AllowAnonymous
from wagtail.models import Locale, Page

from ninja import Field, Query, Router, Schema

from portal.api_common.pagination import PageParams, page_of
from portal.api_common.representations import detail_url
from portal.api_common.schemas import PageLinkSchema

from .archive import topic_condition
from .models import PressReleasePage, PressReleaseTopic
from .queries import on_topic

router = Router(tags=["press releases"])


class PressReleaseSchema(Schema):
    id: int
    title: str
    date: datetime.date
    lead: str = ""
    locale: str
    html_url: str | None = None
    detail_url: str
    topics: list[PageLinkSchema] = []


class PressReleaseFilter(Schema):
    locale: str | None = None
    year: int | None = Field(None, ge=1946, le=9999)
    topic: str | None = Field(
        None, max_length=255, description="Id or slug of a section or topic page."
    )

    def apply(self, queryset):
        if self.locale:
            queryset = queryset.filter(locale=get_object_or_404(Locale, language_code=self.locale))
        if self.year:
            queryset = queryset.filter(date__year=self.year)
        if self.topic:
            condition = topic_condition(self.topic.strip())
            topic = Page.objects.filter(condition).first() if condition is not None else None
            if topic is None:
                return queryset.none()
            queryset = queryset.filter(on_topic(topic))
        return queryset


class PressReleaseList(Schema):
    count: int
    items: list[PressReleaseSchema]


def topics_by_release(releases, request):
    """The live, public topics of each release in its own language: two queries in all."""
    links = PressReleaseTopic.objects.filter(release__in=releases).values_list(
        "release_id", "topic__translation_key", "sort_order"
    )
    keys = {key for _release, key, _order in links}
    locales = {release.locale_id for release in releases}
    pages = get_public_pages_queryset(request).filter(
        translation_key__in=keys, locale_id__in=locales
    )
    by_key = {
        (page.translation_key, page.locale_id): page for page in pages.select_related("locale")
    }
    locale_of = {release.pk: release.locale_id for release in releases}
    topics = defaultdict(list)
    for release_id, key, _order in sorted(links, key=lambda link: (link[0], link[2])):
        page = by_key.get((key, locale_of[release_id]))
        if page is not None:
            topics[release_id].append(
                {
                    "id": page.pk,
                    "title": page.title,
                    "url": page.get_url(request),
                    "locale": page.locale.language_code,
                }
            )
    return topics


@router.get(
    "/",
    response=PressReleaseList,
    url_name="list_press_releases",
    summary="List press releases",
    description="Live press releases, newest first; filter by language, year and topic.",
    operation_id="press_releases_list",
    auth=[AllowAnonymous()],
)
def list_press_releases(
    request: HttpRequest,
    filters: Query[PressReleaseFilter],
    page: Query[PageParams],
):
    releases = (
        get_public_pages_queryset(request, PressReleasePage)
        .select_related("locale")
        .defer_streamfields()
        .order_by("-date", "-pk")
    )
    count, releases = page_of(filters.apply(releases), page)
    topics = topics_by_release(releases, request)
    items = [
        {
            "id": release.pk,
            "title": release.title,
            "date": release.date,
            "lead": release.lead,
            "locale": release.locale.language_code,
            "html_url": release.get_full_url(request),
            "detail_url": detail_url(release, request),
            "topics": topics[release.pk],
        }
        for release in releases
    ]
    return {"count": count, "items": items}
