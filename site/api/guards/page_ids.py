"""Policy, not an upstream workaround: a page path whose id is not a number is a 404.

Stock Wagtail 8.0.1 answers such paths with django-ninja's 422 (`int_parsing`), not a 500
(`test_wagtail_answers_a_page_id_that_is_not_a_number_with_422`); the portal prefers "no such
page" for an address that names none.
"""

import re

from .paths import PAGE_PATH


def bad_page_id(request):
    match = PAGE_PATH.match(request.path_info)
    if match is not None and not re.fullmatch(r"[0-9]+", match["id"]):
        return 404, "No page matches the given id."
    return None
