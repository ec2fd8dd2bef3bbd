"""Write requests whose body is not a JSON object get a 4xx problem+json naming the problem.

Stock Wagtail 8.0.1 answered a PATCH or POST of pages whose body is a JSON number, string,
array, boolean or null with a 500, and other endpoints took such a body for none at all.
Every write endpoint, every body kind, anonymously and with each role's token.
"""

import json

from wagtail.models import Locale, Page, Site

import pytest

from downloads.models import PortalDocument
from partners.models import Partner
from tests.helpers import token_for

API = "/api/v3"
WRITES = [
    ("POST", "/pages/"),
    ("PATCH", "/pages/{page_id}/"),
    ("POST", "/pages/{page_id}/actions/publish/"),
    ("POST", "/pages/{page_id}/actions/unpublish/"),
    ("POST", "/pages/{page_id}/actions/copy/"),
    ("POST", "/pages/{page_id}/actions/move/"),
    ("POST", "/pages/{page_id}/actions/revert/"),
    ("POST", "/pages/{page_id}/actions/convert_alias/"),
    ("POST", "/pages/{page_id}/actions/create_alias/"),
    ("POST", "/pages/{page_id}/actions/copy_for_translation/"),
    ("POST", "/sites/"),
    ("PUT", "/sites/{site_id}/"),
    ("POST", "/locales/"),
    ("PUT", "/locales/{locale_id}/"),
    ("POST", "/preview/links/"),
    ("POST", "/redirects/"),
    ("PUT", "/redirects/{redirect_id}/"),
    ("POST", "/snippets/{type}/"),
    ("PATCH", "/snippets/{type}/{pk}/"),
    ("POST", "/snippets/{type}/{pk}/actions/publish/"),
    ("POST", "/snippets/{type}/{pk}/actions/unpublish/"),
    ("POST", "/snippets/{type}/{pk}/actions/revert/"),
    ("POST", "/snippets/{type}/{pk}/actions/copy_for_translation/"),
    ("POST", "/documents/"),
    ("PATCH", "/documents/{document_id}/"),
    ("POST", "/images/"),
    ("PATCH", "/images/{image_id}/"),
]
UPLOADS = {("POST", "/documents/"), ("POST", "/images/")}
NOT_AN_OBJECT = {
    "number": ("3.581534579252562e+118", "not a number"),
    "string": ('"Titel"', "not a string"),
    "array": ('[{"title": "Titel"}]', "not an array"),
    "null": ("null", "not null"),
    "boolean": ("true", "not a boolean"),
}
# (body, content type, status, words of the detail)
BODIES = {
    kind: (body, "application/json", 422, words) for kind, (body, words) in NOT_AN_OBJECT.items()
}
BODIES |= {
    "invalid-json": ('{"title": ', "application/json", 400, "not valid JSON"),
    "nested-too-deeply": ("[" * 100_000, "application/json", 400, "nested too deeply"),
    "not-utf-8": (b'{"title": "\xff"}', "application/json", 400, "not valid JSON"),
    "json-as-text": ('{"title": "Titel"}', "text/plain", 415, "Content-Type: application/json"),
    "curl-form-default": ('{"title": "Titel"}', "application/x-www-form-urlencoded", 415, "JSON"),
}
ROLES = [None, "editor", "approver", "translator", "administrator"]


def write_operations(client):
    schema = client.get(f"{API}/openapi.json", HTTP_HOST="localhost").json()
    return {
        (method.upper(), path.removeprefix(API))
        for path, operations in schema["paths"].items()
        for method, operation in operations.items()
        if method in ("post", "patch", "put")
    }


def test_every_write_operation_is_covered(seeded, client):
    assert write_operations(client) == set(WRITES)


@pytest.fixture
def path_ids(seeded):
    partner = Partner.objects.first()
    return {
        "page_id": Page.objects.get(url_path="/home/integration-und-arbeit/").pk,
        "site_id": Site.objects.get(is_default_site=True).pk,
        "locale_id": Locale.objects.get(language_code="de").pk,
        "redirect_id": 1,
        "type": "partners.Partner",
        "pk": partner.pk,
        "document_id": PortalDocument.objects.first().pk,
        "image_id": 1,
    }


@pytest.fixture
def tokens(role_users):
    return {None: None} | {role: token_for(role_users[role]) for role in ROLES if role}


