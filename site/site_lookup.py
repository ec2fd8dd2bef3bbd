"""The Wagtail site of a request and the sites' root paths, kept per content generation.

Wagtail looks both up for every page it serves or links: `Site.find_for_request` asks the
database, and `Site.get_site_root_paths` reads Django's cache for each page address it
builds. Both change only with the sites and their home pages, which the content generation
follows (`portal.content_cache`). Wagtail keeps them on the request (`_wagtail_site`,
`_wagtail_cached_site_root_paths`) and reads them from there: this middleware puts the kept
ones there before the view, and keeps what Wagtail looked up itself after it. It never asks
the database itself, so a request that needs no site (robots.txt, the health checks) or
meets a database that is down goes on exactly as without it.
"""

import hashlib

from django.http.request import split_domain_port

from portal.content_cache import keep, peek

SITE = "site-for-address"
ROOT_PATHS = "site-root-paths"
REQUEST_ATTRIBUTES = {SITE: "_wagtail_site", ROOT_PATHS: "_wagtail_cached_site_root_paths"}


def _address_key(request):
    hostname = split_domain_port(request._get_raw_host())[0]
    address = f"{hostname}:{request.get_port()}"
    return hashlib.sha256(address.encode()).hexdigest()[:32]


class KnownSiteMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        parts = {SITE: (_address_key(request),), ROOT_PATHS: ()}
        missing = []
        for name, attribute in REQUEST_ATTRIBUTES.items():
            kept = peek(name, *parts[name])
            if kept is None:
                missing.append(name)
            else:
                setattr(request, attribute, kept[0])
        response = self.get_response(request)
        if request.method not in ("GET", "HEAD"):
            return response  # it may have changed a site: what it looked up may be old
        for name in missing:
            if hasattr(request, REQUEST_ATTRIBUTES[name]):
                keep(name, getattr(request, REQUEST_ATTRIBUTES[name]), *parts[name])
        return response
