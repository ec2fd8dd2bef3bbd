"""The revisions filter `user_id` must be a user's id: 400 for anything else.

Upstream defect (Wagtail 8.0.1 API v3): `RevisionFilterSchema.user_id` is declared
`int | str` (`wagtail/api/v3/schemas/params.py`) for custom user models with text keys; with
this portal's numeric keys a text such as `?user_id=M` reaches the ORM and
`/pages/{id}/revisions/` (and the snippets' revisions) answer 500. The v2 API had the same
class of bug for filters, fixed there: https://github.com/wagtail/wagtail/issues/7011. No
upstream issue for v3 yet as of 2026-12; to file against wagtail/wagtail: "API v3: revisions
`?user_id=<text>` is a 500 with integer user keys". Canary:
`test_upstream_text_user_id_in_revisions_is_a_500`.
"""

from .paths import INTEGER

USER_ID_PARAMETERS = {"user_id"}
NUMERIC_KEYS = {"AutoField", "BigAutoField", "IntegerField", "BigIntegerField"}


def is_user_id(value):
    from django.contrib.auth import get_user_model

    if get_user_model()._meta.pk.get_internal_type() not in NUMERIC_KEYS:
        return True
    return INTEGER.fullmatch(value) is not None


def bad_user_id(request):
    for name in USER_ID_PARAMETERS:
        for value in request.GET.getlist(name):
            if not is_user_id(value):
                return 400, f"The parameter '{name}' must be a user's id (a whole number)."
    return None