def send(client, method, url, body, content_type, token):
    headers = {"HTTP_HOST": "localhost"}
    if token:
        headers["HTTP_AUTHORIZATION"] = f"Bearer {token}"
    return client.generic(method, url, body, content_type=content_type, **headers)


@pytest.mark.parametrize("kind", BODIES)
@pytest.mark.parametrize(("method", "path"), WRITES, ids=lambda value: value)
def test_a_body_that_is_not_a_json_object_is_refused(client, path_ids, tokens, method, path, kind):
    body, content_type, status, words = BODIES[kind]
    if (method, path) in UPLOADS:
        status, words = 415, "multipart/form-data"
    url = API + path.format(**path_ids)
    for role, token in tokens.items():
        response = send(client, method, url, body, content_type, token)
        assert response.status_code == status, (role, response.content[:300])
        assert response["Content-Type"] == "application/problem+json"
        assert words in response.json()["detail"], role


def test_the_reported_request_is_refused_without_a_server_error(seeded, client, role_users):
    """tests/test_api_fuzz.py found this with a random seed (issue 17)."""
    response = send(
        client,
        "PATCH",
        f"{API}/pages/86400/?rich_text_format=Sw%C3%8B",
        "3.581534579252562e+118",
        "application/json",
        token_for(role_users["editor"]),
    )
    assert response.status_code == 422
    assert response.json()["detail"] == "The request body must be a JSON object, not a number."


def test_an_object_body_still_changes_the_page(seeded, client, role_users):
    page = Page.objects.get(url_path="/home/integration-und-arbeit/")
    response = send(
        client,
        "PATCH",
        f"{API}/pages/{page.pk}/",
        json.dumps({"title": "Integration und Arbeit (Entwurf)"}),
        "application/json; charset=utf-8",
        token_for(role_users["editor"]),
    )
    assert response.status_code == 200, response.content
    page.refresh_from_db()
    assert page.get_latest_revision_as_object().title == "Integration und Arbeit (Entwurf)"


def test_an_action_without_a_body_still_works(seeded, client, role_users):
    """Actions such as a preview link take no body: an empty one is the usual call."""
    page = Page.objects.get(url_path="/home/integration-und-arbeit/")
    response = send(
        client,
        "POST",
        f"{API}/preview/links/?page_id={page.pk}",
        "",
        "",
        token_for(role_users["editor"]),
    )
    assert response.status_code == 201, response.content
    assert response.json()["page_id"] == page.pk


def test_an_empty_body_where_one_is_needed_is_refused(seeded, client, role_users):
    response = send(
        client, "POST", f"{API}/pages/", "", "application/json", token_for(role_users["editor"])
    )
    assert response.status_code == 422
    assert response["Content-Type"] == "application/problem+json"


# Requests `make fuzz` answered with a 500 (seeds in the closing note).
FOUND_BY_FUZZ = [
    ("POST", "/pages/{page_id}/actions/move/", {"destination_id": 1}),
    ("POST", "/pages/{page_id}/actions/move/", {"destination_id": 1.0}),
    ("POST", "/pages/{page_id}/actions/move/", {"destination_id": 1, "position": None}),
    ("POST", "/pages/1/actions/move/", {"destination_id": 1}),
    ("POST", "/pages/78885/actions/move/", {"": None, "destination_id": 0, "position": {}}),
    ("POST", "/pages/{page_id}/actions/move/", {"destination_id": 1, "position": ["last"]}),
]


@pytest.mark.parametrize(("method", "path", "body"), FOUND_BY_FUZZ)
def test_requests_found_by_fuzzing_are_refused(client, path_ids, tokens, method, path, body):
    url = API + path.format(**path_ids)
    for role, token in tokens.items():
        response = send(client, method, url, json.dumps(body), "application/json", token)
        assert 400 <= response.status_code < 500, (role, response.content[:300])
        assert response["Content-Type"] == "application/problem+json"


def test_a_move_into_the_root_as_a_child_still_works(client, path_ids, role_users):
    """Only a move beside the root is refused; Administration may move under it."""
    page = Page.objects.get(pk=path_ids["page_id"])
    response = send(
        client,
        "POST",
        f"{API}/pages/{page.pk}/actions/move/",
        json.dumps({"destination_id": page.get_parent().pk, "position": "last-child"}),
        "application/json",
        token_for(role_users["administrator"]),
    )
    assert response.status_code == 200, response.content[:300]
