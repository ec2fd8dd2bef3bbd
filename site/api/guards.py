"""Input guards for Wagtail 8.0.1's API v3: requests it would answer with a 500.

Each guard returns `(status, detail)` for a request to refuse with a 4xx problem+json
before any view runs, or None. Each names the upstream defect it covers; delete a guard
once Wagtail validates the input itself, and run `make fuzz` after every Wagtail upgrade.
"""

import json
import re

from django.core.exceptions import RequestDataTooBig
from django.http.multipartparser import MultiPartParserError

# Ids and offsets are at most the largest value of a signed 32-bit column (PostgreSQL's
# `integer`), far beyond any content of this site.
MAX_INTEGER = 2**31 - 1
INTEGER = re.compile(r"[+-]?[0-9]+")  # ASCII: int() refuses "²", which \d accepts
WORD = re.compile(r"\w+")
SEARCH_MAX_LENGTH = 200
PAGE_PATH = re.compile(r"^/api/v3/pages/(?!find/)(?P<id>[^/]+)/(?:actions/(?P<action>[^/]+)/)?")
ROOT_LESS_ACTIONS = {"copy", "create_alias"}
CHILD_POSITIONS = {"first-child", "last-child", "sorted-child"}
# `?site=host[:port]`: a port that is not a number is a 500 in Wagtail's site filter.
SITE = re.compile(r"[^:\s]{1,255}(:[0-9]{1,5})?")
WRITE_METHODS = {"POST", "PATCH", "PUT"}
USER_ID_PARAMETERS = {"user_id"}
NUMERIC_KEYS = {"AutoField", "BigAutoField", "IntegerField", "BigIntegerField"}
UPLOAD_PATH = re.compile(r"^/api/v3/(documents|images)/$")
JSON_KINDS = {dict: "an object", list: "an array", str: "a string", bool: "a boolean"}


def bad_parameter(request):
    """An id or offset beyond the database's integers, a NUL character, a malformed
    `?site=` or an overlong `search` (each a 500 somewhere in Wagtail 8.0.1)."""
    for segment in request.path_info.split("/"):
        if INTEGER.fullmatch(segment) and abs(int(segment)) > MAX_INTEGER:
            return 400, f"The number {segment[:30]} in the path is too large."
    for name, values in request.GET.lists():
        for value in values:
            if "\x00" in value or "\x00" in name:
                return 400, f"The parameter '{name[:50]}' contains a NUL character."
            if name in USER_ID_PARAMETERS and not is_user_id(value):
                return 400, f"The parameter '{name}' must be a user's id (a whole number)."
            number = value.strip()  # also strips \x1c-\x1f, which int() refuses
            if INTEGER.fullmatch(number) and abs(int(number)) > MAX_INTEGER:
                return 400, f"The parameter '{name[:50]}' is out of range (at most {MAX_INTEGER})."
    site = request.GET.get("site")
    if site and not SITE.fullmatch(site):
        return 400, "site must be a hostname, optionally with ':port' (e.g. 'localhost:8000')."
    search = request.GET.get("search")
    if search is not None and len(search) > SEARCH_MAX_LENGTH:
        return 400, f"search is limited to {SEARCH_MAX_LENGTH} characters."
    return None


def is_user_id(value):
    """The revisions filter `user_id` is declared `int | str` for custom user models with
    text keys; with this portal's numeric keys, a text reaches the ORM and is a 500."""
    from django.contrib.auth import get_user_model

    if get_user_model()._meta.pk.get_internal_type() not in NUMERIC_KEYS:
        return True
    return INTEGER.fullmatch(value) is not None


def bad_page_request(request):
    """Page ids that are not numbers, and copying or aliasing the root page (500s in 8.0.1)."""
    match = PAGE_PATH.match(request.path_info)
    if match is None:
        return None
    if not re.fullmatch(r"[0-9]+", match["id"]):
        return 404, "No page matches the given id."
    if match["action"] in ROOT_LESS_ACTIONS and request.method == "POST":
        from wagtail.models import Page

        if Page.objects.filter(pk=int(match["id"]), depth=1).exists():
            return 400, "The root page cannot be copied or aliased."
    return None


def json_kind(value):
    if value is None:
        return "null"
    return JSON_KINDS.get(type(value), "a number")


def is_empty_form(request):
    """A multipart form without fields, as test clients and HTML forms send for no body."""
    if request.content_type != "multipart/form-data":
        return False
    try:
        return not (request.POST or request.FILES)
    except MultiPartParserError:
        return False


def bad_body(request):
    """A request body, when there is one, is a JSON object; uploads are multipart.

    Wagtail 8.0.1 validates a page body against a union discriminated by `meta.type`;
    `discriminate_meta_type` (wagtail/api/v3/schemas/base.py) reads `type(value)._meta`
    of anything that is not a dict, so a body that is a JSON number, string, array,
    boolean or null is a 500 on `POST /pages/` and `PATCH /pages/{id}/`. Other endpoints
    take such a body for none at all (an unpublish with the body `5` unpublishes) or read
    JSON sent as `text/plain`. An empty body stays an absent one: actions such as publish
    take none, and endpoints that need one answer 422 themselves.
    """
    if request.method not in WRITE_METHODS:
        return None
    if request.method == "POST" and UPLOAD_PATH.match(request.path_info):
        if request.content_type != "multipart/form-data":
            return 415, "Uploads are sent as multipart/form-data with the file in 'file'."
        return None
    try:
        body = request.body
    except RequestDataTooBig:
        return 413, "The request body is too large."
    if not body.strip() or is_empty_form(request):
        return None
    if request.content_type != "application/json" and not request.content_type.endswith("+json"):
        return 415, "The request body must be JSON, sent with 'Content-Type: application/json'."
    try:
        value = json.loads(body)
    except (ValueError, RecursionError) as error:
        reason = "nested too deeply" if isinstance(error, RecursionError) else error
        return 400, f"The request body is not valid JSON: {reason}."
    if not isinstance(value, dict):
        return 422, f"The request body must be a JSON object, not {json_kind(value)}."
    return None


def bad_move(request):
    """A move beside the root page: Wagtail 8.0.1 moves to the destination's parent unless
    `position` names a child position, and the root has none (`can_move_to(None)`, 500)."""
    match = PAGE_PATH.match(request.path_info)
    if request.method != "POST" or match is None or match["action"] != "move":
        return None
    try:
        data = json.loads(request.body or b"{}")
        destination = int(data.get("destination_id"))
    except (ValueError, TypeError, OverflowError):
        return None  # the endpoint's own validation answers 422
    position = data.get("position")
    if isinstance(position, str) and position in CHILD_POSITIONS:
        return None
    from wagtail.models import Page

    if Page.objects.filter(pk=destination, depth=1).exists():
        return 400, "Nothing can be moved beside the root page: use a child position."
    return None


def refusal(request):
    """The first guard's `(status, detail)` that refuses the request, or None."""
    for guard in (bad_parameter, bad_page_request, bad_body, bad_move):
        refused = guard(request)
        if refused:
            return refused
    return None


def reduce_search_to_words(request):
    """Quotes, brackets and operators are not passed to the search backends (a lone `"`
    is a 500 in SQLite's full-text index)."""
    if "search" in request.GET:
        query = request.GET.copy()
        query["search"] = " ".join(WORD.findall(request.GET["search"]))
        request.GET = query
