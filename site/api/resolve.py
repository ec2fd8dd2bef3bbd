"""`/api/v3/resolve/?path=/en/…`: the page a URL path of the site shows.

Wagtail's `/pages/find/?html_path=` routes from the site's root page and knows nothing of
the language prefix (wagtail/wagtail#6679), so `/en/…` is never found. This resolves the
prefix to the locale's home page first. Delete it once `find` understands locales.
"""

from django.conf import settings
from django.http import Http404, HttpRequest

from wagtail.api.querysets import get_public_pages_queryset
from wagtail.api.v3.auth import AllowAnonymous
from wagtail.api.v3.routers.pages import PageDetailSchema
from wagtail.models import Locale, Page, Site

from ninja import Field, Query, Router, Schema
from ninja.errors import HttpError

router = Router(tags=["pages"])

MAX_PATH_LENGTH = 2048


class ResolveParams(Schema):
    path: str = Field(..., max_length=MAX_PATH_LENGTH, description="e.g. /en/press-releases/")


def language_and_slugs(path):
    """`/en/about/team/` → ("en", ["about", "team"]); no prefix → the default language."""
    parts = [part for part in path.split("/") if part]
    languages = [code for code, _name in settings.WAGTAIL_CONTENT_LANGUAGES]
    if parts and parts[0] in languages:
        return parts[0], parts[1:]
    return settings.LANGUAGE_CODE, parts


def resolve_path(request, path):
    """The live, public page under `path`, or Http404."""
    language, slugs = language_and_slugs(path)
    site = Site.find_for_request(request)
    if site is None:
        raise Http404("No site matches the request.")
    try:
        home = site.root_page.get_translation(Locale.objects.get(language_code=language))
    except (Locale.DoesNotExist, Page.DoesNotExist) as error:
        raise Http404(f"No pages in the language '{language}'.") from error
    page = home.specific.route(request, slugs).page
    if not get_public_pages_queryset(request).filter(pk=page.pk).exists():
        raise Http404("No page matches the given path.")
    return page.specific


@router.get(
    "/",
    response=PageDetailSchema,
    url_name="resolve_page",
    summary="Resolve a URL path of the site to its page",
    description=(
        "Answers with the page's detail, as `/pages/{id}/` does. The path may start with a "
        "language prefix (`/de/`, `/en/`); without one, German is meant."
    ),
    operation_id="pages_resolve",
    auth=[AllowAnonymous()],
)
def resolve_page(request: HttpRequest, params: Query[ResolveParams]):
    if not params.path.startswith("/"):
        raise HttpError(400, "path must start with '/'")
    return resolve_path(request, params.path)
