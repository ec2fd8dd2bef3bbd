"""The partner directory in Chromium: compact at 1280 px, nothing sideways from 320 px on.

Reuses the browser fixtures (`page`, `site` in tests/conftest.py) and the overflow probe of
tests/test_browser.py. Partners are added before the browser starts (see `page`).
"""

import pytest
from playwright.sync_api import expect, sync_playwright

from partners.models import PartnerKind
from tests.conftest import CHROMIUM_ARGS
from tests.factories import PartnerFactory
from tests.helpers import PARTNERS_DE, PARTNERS_EN
from tests.test_browser import LAYOUT_WIDTHS, OVERFLOW, open_page
from tests.test_html_checks import AXE_JS, AXE_RUN, WCAG_21_AA, describe, require

pytestmark = pytest.mark.browser

SCREEN_HEIGHT = 800
# The list's section: heading, filter, count, A–Z navigation and every row.
LIST_EXTENT = """() => {
    const list = document.getElementById('partnerliste').getBoundingClientRect();
    const rows = document.querySelectorAll('#partnerliste .partner');
    return {height: list.height, rows: rows.length,
            document: document.documentElement.scrollHeight};
}"""

LONG_NAME = "Landesarbeitsgemeinschaftsdachverbandsgeschäftsstellenkoordinierungsausschuss NRW e.V."
LONG_PLACE = "Nordrhein-Westfalen-Landeshauptstadtverwaltungsbezirksgemeinschaft"


@pytest.fixture
def long_partner(site):
    """A partner whose name, place and website are single very long words."""
    return PartnerFactory(
        name=LONG_NAME,
        place=LONG_PLACE,
        kind=PartnerKind.WELFARE_OR_SPORTS,
        website="https://www.integrationsbeauftragtenkoordinierungsstelle-nordrheinwestfalen.de/",
        measures="<p>Interkulturelle Öffnungsprozessbegleitungsmaßnahmenentwicklung</p>",
        time_frame="2024 bis 2026",
    )


def test_the_29_seed_partners_fit_in_two_screens_at_1280_px(page, site):
    page.set_viewport_size({"width": 1280, "height": SCREEN_HEIGHT})
    for path in (PARTNERS_DE, PARTNERS_EN):
        open_page(page, site, path)
        measured = page.evaluate(LIST_EXTENT)
        assert measured["rows"] == 29, path
        # Was 4,851 px for the list (7,763 px for the page) as a stack of cards.
        assert measured["height"] <= 2 * SCREEN_HEIGHT, (path, measured)


@pytest.mark.parametrize("width", LAYOUT_WIDTHS, ids=[f"{width}px" for width in LAYOUT_WIDTHS])
def test_directory_views_do_not_scroll_sideways(long_partner, page, site, width):
    page.set_viewport_size({"width": width, "height": SCREEN_HEIGHT})
    views = [
        PARTNERS_DE,
        PARTNERS_DE + "?art=wohlfahrt-sport&ort=" + LONG_PLACE + "#partnerliste",
        PARTNERS_DE + "?ort=Atlantis&seite=abc&q=" + "x" * 300,
        PARTNERS_EN + "?q=landesarbeitsgemeinschaft",
    ]
    problems = []
    for path in views:
        open_page(page, site, path)
        assert page.get_by_role("heading", name=LONG_NAME).count() == 1, path
        measured = page.evaluate(OVERFLOW)
        if measured["scrollWidth"] > width:
            problems.append(f"{path} scrolls sideways by {measured['scrollWidth'] - width} px")
        problems.extend(f"{path}: {finding}" for finding in measured["found"][:8])
    assert not problems, f"at {width} px:\n" + "\n".join(problems)


def test_filter_letters_and_pages_work_without_javascript(long_partner, chromium, site):
    """With JavaScript off: choose a kind and submit, jump to a letter."""
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium, args=CHROMIUM_ARGS)
        page = browser.new_context(java_script_enabled=False).new_page()
        page.set_viewport_size({"width": 390, "height": SCREEN_HEIGHT})
        page.goto(site.url + PARTNERS_DE)
        page.select_option("#id_art", "polizei")
        page.select_option("#id_ort", "Dortmund")
        page.get_by_role("button", name="Filtern").click()
        page.wait_for_url(lambda url: "art=polizei&ort=Dortmund" in url)
        rows = page.locator("#partnerliste .partner__name")
        assert rows.all_inner_texts() == ["Polizeipräsidium Dortmund"]
        page.get_by_role("link", name="Alle Partner zeigen").click()
        page.wait_for_url(lambda url: "art=" not in url)
        page.wait_for_load_state()
        assert page.locator("#partnerliste .partner").count() == 30
        page.locator(".partner-letters").get_by_role("link", name="W", exact=True).click()
        assert page.url.endswith("#buchstabe-w")
        expect(page.locator("#buchstabe-w")).to_be_in_viewport()  # scrolled to the letter
        browser.close()


@pytest.mark.parametrize("width", [390, 1280], ids=["390px", "1280px"])
def test_filtered_and_corrected_views_have_no_wcag_21_aa_violations(page, site, width):
    require(AXE_JS.exists(), f"{AXE_JS} is missing: `make test` installs it with npm ci")
    page.context.add_init_script(script=AXE_JS.read_text())
    page.set_viewport_size({"width": width, "height": SCREEN_HEIGHT})
    options = {"runOnly": {"type": "tag", "values": WCAG_21_AA}, "resultTypes": ["violations"]}
    for path in (
        PARTNERS_DE + "?art=polizei&ort=Dortmund",
        PARTNERS_DE + "?ort=Atlantis&art=unbekannt&seite=abc",  # error summary and notice
        PARTNERS_EN + "?q=kreis",
    ):
        open_page(page, site, path)
        results = page.evaluate(AXE_RUN, options)
        assert results["passes"], f"{path}: axe checked nothing"
        assert not results["violations"], f"{path}:\n{describe(results['violations'])}"
