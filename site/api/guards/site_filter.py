"""`?site=host[:port]` must look like a host: 400.

Upstream defect (Wagtail 8.0.1 API v3): `find_page` (`wagtail/api/v3/routers/pages.py`) builds
`SiteFilterValidator(site=…)` and catches only `Http404`, so a port that is not a number
(`/pages/find/?html_path=/&site=localhost:abc`) is a `ValueError` and a 500. The pages list is
not affected: `get_pages_queryset` (`wagtail/api/v3/querysets.py`) turns the same error into a
400. No upstream issue yet as of 2026-12; to file against wagtail/wagtail: "API v3:
/pages/find/ with a non-numeric port in ?site= is a 500". Canary:
`test_upstream_malformed_site_in_find_is_a_500`.
"""

import re

SITE = re.compile(r"[^:\s]{1,255}(:[0-9]{1,5})?")


def bad_site(request):
    site = request.GET.get("site")
    if site and not SITE.fullmatch(site):
        return 400, "site must be a hostname, optionally with ':port' (e.g. 'localhost:8000')."
    return None
