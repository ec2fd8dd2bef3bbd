"""Which answers a shared cache (Varnish, a CDN, the app's page cache) may keep.

Shared: an anonymous GET or HEAD answered 200 that sets no cookie and says nothing about caching
itself. It is marked `public, max-age=0, s-maxage=PORTAL_SHARED_CACHE_SECONDS`: shared caches keep
it until it is purged (or that time passes), browsers ask again each time and get a 304 for an
unchanged ETag. Everything a logged-in user sees is `private, no-store`; an answer that sets a
cookie (a form's CSRF token, a session) is `private, no-cache`.
"""

from django.conf import settings
from django.utils.cache import patch_cache_control

# Never shared, whoever asks: the admin, operations endpoints, document downloads (Wagtail's
# serve view checks privacy and counts each download) and the API (its middleware decides).
UNSHARED_PREFIXES = ("/admin/", "/-/", "/documents/", "/api/")


def is_anonymous(request):
    user = getattr(request, "user", None)
    return user is None or not user.is_authenticated


def may_share(request, response):
    return (
        request.method in ("GET", "HEAD")
        and response.status_code == 200
        and not response.streaming
        and not response.cookies
        and "HTTP_AUTHORIZATION" not in request.META
        and not getattr(request, "is_preview", False)
        and is_anonymous(request)
        and not request.path_info.startswith(UNSHARED_PREFIXES)
    )


def mark_shared(response):
    patch_cache_control(
        response, public=True, max_age=0, s_maxage=settings.PORTAL_SHARED_CACHE_SECONDS
    )


def set_cache_control(request, response):
    if response.has_header("Cache-Control") or request.path_info.startswith("/api/"):
        return response
    if may_share(request, response):
        mark_shared(response)
    elif not is_anonymous(request):
        patch_cache_control(response, private=True, no_store=True)
    elif response.cookies:
        patch_cache_control(response, private=True, no_cache=True)
    return response


class CacheControlMiddleware:
    """Sits outside the session and CSRF middleware, so it sees the cookies they set."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return set_cache_control(request, self.get_response(request))
