"""Policy, not an upstream workaround: `?search=` is limited to 200 characters.

Bounds the cost of a full-text query. Stock Wagtail 8.0.1 answers a 5,000-character search on
SQLite without error (`test_wagtail_answers_a_long_search_on_sqlite`).
"""

SEARCH_MAX_LENGTH = 200


def bad_search_length(request):
    search = request.GET.get("search")
    if search is not None and len(search) > SEARCH_MAX_LENGTH:
        return 400, f"search is limited to {SEARCH_MAX_LENGTH} characters."
    return None
