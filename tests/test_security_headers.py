"""Security headers: Content-Security-Policy (site and admin), Permissions-Policy, and the
refusal pages (CSRF failure, 403) in the visitor's language and the portal's frame."""

import re

from django.core.exceptions import PermissionDenied
from django.test import Client
from django.urls import path

import pytest

from portal import urls as portal_urls
from tests.helpers import create_accounts, log_in

PUBLIC_PAGES = [
    "/de/",
    "/en/",
    "/de/integration-und-arbeit/",
    "/de/integration-und-arbeit/interkulturelle-oeffnung/wir-sind-partner/",
    "/en/integration-and-work/intercultural-opening/we-are-partners/",
    "/de/pressemitteilungen/",
    "/en/press-releases/partner-event-at-the-ministry/",
    "/de/downloads/",
    "/en/downloads/migrant-organisations-as-partners/order/",
    "/de/kontakt/",
    "/en/contact/",
    "/de/barrierefreiheit/barriere-melden/",
    "/de/impressum/",
    "/de/suche/?q=Partner",
    "/en/search/?q=partner",
    "/de/gibt-es-nicht/",
    "/de/_util/login/",
]


def directives(response):
    policy = response["Content-Security-Policy"]
    return {
        name: values
        for name, *values in (part.split() for part in policy.split(";") if part.strip())
    }


def only_own_origin(policy):
    """No directive names a host: every source is a keyword or a scheme of the page itself."""
    allowed = {"'self'", "'none'", "'unsafe-inline'", "data:", "blob:"}
    return all(set(values) <= allowed for values in policy.values())


