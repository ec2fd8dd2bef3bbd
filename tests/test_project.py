"""The project's frame: import name, packaging, robots.txt, sitemap and the error pages."""

import tomllib
from pathlib import Path

from django.core.management import call_command
from django.template.loader import render_to_string
from django.utils import translation

from wagtail.models import Page

import pytest

import portal

ROOT = Path(__file__).resolve().parent.parent


def test_site_folder_is_imported_as_portal():
    assert Path(portal.__file__).parent == ROOT / "site"


def test_every_python_package_is_listed_for_the_wheel():
    config = tomllib.loads((ROOT / "pyproject.toml").read_text())["tool"]["setuptools"]
    listed = set(config["packages"])
    found = set()
    for init in ROOT.glob("*/**/__init__.py"):
        parts = init.parent.relative_to(ROOT).parts
        # Not shipped: the tests, and `make bench`, an operator's tool run from the checkout.
        if parts[0] in {".venv", "tests", "build", "bench"}:
            continue
        name = ".".join(("portal", *parts[1:]) if parts[0] == "site" else parts)
        found.add(name)
    assert found == listed


def test_robots_txt_names_the_sitemap(client):
    response = client.get("/robots.txt")
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/plain")
    body = response.content.decode()
    assert "Disallow: /admin/" in body
    assert "Sitemap: http://testserver/sitemap.xml" in body


def test_sitemap_lists_the_pages_of_both_languages(seeded, client):
    body = client.get("/sitemap.xml").content.decode()
    assert "/de/integration-und-arbeit/" in body
    assert "/en/integration-and-work/" in body
    live_pages = Page.objects.filter(depth__gt=1).live().public().count()
    assert body.count("<url>") == live_pages


def test_sitemap_leaves_out_drafts(seeded, client):
    page = Page.objects.get(slug="intercultural-opening")
    page.unpublish()
    body = client.get("/sitemap.xml").content.decode()
    assert "/en/integration-and-work/intercultural-opening/</loc>" not in body
    assert "/de/integration-und-arbeit/interkulturelle-oeffnung/</loc>" in body


@pytest.mark.parametrize(
    ("language", "heading"), [("de", "Technischer Fehler"), ("en", "Technical error")]
)
def test_server_error_page_speaks_the_language_without_the_database(
    db, language, heading, django_assert_num_queries
):
    with translation.override(language), django_assert_num_queries(0):
        html = render_to_string("500.html")
    assert f'<html lang="{language}">' in html
    assert f"<h1>{heading}</h1>" in html


def test_migrations_are_complete(db):
    call_command("makemigrations", "--check", "--dry-run", verbosity=0)
