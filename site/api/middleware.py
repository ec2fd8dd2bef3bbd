"""Keeps every answer under `/api/` JSON, bounded and correctly cached.

- Guards: stock Wagtail 8.0.1 answers some tiny inputs with a 500: an `offset` or id beyond
  the database's integers, a NUL character, a lone `"` in `search` on SQLite's full-text
  index, `?site=host:port` with a port that is not a number, a page id that is not a number
  in a PATCH, copying the root page. Such requests get a 4xx problem+json before any view
  runs; `search` is reduced to its words, as the site search does. Delete a guard once
  Wagtail validates the input itself.
- Errors: Django's own 404/405/500 pages become RFC 7807 `application/problem+json`.
- Caching: anonymous reads are `public, max-age=…` with an ETag (answered 304 on
  `If-None-Match`); requests with a token and preview answers are `private, no-store`.
"""

import logging
import re

from django.conf import settings
from django.core.exceptions import BadRequest, PermissionDenied, SuspiciousOperation
from django.http import Http404
from django.utils.cache import get_conditional_response, patch_vary_headers, set_response_etag

from wagtail.api.v3.errors import problem_response

from . import upstream

logger = logging.getLogger(__name__)

API_PREFIX = "/api/"
PREVIEW_PREFIX = "/api/v3/preview/"
# Ids and offsets are at most the largest value of a signed 32-bit column (PostgreSQL's
# `integer`), far beyond any content of this site.
MAX_INTEGER = 2**31 - 1
INTEGER = re.compile(r"[+-]?[0-9]+")  # ASCII: int() refuses "²", which \d accepts
WORD = re.compile(r"\w+")
SEARCH_MAX_LENGTH = 200
PAGE_PATH = re.compile(r"^/api/v3/pages/(?!find/)(?P<id>[^/]+)/(?:actions/(?P<action>[^/]+)/)?")
ROOT_LESS_ACTIONS = {"copy", "create_alias"}
# `?site=host[:port]`: a port that is not a number is a 500 in Wagtail's site filter.
SITE = re.compile(r"[^:\s]{1,255}(:[0-9]{1,5})?")


def bad_parameter(request):
    """Why the request's parameters cannot be answered, or None."""
    for segment in request.path_info.split("/"):
        if INTEGER.fullmatch(segment) and abs(int(segment)) > MAX_INTEGER:
            return f"The number {segment[:30]} in the path is too large."
    for name, values in request.GET.lists():
        for value in values:
            if "\x00" in value or "\x00" in name:
                return f"The parameter '{name[:50]}' contains a NUL character."
            number = value.strip()  # also strips \x1c-\x1f, which int() refuses
            if INTEGER.fullmatch(number) and abs(int(number)) > MAX_INTEGER:
                return f"The parameter '{name[:50]}' is out of range (at most {MAX_INTEGER})."
    site = request.GET.get("site")
    if site and not SITE.fullmatch(site):
        return "site must be a hostname, optionally with ':port' (e.g. 'localhost:8000')."
    search = request.GET.get("search")
    if search is not None and len(search) > SEARCH_MAX_LENGTH:
        return f"search is limited to {SEARCH_MAX_LENGTH} characters."
    return None


def bad_page_request(request):
    """Page ids that are not numbers, and copying or aliasing the root page (500s in 8.0.1)."""
    match = PAGE_PATH.match(request.path_info)
    if match is None:
        return None
    if not re.fullmatch(r"[0-9]+", match["id"]):
        return 404, "No page matches the given id."
    if match["action"] in ROOT_LESS_ACTIONS and request.method == "POST":
        from wagtail.models import Page

        if Page.objects.filter(pk=int(match["id"]), depth=1).exists():
            return 400, "The root page cannot be copied or aliased."
    return None


def reduce_search_to_words(request):
    """Quotes, brackets and operators are not passed to the search backends."""
    if "search" in request.GET:
        query = request.GET.copy()
        query["search"] = " ".join(WORD.findall(request.GET["search"]))
        request.GET = query


def cache_headers(request, response):
    """Cache-Control (and an ETag) by who asks; answers 304 when the ETag matches."""
    if request.path_info.startswith(PREVIEW_PREFIX):
        response["Cache-Control"] = "private, no-store"
        response["Referrer-Policy"] = "no-referrer"
        return response
    patch_vary_headers(response, ["Authorization"])
    if "HTTP_AUTHORIZATION" in request.META or request.method not in ("GET", "HEAD"):
        response["Cache-Control"] = "private, no-store"
        return response
    if response.status_code != 200 or response.streaming:
        response.setdefault("Cache-Control", "no-cache")
        return response
    response["Cache-Control"] = f"public, max-age={settings.PORTAL_API_CACHE_SECONDS}"
    set_response_etag(response)
    return get_conditional_response(request, etag=response["ETag"], response=response)


def as_problem(response):
    """A non-JSON error answer of Django's (404, 405, 500 …) as problem+json."""
    content_type = response.get("Content-Type", "")
    if response.status_code < 400 or "json" in content_type:
        return response
    problem = problem_response(status=response.status_code)
    for header in ("Allow", "Retry-After"):
        if header in response:
            problem[header] = response[header]
    return problem


class ApiMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        # Wagtail's document and image routers exist only after every app is ready: the
        # first moment to fix their queries is when the request handler is built.
        upstream.select_collections()

    def __call__(self, request):
        if not request.path_info.startswith(API_PREFIX):
            return self.get_response(request)
        reason = bad_parameter(request)
        refused = (400, reason) if reason else bad_page_request(request)
        if refused:
            response = problem_response(status=refused[0], detail=refused[1])
        else:
            reduce_search_to_words(request)
            response = self.get_response(request)
        return cache_headers(request, as_problem(response))

    def process_exception(self, request, exception):
        """An unexpected error as problem+json; Django answers 404, 403 and 400 itself."""
        expected = (Http404, PermissionDenied, SuspiciousOperation, BadRequest)
        if not request.path_info.startswith(API_PREFIX) or isinstance(exception, expected):
            return None
        logger.exception("API error at %s", request.path_info, exc_info=exception)
        return problem_response(status=500, detail="Internal server error.")
