"""The portal's public address, for every absolute link it hands out.

Canonical links, hreflang alternates, Open Graph, feed links and the sitemap must all name the
same host. That is the public address (PORTAL_PUBLIC_URL, `https://www.chancen.nrw`) where
one is configured, whatever Host a request arrived with behind the proxies; without one (a
developer's machine, the tests) it is the host the request came to, so the links work there.
"""

from urllib.parse import urlsplit, urlunsplit

from django.conf import settings


def public_origin(request):
    """`scheme://host[:port]` of the public address."""
    configured = getattr(settings, "PORTAL_PUBLIC_URL", "")
    if configured:
        return configured.rstrip("/")
    return f"{request.scheme}://{request.get_host()}"


def absolute(request, path):
    """`path` (an address on this site, from `/`) as an absolute URL at the public address."""
    return public_origin(request) + path


def rebased(request, url):
    """An absolute URL Wagtail built from its Site record, moved to the public address."""
    parts = urlsplit(url)
    origin = urlsplit(public_origin(request))
    return urlunsplit((origin.scheme, origin.netloc, parts.path, parts.query, parts.fragment))
