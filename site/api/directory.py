"""`/api/v3/partners/` and `/api/v3/contact-persons/`: published snippets, anonymously.

Wagtail's `/snippets/…` endpoints need a token even to read, and a token shows drafts to
whoever may edit them. Front ends read these public lists instead: published entries only,
whoever asks.
"""

from typing import Literal

from django.db.models import Prefetch
from django.http import HttpRequest
from django.shortcuts import get_object_or_404

from wagtail.api.rich_text import APIRichText, RichTextOutputFormat
from wagtail.api.v3.auth import AllowAnonymous
from wagtail.images import get_image_model
from wagtail.models import Locale

from ninja import Query, Router, Schema

from home.models import ContactPerson
from partners.models import Partner, PartnerKind

from .pagination import PageParams, page_of
from .representations import contact_person_data, rendition_data
from .schemas import ContactPersonSchema, PartnerSchema

router = Router(tags=["partners"])
contacts_router = Router(tags=["contact persons"])

LOGO_SPEC = "max-400x200"
PartnerKindLiteral = Literal[tuple(PartnerKind.values)]


class LocaleFilter(Schema):
    locale: str | None = None

    def apply(self, queryset):
        if self.locale:
            queryset = queryset.filter(locale=get_object_or_404(Locale, language_code=self.locale))
        return queryset


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


class ContactPersonList(Schema):
    count: int
    items: list[ContactPersonSchema]


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


def published_contact_persons():
    return ContactPerson.objects.filter(live=True).select_related("locale").order_by("name", "pk")


@contacts_router.get(
    "/",
    response=ContactPersonList,
    url_name="list_contact_persons",
    summary="List contact persons",
    description="Published contact persons, by name; filter by language.",
    operation_id="contact_persons_list",
    auth=[AllowAnonymous()],
)
def list_contact_persons(
    request: HttpRequest, filters: Query[LocaleFilter], page: Query[PageParams]
):
    count, persons = page_of(filters.apply(published_contact_persons()), page)
    return {"count": count, "items": [contact_person_data(person) for person in persons]}


@contacts_router.get(
    "/{person_id}/",
    response=ContactPersonSchema,
    url_name="detail_contact_person",
    summary="Contact person detail",
    operation_id="contact_persons_detail",
    auth=[AllowAnonymous()],
)
def get_contact_person(request: HttpRequest, person_id: int):
    return contact_person_data(get_object_or_404(published_contact_persons(), pk=person_id))
