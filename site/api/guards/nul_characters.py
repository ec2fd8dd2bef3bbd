"""A NUL character in a query parameter's name or value: 400.

Upstream defect (Wagtail 8.0.1 API v3 / modelsearch): `?search=%00` reaches the search backend
and is a 500 (SQLite's full-text match, and PostgreSQL refuses NUL in any string literal).
No upstream issue yet as of 2026-12; to file against wagtail/wagtail: "API v3: a NUL character
in `?search=` is a 500". Canary: `test_upstream_nul_in_search_is_a_500`.
"""


def bad_nul(request):
    for name, values in request.GET.lists():
        for value in values:
            if "\x00" in value or "\x00" in name:
                return 400, f"The parameter '{name[:50]}' contains a NUL character."
    return None
