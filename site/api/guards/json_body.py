"""A request body, when there is one, is a JSON object; uploads are multipart.

Upstream defect (Wagtail 8.0.1 API v3): a page body is validated against a union
discriminated by `meta.type`; `discriminate_meta_type` (`wagtail/api/v3/schemas/base.py`)
reads `type(value)._meta` of anything that is not a dict, so a body that is a JSON number,
string, array, boolean or null is a 500 (`AttributeError`) on `POST /pages/` and
`PATCH /pages/{id}/`. No upstream issue yet as of 2026-12; to file against wagtail/wagtail:
"API v3: a page body that is not a JSON object is a 500 in discriminate_meta_type". Canary:
`test_upstream_page_body_that_is_not_an_object_is_a_500`.

Policy on top (django-ninja's behaviour, not a 500): other endpoints take such a body for none
at all (an unpublish with the body `5` unpublishes) and read JSON sent as `text/plain`, so
bodies must be JSON objects sent as JSON (415 otherwise). An empty body stays an absent one:
actions such as publish take none, and endpoints that need one answer 422 themselves.
"""

import json
import re

from django.core.exceptions import RequestDataTooBig
from django.http.multipartparser import MultiPartParserError

WRITE_METHODS = {"POST", "PATCH", "PUT"}
UPLOAD_PATH = re.compile(r"^/api/v3/(documents|images)/$")
JSON_KINDS = {dict: "an object", list: "an array", str: "a string", bool: "a boolean"}


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
