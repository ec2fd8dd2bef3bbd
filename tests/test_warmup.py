"""A server process does its first-request work when it starts (`portal.warmup`): the
templates compile, each home page is served inside the process, and a database that does not
answer yet delays nothing but the speed of the first requests."""

import logging

from django.core.handlers.wsgi import WSGIHandler
from django.core.signals import request_finished, request_started
from django.db import OperationalError, close_old_connections
from django.template import engines

import pytest

from portal import warmup


def test_every_template_of_the_portal_compiles():
    names = list(warmup.portal_template_names())

    assert "base.html" in names
    assert "home/home_page.html" in names
    for name in names:
        assert engines["django"].get_template(name) is not None


@pytest.fixture
def test_database_kept_open():
    """As Django's test client does: a request must not close the test's database."""
    request_started.disconnect(close_old_connections)
    request_finished.disconnect(close_old_connections)
    yield
    request_started.connect(close_old_connections)
    request_finished.connect(close_old_connections)


@pytest.mark.parametrize("path", ["/de/", "/en/"])
def test_the_warm_up_serves_the_home_pages_as_a_visitor_gets_them(
    seeded, test_database_kept_open, path
):
    assert warmup.serve_once(WSGIHandler(), path) == 200


def test_a_database_that_does_not_answer_yet_delays_nothing(monkeypatch, caplog):
    def unreachable(application, path):
        raise OperationalError("connection refused")

    monkeypatch.setattr(warmup, "serve_once", unreachable)
    with caplog.at_level(logging.WARNING, logger="portal.warmup"):
        warmup.serve_home_pages(WSGIHandler())

    assert "first requests will be slower" in caplog.text
