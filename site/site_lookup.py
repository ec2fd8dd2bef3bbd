"""The Wagtail site of a request and the sites' root paths, kept per content generation.

Wagtail looks both up for every request: `Site.find_for_request` asks the database, and
`Site.get_site_root_paths` reads Django's cache for each page address it builds. Both change
only with the sites and their home pages, which the content generation follows
(`portal.content_cache`), so a warm process finds them in its memory. Wagtail keeps them on
the request (`_wagtail_site`, `_wagtail_cached_site_root_paths`) and reads them from there;
this middleware puts them there first.
"""

import hashlib
from functools import partial

from django.http.request import split_domain_port

from wagtail.models import Site

from portal.content_cache import cached


def _address_key(request):
    hostname = split_domain_port(request._get_raw_host())[0]
    address = f"{hostname}:{request.get_port()}"
    return hashlib.sha256(address.encode()).hexdigest()[:32]


class KnownSiteMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        request._wagtail_site = cached(
            "site-for-address", partial(Site.find_for_request, request), _address_key(request)
        )
        request._wagtail_cached_site_root_paths = cached(
            "site-root-paths", Site.get_site_root_paths
        )
        return self.get_response(request)