@pytest.mark.parametrize("url", PUBLIC_PAGES)
def test_public_pages_have_a_strict_policy_and_need_nothing_inline(seeded, client, url):
    response = client.get(url)
    assert response.status_code in (200, 404)
    policy = directives(response)
    assert policy["default-src"] == ["'self'"]
    assert policy["script-src"] == ["'self'"]
    assert policy["style-src"] == ["'self'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["base-uri"] == ["'none'"]
    assert policy["frame-ancestors"] == ["'none'"]
    assert only_own_origin(policy)
    html = response.content.decode()
    # What the policy would block: inline script, <style>, style and event-handler attributes.
    # JSON data blocks (structured data for search engines) are never run, so CSP allows them.
    scripts = re.findall(r"<script\b[^>]*>", html, flags=re.IGNORECASE)
    data_block = re.compile(r'\btype="application/(ld\+)?json"')
    assert [tag for tag in scripts if "src=" not in tag and not data_block.search(tag)] == []
    assert re.search(r"<style\b", html, flags=re.IGNORECASE) is None
    assert re.search(r"\sstyle\s*=", html, flags=re.IGNORECASE) is None
    assert re.search(r"\son[a-z]+\s*=", html, flags=re.IGNORECASE) is None
    assert "javascript:" not in html


@pytest.mark.parametrize(
    "url", ["/admin/login/", "/admin/", "/admin/pages/", "/admin/zwei-faktor/"]
)
def test_the_admin_has_its_own_policy_without_third_parties(seeded, administration_client, url):
    response = administration_client.get(url, follow=True)
    assert response.status_code == 200
    policy = directives(response)
    assert policy["script-src"] == ["'self'", "'unsafe-inline'"]
    assert policy["object-src"] == ["'none'"]
    assert policy["frame-ancestors"] == ["'self'"]  # the editor's preview frames the admin
    assert only_own_origin(policy)


def test_served_documents_keep_wagtails_own_policy(seeded, client):
    from wagtail.documents import get_document_model

    document = get_document_model().objects.filter(collection__depth=1).first()
    response = client.get(document.url)
    assert response.status_code == 200
    assert response["Content-Security-Policy"] == "default-src 'none'"


@pytest.mark.parametrize("url", ["/de/", "/en/search/?q=x", "/admin/login/", "/api/v3/pages/"])
def test_permissions_policy_switches_off_unused_features(seeded, client, url):
    response = client.get(url)
    features = dict(
        part.strip().split("=", 1) for part in response["Permissions-Policy"].split(",")
    )
    for feature in ("camera", "microphone", "geolocation", "payment", "usb"):
        assert features[feature] == "()"


@pytest.mark.parametrize(
    ("url", "data", "language", "heading", "frame"),
    [
        ("/de/kontakt/", {"name": "x"}, "de", "Formular abgelaufen", 'class="skip-link"'),
        ("/en/contact/", {"name": "x"}, "en", "Form expired", 'class="skip-link"'),
        (
            "/de/_util/login/",
            {"username": "a", "password": "b"},
            "de",
            "Formular abgelaufen",
            'class="skip-link"',
        ),
        (
            "/admin/login/",
            {"username": "a", "password": "b"},
            "de",
            "Formular abgelaufen",
            "wagtailadmin/css/core.css",
        ),
    ],
)
def test_csrf_failure_page_in_the_visitors_language_and_frame(
    seeded, url, data, language, heading, frame
):
    client = Client(enforce_csrf_checks=True)
    response = client.post(url, data)
    assert response.status_code == 403
    html = response.content.decode()
    assert heading in html
    assert f'<html lang="{language}"' in html
    assert frame in html
    assert "CSRF verification failed" not in html
    assert response["Cache-Control"] == "no-store"


def _refused(request, language):
    raise PermissionDenied


urlpatterns = [path("<str:language>/verboten/", _refused), *portal_urls.urlpatterns]
handler403 = portal_urls.handler403


@pytest.mark.urls("tests.test_security_headers")
@pytest.mark.parametrize(
    ("url", "language", "heading"),
    [
        ("/de/verboten/", "de", "Zugriff nicht erlaubt"),
        ("/en/verboten/", "en", "Access not permitted"),
    ],
)
def test_forbidden_page_in_the_visitors_language_and_frame(seeded, client, url, language, heading):
    response = client.get(url, HTTP_ACCEPT_LANGUAGE=language)
    assert response.status_code == 403
    html = response.content.decode()
    assert heading in html
    assert 'class="skip-link"' in html
    assert "Content-Security-Policy" in response


# In Chromium: Wagtail's admin works under its policy ------------------------------------------

CSP_ERRORS = ("Content Security Policy", "Content-Security-Policy", "Refused to")


@pytest.fixture
def administrator_and_topic(site):
    """An Administration account and the German topic page, made before the browser starts."""
    from home.models import TopicPage
    from portal.editorial.roles import ADMINISTRATION

    create_accounts(verwalterin=ADMINISTRATION)
    return TopicPage.objects.get(locale__language_code="de", slug="interkulturelle-oeffnung")


@pytest.mark.browser
def test_the_admin_editor_choosers_and_preview_work_under_the_policy(
    administrator_and_topic, site, page, settings
):
    """Editor, document and page choosers, block picker, preview panel, user bar: no CSP
    violation in the console (the `page` fixture also fails on requests to other hosts)."""
    from playwright.sync_api import expect

    # Autosave would send the half-added blocks (chooser still open) and rightly get a 400
    # back on a slow machine; what is checked here is the policy, not autosave.
    settings.WAGTAIL_AUTOSAVE_INTERVAL = 0
    topic = administrator_and_topic
    violations = []
    page.on(
        "console",
        lambda message: violations.extend(
            [message.text] if any(error in message.text for error in CSP_ERRORS) else []
        ),
    )
    log_in(page, site.url, "verwalterin")

    page.goto(f"{site.url}/admin/pages/{topic.pk}/edit/")
    for block, chooser_title in (("Dokument-Link", "Dokument"), ("Weiterführende Links", "Seite")):
        page.locator("button.c-sf-add-button").first.click()
        page.get_by_role("option", name=block).click()
        page.locator("[data-chooser-action-choose]:visible").first.click()
        modal = page.locator(".modal-content:visible")
        expect(modal).to_contain_text(chooser_title)
        choice = modal.locator("[data-chooser-modal-choice], a.choose-page").first
        expect(choice).to_be_visible()
        choice.click()
        expect(modal).to_have_count(0)

    page.locator("[data-side-panel-toggle=preview]").first.click()
    preview = page.frame_locator("#w-preview-iframe")
    expect(preview.locator("h1")).to_have_text(topic.title, timeout=15_000)

    page.goto(f"{site.url}/admin/images/multiple/add/")
    page.goto(f"{site.url}/de/integration-und-arbeit/interkulturelle-oeffnung/")
    page.locator("wagtail-userbar >> [data-wagtail-userbar-trigger]").click()
    expect(page.locator("wagtail-userbar >> [role=menu]")).to_be_visible()

    assert violations == []
