"""The seeded site in a real browser: language switcher, skip link, editorial flows, layout.

Playwright drives the Debian Chromium at /usr/bin/chromium against pytest-django's live
server, which serves the static files through Django's staticfiles handler, so the real
stylesheet is applied. Every test fails if the page requests anything from a host other than
the live server. axe-core (WCAG 2.1 AA) runs on every view in tests/test_html_checks.py.

Without Chromium the tests are skipped, unless PORTAL_REQUIRE_BROWSER is set (as in CI).
The fixtures `chromium`, `site` and `page` are in tests/conftest.py.
"""

import re

from django.urls import reverse
from django.utils import translation

from wagtail.models import Page

import pytest
from playwright.sync_api import expect

from downloads.models import PortalDocument
from home.models import TopicPage
from partners.models import PartnerIndexPage
from portal.editorial.roles import APPROVERS, EDITORS, TRANSLATORS
from press.models import PressReleaseIndexPage
from tests import sample_files
from tests.helpers import PARTNERS_EN, create_accounts, log_in

pytestmark = pytest.mark.browser

# A stylesheet that failed to load has no readable rules (reading them throws).
STYLESHEETS_LOADED = """() => {
    const rules = [...document.styleSheets].map(sheet => {
        try { return sheet.cssRules.length; } catch { return 0; }
    });
    return rules.length > 0 && rules.every(Boolean);
}"""

HOME_DE, HOME_EN = "/de/", "/en/"
TOPIC_DE = "/de/integration-und-arbeit/interkulturelle-oeffnung/"
TOPIC_EN = "/en/integration-and-work/intercultural-opening/"


def open_page(page, site, path):
    response = page.goto(site + path)
    assert response.ok, f"{path}: HTTP {response.status}"
    assert page.evaluate(STYLESHEETS_LOADED), f"{path}: the stylesheet did not load"


def expect_page(page, site, path, lang, heading):
    expect(page).to_have_url(site + path)
    expect(page.locator("html")).to_have_attribute("lang", lang)
    expect(page.locator("h1")).to_have_text(heading)


def switch_language(page, name):
    page.locator("nav.language-switcher").get_by_role("link", name=name, exact=True).click()


@pytest.mark.parametrize(
    ("german", "english", "german_heading", "english_heading"),
    [
        (HOME_DE, HOME_EN, "chancen.nrw", "chancen.nrw"),
        (TOPIC_DE, TOPIC_EN, "Interkulturelle Öffnung", "Intercultural opening"),
    ],
    ids=["home", "topic"],
)
def test_language_switcher_leads_to_the_translation_and_back(
    page, site, german, english, german_heading, english_heading
):
    open_page(page, site, german)
    expect_page(page, site, german, "de", german_heading)
    switch_language(page, "English")
    expect_page(page, site, english, "en", english_heading)
    switch_language(page, "Deutsch")
    expect_page(page, site, german, "de", german_heading)


@pytest.mark.parametrize(
    ("path", "text"),
    [(TOPIC_DE, "Zum Inhalt springen"), (TOPIC_EN, "Skip to content")],
    ids=["de", "en"],
)
def test_skip_link_is_the_first_tab_stop_and_moves_focus_to_main(page, site, path, text):
    open_page(page, site, path)
    page.keyboard.press("Tab")
    focused = page.locator(":focus")
    expect(focused).to_have_text(text)
    page.keyboard.press("Enter")
    expect(page).to_have_url(site + path + "#main")
    expect(page.locator("main#main")).to_be_focused()


# Editorial workflow -------------------------------------------------------------------------

NEW_LEAD = "Vielfalt in der Verwaltung: so gelingt die interkulturelle Öffnung."


@pytest.fixture
def editorial_flow(site):
    """An editor, an approver and the German topic page's editor address."""
    create_accounts(redakteurin=EDITORS, freigeberin=APPROVERS)
    topic = TopicPage.objects.get(locale__language_code="de", slug="interkulturelle-oeffnung")
    return f"/admin/pages/{topic.pk}/edit/"


def choose_action(page, button):
    """Open the editor's action menu (the arrow beside "Entwurf speichern") and pick `button`."""
    page.locator("footer .w-dropdown__toggle").first.click()
    page.locator(button).click()


def visitor_reads(page, site, path, text):
    page.context.clear_cookies()
    open_page(page, site, path)
    return text in page.locator("main").inner_text()


