"""Copying or aliasing the root page: 400.

Upstream defect (Wagtail 8.0.1 API v3): `POST /pages/1/actions/copy/` (and `create_alias`)
without a destination copies to the root's parent, which does not exist, and is a 500; with a
destination Wagtail answers 403 itself. No upstream issue yet as of 2026-12; to file against
wagtail/wagtail: "API v3: copy/create_alias of the root page without destination is a 500".
Canary: `test_upstream_copying_the_root_page_is_a_500`.
"""

import re

from .paths import PAGE_PATH

ROOT_LESS_ACTIONS = {"copy", "create_alias"}


def bad_root_action(request):
    match = PAGE_PATH.match(request.path_info)
    if match is None or match["action"] not in ROOT_LESS_ACTIONS or request.method != "POST":
        return None
    if not re.fullmatch(r"[0-9]+", match["id"]):
        return None  # `page_ids` answers 404
    from wagtail.models import Page

    if Page.objects.filter(pk=int(match["id"]), depth=1).exists():
        return 400, "The root page cannot be copied or aliased."
    return None
