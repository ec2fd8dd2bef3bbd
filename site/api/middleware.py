"""Keeps every answer under `/api/` JSON, bounded and correctly cached.

- Guards (`guards`): inputs stock Wagtail 8.0.1 answers with a 500 get a 4xx problem+json
  before any view runs; `search` is reduced to its words, as the site search does.
- Errors: Django's own 404/405/500 pages become RFC 7807 `application/problem+json`.
- Caching: anonymous reads are `public, max-age=…` (Django's `ConditionalGetMiddleware`
  adds the ETag and answers 304 on `If-None-Match`); requests with a token and preview
  answers are `private, no-store`.
"""

import logging

from django.conf import settings
from django.core.exceptions import BadRequest, PermissionDenied, SuspiciousOperation
from django.http import Http404
from django.utils.cache import patch_vary_headers

from wagtail.api.v3.errors import problem_response

from . import guards, upstream

logger = logging.getLogger(__name__)

API_PREFIX = "/api/"
PREVIEW_PREFIX = "/api/v3/preview/"
# The collections whose answers change only with content that purges them.
PURGED_COLLECTIONS = tuple(
    f"/api/v3/{name}/"
    for name in (
        "pages",
        "press-releases",
        "partners",
        "contact-persons",
        "documents",
        "images",
        "search",
        "resolve",
    )
)


def cache_headers(request, response):
    """Cache-Control by who asks."""
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
    if request.path_info.startswith(PURGED_COLLECTIONS):
        # Shared caches keep it until a change purges it (portal.http_cache.dependents).
        response["Cache-Control"] += f", s-maxage={settings.PORTAL_SHARED_CACHE_SECONDS}"
    return response


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
        refused = guards.refusal(request)
        if refused:
            response = problem_response(status=refused[0], detail=refused[1])
        else:
            guards.reduce_search_to_words(request)
            response = self.get_response(request)
        return cache_headers(request, as_problem(response))

    def process_exception(self, request, exception):
        """An unexpected error as problem+json; Django answers 404, 403 and 400 itself."""
        expected = (Http404, PermissionDenied, SuspiciousOperation, BadRequest)
        if not request.path_info.startswith(API_PREFIX) or isinstance(exception, expected):
            return None
        logger.exception("API error at %s", request.path_info, exc_info=exception)
        return problem_response(status=500, detail="Internal server error.")