def test_editor_submits_approver_releases_visitor_sees_it(editorial_flow, page, site):
    edit_url = site + editorial_flow
    log_in(page, site, "redakteurin")
    page.goto(edit_url)
    page.fill("#id_lead", NEW_LEAD)
    choose_action(page, 'button[name="action-submit"]')
    expect(page.locator(".messages")).to_contain_text("Interkulturelle Öffnung")

    assert not visitor_reads(page, site, TOPIC_DE, NEW_LEAD)

    log_in(page, site, "freigeberin")
    page.goto(edit_url)
    # "Freigeben" asks for confirmation in Wagtail's action dialog (optional comment).
    choose_action(page, 'button[data-workflow-action-name="approve"]')
    page.locator("form:has(textarea[name='comment']) button[type='submit']").click()
    expect(page.locator(".messages")).to_contain_text(
        "„Interkulturelle Öffnung“ wurde freigegeben und veröffentlicht."
    )

    assert visitor_reads(page, site, TOPIC_DE, NEW_LEAD)


NEW_HEADING = "Partners wanted across the state"


@pytest.fixture
def translation_flow(site):
    """A translator, an approver and the English "Wir sind Partner"'s editor address."""
    create_accounts(uebersetzerin=TRANSLATORS, freigeberin=APPROVERS)
    english = PartnerIndexPage.objects.get(locale__language_code="en")
    return f"/admin/pages/{english.pk}/edit/"


def test_translator_submits_approver_releases_english_visitor_sees_it(translation_flow, page, site):
    log_in(page, site, "uebersetzerin")
    page.goto(site + translation_flow)
    segment = page.locator("li", has_text="Partner gewinnen").last
    segment.get_by_role("button", name=re.compile("Bearbeiten|Übersetzen")).click()
    segment.locator("textarea").fill(NEW_HEADING)
    segment.get_by_role("button", name="Speichern").click()
    expect(segment).to_contain_text(NEW_HEADING)
    page.locator('a[href*="/admin/translations/"][href$="/submit/"]').click()
    page.locator('main form button[type="submit"]').click()
    expect(page.locator(".messages")).to_contain_text("Freigabe")

    assert not visitor_reads(page, site, PARTNERS_EN, NEW_HEADING)

    log_in(page, site, "freigeberin")
    review = page.locator("tr", has_text="We are partners")
    review.locator(".w-dropdown__toggle").click()
    review.locator('button[data-workflow-action-url*="/approve/"]').click()
    # "Freigeben" asks for confirmation first (with an optional comment).
    page.locator("form:has(textarea[name='comment']) button[type='submit']").click()
    expect(page.locator("tr", has_text="We are partners")).to_have_count(0, timeout=15_000)

    assert visitor_reads(page, site, PARTNERS_EN, NEW_HEADING)


NEW_BROCHURE = sample_files.pdf_bytes(pages=3, text="Leitfaden, zweite Auflage")


@pytest.fixture
def brochure_flow(site, tmp_path):
    """An editor, an approver, the brochure's address and bytes, and the new file on disk."""
    create_accounts(redakteurin=EDITORS, freigeberin=APPROVERS)
    brochure = PortalDocument.objects.get(title__startswith="Migrantenselbstorganisationen")
    with brochure.open_file() as file:
        old = file.read()
    new_file = tmp_path / "leitfaden-neu.pdf"
    new_file.write_bytes(NEW_BROCHURE)
    return {"url": brochure.url, "title": brochure.title, "old": old, "new_file": new_file}


def visitor_downloads(page, site, url):
    page.context.clear_cookies()
    response = page.request.get(site + url)
    assert response.ok, f"{url}: HTTP {response.status}"
    return response.body()


def test_editor_replaces_the_brochure_visitors_get_it_after_release(brochure_flow, page, site):
    log_in(page, site, "redakteurin")
    page.goto(site + "/admin/documents/add/")
    page.fill("#id_title", "Leitfaden, zweite Auflage")
    page.set_input_files("#id_file", brochure_flow["new_file"])
    page.select_option("#id_replaces", label=brochure_flow["title"])
    page.locator('main form button[type="submit"]').click()
    expect(page.locator(".messages")).to_contain_text("Leitfaden, zweite Auflage")

    assert visitor_downloads(page, site, brochure_flow["url"]) == brochure_flow["old"]

    log_in(page, site, "freigeberin")
    page.goto(site + "/admin/dateien-zur-freigabe/")
    row = page.locator("tr", has_text="Leitfaden, zweite Auflage")
    row.get_by_role("button", name="Freigeben").click()
    expect(page.locator(".messages")).to_contain_text("freigegeben")

    assert visitor_downloads(page, site, brochure_flow["url"]) == NEW_BROCHURE


