"""A move beside the root page: 400.

Upstream defect (Wagtail 8.0.1 API v3): `move` (`wagtail/api/v3/routers/pages.py`) moves to the
destination's parent unless `position` names a child position, and the root has none
(`can_move_to(None)`): `{"destination_id": 1}` is a 500. No upstream issue yet as of 2026-12;
to file against wagtail/wagtail: "API v3: moving a page beside the root page is a 500".
Canary: `test_upstream_moving_beside_the_root_page_is_a_500`.
"""

import json

from .paths import PAGE_PATH

CHILD_POSITIONS = {"first-child", "last-child", "sorted-child"}


def bad_move(request):
    match = PAGE_PATH.match(request.path_info)
    if request.method != "POST" or match is None or match["action"] != "move":
        return None
    try:
        data = json.loads(request.body or b"{}")
        destination = int(data.get("destination_id"))
    except (ValueError, TypeError, OverflowError, AttributeError):
        return None  # the endpoint's own validation answers 422
    position = data.get("position")
    if isinstance(position, str) and position in CHILD_POSITIONS:
        return None
    from wagtail.models import Page

    if Page.objects.filter(pk=destination, depth=1).exists():
        return 400, "Nothing can be moved beside the root page: use a child position."
    return None
