"""A form in error in Chromium, as a visitor meets it: the error summary has the focus when
the page has loaded (no script), its links move the focus to the field, the invalid fields
look invalid, nothing scrolls sideways at 390 and 1280 px. Screenshots go to
$PORTAL_SHOTS (default: the test's temporary folder)."""

import os
from pathlib import Path

from django.core.cache import cache

import pytest

from tests.helpers import form_recipient, honeypot_fields

pytestmark = pytest.mark.browser

CONTACT_DE = "/de/kontakt/"


@pytest.fixture
def contact_in_error(site, client, settings):
    """The contact page sent with a bad address and nothing else, rendered before the browser
    starts (see the `page` fixture)."""
    settings.PORTAL_FORM_RATE = "1000/m"
    cache.clear()
    form_recipient("redaktion@example.org")
    data = {**honeypot_fields(seconds_ago=60), "e_mail_adresse": "keine-adresse"}
    response = client.post(CONTACT_DE, data)
    assert response.status_code == 200
    return response.content.decode()


def serve(page, url, html):
    page.route(url, lambda route: route.fulfill(status=200, content_type="text/html", body=html))
    page.goto(url)
    page.unroute(url)


@pytest.mark.parametrize("width", [390, 1280])
def test_contact_form_in_error(contact_in_error, page, site, width, tmp_path):
    page.set_viewport_size({"width": width, "height": 900})
    serve(page, site.url + CONTACT_DE, contact_in_error)

    assert page.title().startswith("Fehler: Kontakt")
    focused = page.evaluate("document.activeElement.className")
    assert "form-errors" in focused  # the summary has the focus, without any script
    outline = page.evaluate("getComputedStyle(document.activeElement).outlineStyle")
    assert outline == "solid"  # and shows it (WCAG 2.4.7)
    links = page.locator(".form-errors a")
    assert links.count() == 3
    shots = Path(os.environ.get("PORTAL_SHOTS", tmp_path))
    page.screenshot(path=str(shots / f"contact-in-error-{width}.png"), full_page=True)
    assert page.evaluate("document.documentElement.scrollWidth") <= width

    # The invalid fields look different from the valid one, checkbox included.
    def border(selector):
        return page.evaluate(f"getComputedStyle(document.querySelector('{selector}')).borderColor")

    valid = border("#id_name")
    assert border("#id_e_mail_adresse") != valid
    assert border("#id_nachricht") != valid
    assert border("#id_ich_habe_den_datenschutzhinweis_gelesen") != valid

    # The summary's links take the focus to their field.
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.getAttribute('href')") == "#id_e_mail_adresse"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "id_e_mail_adresse"
    links.nth(2).click()
    assert page.evaluate("document.activeElement.id") == (
        "id_ich_habe_den_datenschutzhinweis_gelesen"
    )