# Phone to desktop: no sideways scrolling, no text beyond the viewport -------------------------

LAYOUT_WIDTHS = [320, 390, 768, 1280]
MISSING_PAGE = "gibt-es-nicht-404/"

# What sticks out: the document's scroll width beyond the viewport; the innermost visible
# elements whose box ends right of it (their containers only stick out because of them);
# every text line that runs out of its box past it (a long German compound in a heading whose
# box fits); every element that clips its content sideways.
OVERFLOW = r"""() => {
    const width = window.innerWidth;
    const hidden = el => el.closest('.visually-hidden, .skip-link, .honeypot');
    const classes = el => typeof el.className === 'string' ? el.className.trim() : '';
    const name = el => el.tagName.toLowerCase()
        + (classes(el) ? '.' + classes(el).split(/\s+/).join('.') : '');
    const text = el => (el.textContent || '').trim().replace(/\s+/g, ' ').slice(0, 50);
    const found = [], wide = [];
    for (const el of document.body.querySelectorAll('*')) {
        const box = el.getBoundingClientRect();
        if ((box.width === 0 && box.height === 0) || hidden(el)) continue;
        if (box.right > width + 0.5) wide.push([el, box.right]);
        const clipped = el.scrollWidth - el.clientWidth;
        if (getComputedStyle(el).overflowX !== 'visible' && clipped > 1
            && !el.matches('input, select, textarea'))
            found.push(`${name(el)} clips ${clipped} px: ${text(el)}`);
    }
    for (const [el, right] of wide)
        if (!wide.some(([other]) => other !== el && el.contains(other)))
            found.push(`${name(el)} ends at ${Math.round(right)} px: ${text(el)}`);
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
    const range = document.createRange();
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        if (!node.textContent.trim() || hidden(node.parentElement)) continue;
        range.selectNodeContents(node);
        const right = Math.max(0, ...[...range.getClientRects()].map(rect => rect.right));
        if (right > width + 0.5)
            found.push(`text ends at ${Math.round(right)} px: ${text(node.parentElement)}`);
    }
    return {scrollWidth: document.documentElement.scrollWidth, found: [...new Set(found)]};
}"""


@pytest.fixture
def layout_paths(site):
    """Every live public page of both languages, search results, a press year and the 404 page.

    Read from the seed before the browser starts (see `page`): every page type in German and
    English, among them the legal pages, the forms, the brochure and the press archive.
    """
    pages = Page.objects.live().public().filter(depth__gt=1).order_by("path")
    paths = [page.url for page in pages]
    for archive in PressReleaseIndexPage.objects.live().public():
        release = archive.get_children().live().public().specific().first()
        if release:
            paths.append(archive.url + archive.reverse_subpage("year", args=[release.date.year]))
    missing = []
    for language in ("de", "en"):
        with translation.override(language):
            paths.append(reverse("search") + "?q=Partner")
        missing.append(f"/{language}/{MISSING_PAGE}")
    return {"pages": paths, "missing": missing}


def serve_missing_page_as_ok(page, statuses):
    """Let the `page` fixture accept the 404 page, whose layout is measured like any other."""

    def handle(route):
        response = route.fetch()
        statuses.append(response.status)
        route.fulfill(response=response, status=200)

    page.route(f"**/{MISSING_PAGE}", handle)


@pytest.mark.parametrize("width", LAYOUT_WIDTHS, ids=[f"{width}px" for width in LAYOUT_WIDTHS])
def test_no_page_scrolls_sideways_or_runs_out_of_the_viewport(layout_paths, page, site, width):
    page.set_viewport_size({"width": width, "height": 800})
    statuses = []
    serve_missing_page_as_ok(page, statuses)
    problems = []
    for path in layout_paths["pages"] + layout_paths["missing"]:
        open_page(page, site, path)
        measured = page.evaluate(OVERFLOW)
        if measured["scrollWidth"] > width:
            problems.append(f"{path} scrolls sideways by {measured['scrollWidth'] - width} px")
        problems.extend(f"{path}: {finding}" for finding in measured["found"][:8])
    assert len(layout_paths["pages"]) > 30, layout_paths["pages"]
    assert statuses == [404] * len(layout_paths["missing"]), statuses
    assert not problems, f"at {width} px:\n" + "\n".join(problems)
