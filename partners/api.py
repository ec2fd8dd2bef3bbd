"""`/api/v3/partners/`: published partners, anonymously.

Wagtail's `/snippets/…` endpoints need a token even to read, and a token shows drafts to
whoever may edit them. Front ends read these public lists instead: published entries only,
whoever asks.
"""

import datetime
from typing import Literal

from django.db.models import Prefetch
from django.http import HttpRequest
from django.shortcuts import get_object_or_404

from wagtail.api.rich_text import APIRichText, RichTextOutputFormat
from wagtail.api.v3.auth import AllowAnonymous
from wagtail.images import get_image_model

from ninja import Query, Router, Schema

from portal.api_common.pagination import LocaleFilter, PageParams, page_of
from portal.api_common.representations import rendition_data
from portal.api_common.schemas import RenditionSchema

from .models import Partner, PartnerKind

router = Router(tags=["partners"])

LOGO_SPEC = "max-400x200"
PartnerKindLiteral = Literal[tuple(PartnerKind.values)]


class PartnerSchema(Schema):
    id: int
    name: str
    kind: str
    kind_label: str
    place: str = ""
    website: str = ""
    logo: RenditionSchema | None = None
    joined_on: datetime.date | None = None
    measures: str = ""
    time_frame: str = ""
    locale: str


class PartnerFilter(LocaleFilter):
    kind: PartnerKindLiteral | None = None
    place: str | None = None

    def apply(self, queryset):
        queryset = super().apply(queryset)
        if self.kind:
            queryset = queryset.filter(kind=self.kind)
        if self.place:
            queryset = queryset.filter(place__iexact=self.place.strip())
        return queryset


class PartnerList(Schema):
    count: int
    items: list[PartnerSchema]


def published_partners():
    logos = get_image_model().objects.prefetch_renditions(LOGO_SPEC)
    return (
        Partner.objects.filter(live=True)
        .select_related("locale")
        .prefetch_related(Prefetch("logo", queryset=logos))
        .order_by("name", "pk")
    )


def partner_data(partner, rich_text_format):
    return {
        "id": partner.pk,
        "name": partner.name,
        "kind": partner.kind,
        "kind_label": str(partner.get_kind_display()),
        "place": partner.place,
        "website": partner.website,
        "logo": rendition_data(partner.logo, LOGO_SPEC),
        "joined_on": partner.joined_on,
        "measures": APIRichText.serialize(partner.measures, format=rich_text_format),
        "time_frame": partner.time_frame,
        "locale": partner.locale.language_code,
    }


@router.get(
    "/",
    response=PartnerList,
    url_name="list_partners",
    summary="List partners",
    description="Published partners, by name; filter by language, kind and place.",
    operation_id="partners_list",
    auth=[AllowAnonymous()],
)
def list_partners(
    request: HttpRequest,
    filters: Query[PartnerFilter],
    page: Query[PageParams],
    rich_text_format: RichTextOutputFormat | None = None,
):
    text_format = APIRichText.resolve_format(rich_text_format)
    count, partners = page_of(filters.apply(published_partners()), page)
    return {"count": count, "items": [partner_data(p, text_format) for p in partners]}


@router.get(
    "/{partner_id}/",
    response=PartnerSchema,
    url_name="detail_partner",
    summary="Partner detail",
    operation_id="partners_detail",
    auth=[AllowAnonymous()],
)
def get_partner(
    request: HttpRequest, partner_id: int, rich_text_format: RichTextOutputFormat | None = None
):
    partner = get_object_or_404(published_partners(), pk=partner_id)
    return partner_data(partner, APIRichText.resolve_format(rich_text_format))
