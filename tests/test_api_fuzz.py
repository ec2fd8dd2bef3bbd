"""Schemathesis against the OpenAPI schema: no server error, no answer breaking its schema.

Runs in-process through the WSGI application on the seeded test database, anonymously and
with an editor's and an administrator's token, valid and invalid inputs per operation, plus
every parameter with the inputs known to break stock Wagtail. The examples come from the
Hypothesis profile (`tests/conftest.py`): the same few on every `make test`, random and many
in `make fuzz`, which marks the groups below with `fuzz`. Driven through Hypothesis
directly: schemathesis 4.32's pytest loader fails on pytest 9 (`Function._nodeid`).
`/snippets/…` is left out: no snippet model declares API fields, so its `type` parameter
has no value to generate.
"""

from django.core import signals
from django.db import close_old_connections

import pytest
import schemathesis
from hypothesis import given
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import response_schema_conformance

from home.models import HomePage
from portal.wsgi import application
from tests.helpers import token_for

CHECKS = [not_a_server_error, response_schema_conformance]


@pytest.fixture(autouse=True)
def keep_the_test_connection():
    """Calls into the WSGI application end with `request_finished`, which closes the database
    connection – and with it the test's transaction on PostgreSQL. Django's test client
    detaches the same handler for the same reason."""
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    yield
    signals.request_started.connect(close_old_connections)
    signals.request_finished.connect(close_old_connections)


def operations(methods):
    schema = schemathesis.openapi.from_wsgi("/api/v3/openapi.json", application)
    schema = schema.exclude(path_regex="^/api/v3/snippets/").include(method=methods)
    return [result.ok() for result in schema.get_all_operations()]


def fuzz(operation, headers, mode):
    @given(case=operation.as_strategy(generation_mode=mode))
    def run(case):
        case.call_and_validate(checks=CHECKS, headers=headers)

    run()


def fuzz_all(methods, headers):
    tested = []
    for operation in operations(methods):
        for mode in (GenerationMode.POSITIVE, GenerationMode.NEGATIVE):
            fuzz(operation, headers, mode)
        tested.append(operation.label)
    return tested


@pytest.mark.fuzz
def test_anonymous_requests_never_fail(seeded):
    tested = fuzz_all(["GET", "POST", "PATCH", "PUT", "DELETE"], {"Host": "localhost"})
    assert "GET /api/v3/partners/" in tested and "POST /api/v3/pages/" in tested


# Inputs that stock Wagtail 8.0.1 answers with a 500 somewhere (reliability notes T17).
NASTY = ['"', "\x00", "9" * 25, "-9" + "9" * 25, "(", "'", " ", "ä" * 300, "a:b", "²", "1\x1c"]


def parameter_names(operation, location):
    return [
        parameter.name
        for parameter in operation.iter_parameters()
        if parameter.location == location
    ]


def test_every_parameter_with_known_bad_values(seeded):
    """Each query and path parameter of every GET operation, with each bad value."""
    headers = {"Host": "localhost"}
    calls = 0
    for operation in operations(["GET"]):
        path_names = parameter_names(operation, "path")
        for name in parameter_names(operation, "query"):
            for value in NASTY:
                case = operation.Case(
                    path_parameters=dict.fromkeys(path_names, "1"), query={name: value}
                )
                case.call_and_validate(checks=CHECKS, headers=headers)
                calls += 1
        for name in path_names:
            for value in NASTY:
                values = dict.fromkeys(path_names, "1") | {name: value}
                operation.Case(path_parameters=values).call_and_validate(
                    checks=CHECKS, headers=headers
                )
                calls += 1
    assert calls > 200


@pytest.mark.fuzz
def test_editor_token_requests_never_fail(editor_token):
    """Reads and writes with a token; the test database is rolled back afterwards."""
    headers = {"Host": "localhost", "Authorization": f"Bearer {editor_token}"}
    tested = fuzz_all(["GET", "POST", "PATCH", "PUT", "DELETE"], headers)
    assert "PATCH /api/v3/pages/{page_id}/" in tested


@pytest.mark.fuzz
def test_administrator_token_requests_never_fail(seeded, role_users):
    """Administration may write everything: sites, locales, redirects, publishing."""
    headers = {
        "Host": "localhost",
        "Authorization": f"Bearer {token_for(role_users['administrator'])}",
    }
    tested = fuzz_all(["POST", "PATCH", "PUT", "DELETE"], headers)
    assert "PUT /api/v3/sites/{site_id}/" in tested


# GET requests `make fuzz` answered with a 500; the write bodies are in test_api_bodies.
FOUND_QUERIES = [
    "/api/v3/pages/{page}/revisions/?user_id=M",
    "/api/v3/pages/{page}/revisions/?user_id=false&offset=0",
    "/api/v3/pages/{page}/revisions/?user_id=&limit=1",
    "/api/v3/snippets/partners.Partner/1/revisions/?user_id=%5B%5D",
]


@pytest.mark.parametrize("url", FOUND_QUERIES)
def test_queries_found_by_fuzzing_answer_4xx(client, editor_token, url):
    page = HomePage.objects.get(locale__language_code="de").pk
    response = client.get(
        url.format(page=page), HTTP_HOST="localhost", HTTP_AUTHORIZATION=f"Bearer {editor_token}"
    )
    assert response.status_code == 400
    assert "user_id" in response.json()["detail"]
