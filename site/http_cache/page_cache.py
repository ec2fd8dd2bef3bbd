"""The app's own page cache, for the tiers without Varnish in front (Django's cache framework).

It keeps exactly what a shared cache may keep (`policy`): answers marked `public` with an
`s-maxage`, for requests that carry no session or CSRF cookie and no Authorization header. Other
cookies do not change a page, so they are ignored, as Varnish does.

Purging works by address path: each path has a token in the cache, and an answer is stored
under the token current when its request began. Purging a path replaces the token, which drops
the answers for every query string of that path at once (the press archive's `?thema=…`, the
search's `?q=…`). An answer rendered from data read before a change, but stored after the
purge, lands under the old token and is never served: the race that leaves stale pages in a
plain URL-keyed cache cannot happen.
"""

import hashlib
import secrets

from django.conf import settings
from django.core.cache import caches
from django.utils.cache import get_conditional_response

PERSONAL_COOKIES = ("sessionid", "csrftoken")
GENERATION_PREFIX = "page-generation:"
ENTRY_PREFIX = "page:"


def page_cache():
    return caches[settings.PORTAL_PAGE_CACHE_ALIAS]


def digest(text):
    return hashlib.blake2b(text.encode(), digest_size=16).hexdigest()


def token_key(path):
    return GENERATION_PREFIX + digest(path)


def current_token(cache, path):
    key = token_key(path)
    token = cache.get(key)
    if token is None:
        cache.add(key, secrets.token_hex(8), timeout=None)
        token = cache.get(key)
    return token


def purge_paths(paths):
    """Drop the cached answers of these paths, with every query string."""
    page_cache().delete_many([token_key(path) for path in paths])


def is_cacheable_request(request):
    cookies = request.COOKIES
    return (
        request.method in ("GET", "HEAD")
        and "HTTP_AUTHORIZATION" not in request.META
        and not any(name in cookies for name in PERSONAL_COOKIES)
    )


def is_shared_answer(response):
    cache_control = response.get("Cache-Control", "")
    return (
        response.status_code == 200
        and not response.streaming
        and not response.cookies
        and "public" in cache_control
        and "s-maxage" in cache_control
    )


def entry_key(token, request):
    return f"{ENTRY_PREFIX}{token}:{digest(request.get_full_path())}"


class PageCacheMiddleware:
    """Outside the ETag middleware: a stored answer keeps its ETag, a hit may answer 304."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        if not settings.PORTAL_PAGE_CACHE or not is_cacheable_request(request):
            return self.get_response(request)
        cache = page_cache()
        key = entry_key(current_token(cache, request.path), request)
        cached = cache.get(key)
        if cached is not None:
            cached["X-Page-Cache"] = "HIT"
            return get_conditional_response(request, etag=cached.get("ETag"), response=cached)
        response = self.get_response(request)
        if is_shared_answer(response):
            # One piece instead of the many a feed is written in: a hit is sent in one go.
            response.content = response.content
            cache.set(key, response, timeout=settings.PORTAL_SHARED_CACHE_SECONDS)
            response["X-Page-Cache"] = "MISS"
        return response
