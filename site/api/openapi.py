"""Repairs the OpenAPI document of Wagtail 8.0.1's API v3 so that validators accept it.

Wagtail's `AllowAnonymous` auth appears as a security scheme `{"type": "http"}` without the
required `scheme`, which makes the whole document invalid OpenAPI 3.1. "Anonymous allowed"
is written in OpenAPI as an empty security requirement (`{}`), so that is what it becomes
(https://github.com/OAI/OpenAPI-Specification/issues/1684 settles that form).

Upstream defect (Wagtail 8.0.1's API v3 on django-ninja 1.7). No upstream issue yet as of
2026-12; to file against wagtail/wagtail: "API v3: the OpenAPI document declares
`AllowAnonymous` as an `http` security scheme without `scheme`, which is invalid OpenAPI 3.1".
Delete this module (and `openapi.install` in `portal.api.mount`) once Wagtail's schema
validates on its own; the canary `test_upstream_openapi_anonymous_scheme_lacks_scheme` fails
then.
"""

from functools import wraps

ANONYMOUS = "AllowAnonymous"


def repair(schema):
    schemes = schema.get("components", {}).get("securitySchemes", {})
    schemes.pop(ANONYMOUS, None)
    for operations in schema.get("paths", {}).values():
        for operation in operations.values():
            security = operation.get("security")
            if security:
                operation["security"] = [{} if ANONYMOUS in item else item for item in security]
    return schema


def install(api):
    """Wraps the API's schema generation with `repair`."""
    generate = api.get_openapi_schema

    @wraps(generate)
    def get_openapi_schema(*args, **kwargs):
        return repair(generate(*args, **kwargs))

    api.get_openapi_schema = get_openapi_schema
