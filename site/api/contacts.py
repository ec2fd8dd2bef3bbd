"""`/api/v3/contact-persons/`: published contact persons, anonymously.

Wagtail's `/snippets/…` endpoints need a token even to read, and a token shows drafts to
whoever may edit them. Front ends read this public list instead.
"""

from django.http import HttpRequest
from django.shortcuts import get_object_or_404

from wagtail.api.v3.auth import AllowAnonymous

from ninja import Query, Router, Schema

from portal.api_common.pagination import LocaleFilter, PageParams, page_of
from portal.api_common.representations import contact_person_data
from portal.api_common.schemas import ContactPersonSchema
from portal.contacts import ContactPerson

router = Router(tags=["contact persons"])


class ContactPersonList(Schema):
    count: int
    items: list[ContactPersonSchema]


def published_contact_persons():
    return ContactPerson.objects.filter(live=True).select_related("locale").order_by("name", "pk")


@router.get(
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


@router.get(
    "/{person_id}/",
    response=ContactPersonSchema,
    url_name="detail_contact_person",
    summary="Contact person detail",
    operation_id="contact_persons_detail",
    auth=[AllowAnonymous()],
)
def get_contact_person(request: HttpRequest, person_id: int):
    return contact_person_data(get_object_or_404(published_contact_persons(), pk=person_id))
