"""Input guards for Wagtail 8.0.1's API v3, one module per upstream defect (or policy).

Each guard returns `(status, detail)` for a request to refuse with a 4xx problem+json before
any view runs, or None; `portal.api.middleware` asks `refusal` and then lets
`reduce_search_to_words` rewrite `?search=`. Each module names the defect it works around and
its upstream issue; tests/test_upstream_canaries.py has one canary per defect, which fails
once upstream is fixed and names the module to delete (remove it from `GUARDS` too). Modules
marked "policy" are the portal's own rules, not workarounds. Run `make fuzz` after every
Wagtail upgrade.
"""

from .integer_range import bad_path_integer, bad_query_integer
from .json_body import bad_body
from .move_beside_root import bad_move
from .nul_characters import bad_nul
from .page_ids import bad_page_id
from .root_page_actions import bad_root_action
from .search_length import bad_search_length
from .search_words import reduce_search_to_words
from .site_filter import bad_site
from .user_id import bad_user_id

# In the order the single guard of old checked them: the first refusal wins.
GUARDS = (
    bad_path_integer,
    bad_nul,
    bad_user_id,
    bad_query_integer,
    bad_site,
    bad_search_length,
    bad_page_id,
    bad_root_action,
    bad_body,
    bad_move,
)

__all__ = ["GUARDS", "reduce_search_to_words", "refusal"]


def refusal(request):
    """The first guard's `(status, detail)` that refuses the request, or None."""
    for guard in GUARDS:
        refused = guard(request)
        if refused:
            return refused
    return None
