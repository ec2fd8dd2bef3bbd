"""Headless preview: a front end shows an editor the latest saved draft of a page.

An editor (or a front end acting with an API token of an editor) asks for a preview link
of a page they may edit; the link carries a token signed with the site's secret key that
names one revision and expires after `PORTAL_API_PREVIEW_MAX_AGE` seconds. Whoever holds
the token can read that one draft through `GET /api/v3/preview/?token=…`, nothing else.
Nothing is stored: revoking all links means rotating `SECRET_KEY`.
"""

from urllib.parse import urlencode

from django.conf import settings
from django.core import signing
from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest
from django.shortcuts import get_object_or_404
from django.urls import reverse

from wagtail.api.v3.auth import AllowAnonymous, BearerTokenAuth
from wagtail.api.v3.routers.pages import PageDetailSchema
from wagtail.models import Page, Revision

from ninja import Field, Query, Router, Schema, Status
from ninja.errors import HttpError
from pydantic import PositiveInt

router = Router(tags=["preview"])


class PreviewLinkSchema(Schema):
    """A short-lived link that shows one saved draft to whoever holds it."""

    token: str
    expires_in: int
    api_url: str
    page_id: int
    revision_id: int


class LinkParams(Schema):
    page_id: PositiveInt


class PreviewParams(Schema):
    token: str = Field(..., max_length=500)


SALT = "portal.api.preview"


def max_age():
    return getattr(settings, "PORTAL_API_PREVIEW_MAX_AGE", 600)


def make_token(revision):
    return signing.TimestampSigner(salt=SALT).sign_object(
        {"page": int(revision.object_id), "revision": revision.pk}
    )


def read_token(token):
    """The page and revision ids a token names; HttpError 400/410 when it is bad or old."""
    signer = signing.TimestampSigner(salt=SALT)
    try:
        data = signer.unsign_object(token, max_age=max_age())
    except signing.SignatureExpired as error:
        raise HttpError(410, "The preview link has expired; ask for a new one.") from error
    except signing.BadSignature as error:
        raise HttpError(400, "The preview token is invalid.") from error
    return data["page"], data["revision"]


def editable_page(user, page_id):
    """The page, if `user` may edit it; PermissionDenied otherwise."""
    page = get_object_or_404(Page, pk=page_id).specific
    permissions = page.permissions_for_user(user)
    if not (permissions.can_edit() or permissions.can_publish()):
        raise PermissionDenied("You may not edit this page.")
    return page


def preview_link(request, page):
    """A preview link for the page's latest revision (saved first if it has none)."""
    revision = page.get_latest_revision() or page.save_revision(user=request.user)
    token = make_token(revision)
    path = reverse("wagtailapi_v3:page_preview") + "?" + urlencode({"token": token})
    base = getattr(settings, "WAGTAILAPI_BASE_URL", None)
    api_url = base.rstrip("/") + path if base else request.build_absolute_uri(path)
    return {
        "token": token,
        "expires_in": max_age(),
        "api_url": api_url,
        "page_id": page.pk,
        "revision_id": revision.pk,
    }


@router.post(
    "/links/",
    response={201: PreviewLinkSchema},
    url_name="create_preview_link",
    summary="Create a preview link for a page's latest draft",
    description="Needs an API token of a user who may edit the page.",
    operation_id="preview_links_create",
    auth=BearerTokenAuth(),
)
def create_preview_link(request: HttpRequest, params: Query[LinkParams]):
    return Status(201, preview_link(request, editable_page(request.user, params.page_id)))


@router.get(
    "/",
    response=PageDetailSchema,
    url_name="page_preview",
    summary="Show the draft a preview token names",
    description=(
        "Same shape as `/pages/{id}/`. Tokens expire; answers are sent with "
        "`Cache-Control: private, no-store` and `Referrer-Policy: no-referrer`."
    ),
    operation_id="pages_preview",
    auth=[AllowAnonymous()],
)
def page_preview(request: HttpRequest, params: Query[PreviewParams]):
    page_id, revision_id = read_token(params.token)
    revision = Revision.page_revisions.filter(pk=revision_id, object_id=str(page_id)).first()
    if revision is None:
        raise Http404("The previewed page no longer exists.")
    return revision.as_object()
