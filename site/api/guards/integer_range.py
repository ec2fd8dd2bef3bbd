"""Whole numbers beyond the database's integers, in the path or the query string: 400.

Upstream defect (Wagtail 8.0.1 API v3, via django-ninja's `LimitOffsetPagination`): `offset`
is validated only as `ge=0` (`wagtail/api/v3/pagination.py`), so `?offset=` beyond the
database's integers reaches the query and is a 500 (SQLite: `OverflowError` above 2**63;
PostgreSQL's 32-bit `integer` columns fail far earlier for other integer filters). Path ids
out of range are already a 404 (Django 5's exact lookups), but stay refused here for
PostgreSQL's `integer` columns. No upstream issue yet as of 2026-12; to file against
wagtail/wagtail: "API v3: `?offset=` larger than the database's integer range is a 500", with
a `le=` bound on `Pagination.Input.offset` as the fix. Canary:
`test_upstream_offset_beyond_the_database_integers_is_a_500`.
"""

from .paths import INTEGER, MAX_INTEGER


def bad_path_integer(request):
    for segment in request.path_info.split("/"):
        if INTEGER.fullmatch(segment) and abs(int(segment)) > MAX_INTEGER:
            return 400, f"The number {segment[:30]} in the path is too large."
    return None


def bad_query_integer(request):
    for name, values in request.GET.lists():
        for value in values:
            number = value.strip()  # also strips \x1c-\x1f, which int() refuses
            if INTEGER.fullmatch(number) and abs(int(number)) > MAX_INTEGER:
                return 400, f"The parameter '{name[:50]}' is out of range (at most {MAX_INTEGER})."
    return None
