"""The home page in a real browser at phone and desktop width: every block visible, nothing
sideways, the cover loaded. Screenshots go to $PORTAL_SCREENSHOTS when set (for a look)."""

import os
from pathlib import Path

import pytest

from tests.test_browser import open_page

pytestmark = pytest.mark.browser


@pytest.mark.parametrize("width", [390, 1280])
@pytest.mark.parametrize("path", ["/de/", "/en/"])
def test_home_blocks_fit_the_screen(page, site, path, width):
    page.set_viewport_size({"width": width, "height": 900})
    open_page(page, site, path)
    for selector in (".teasers", ".home-publication", ".home-news", ".home-cta", ".home-contact"):
        assert page.locator(selector).is_visible(), f"{path} {width}: {selector}"
    assert page.evaluate("document.documentElement.scrollWidth") <= width
    cover = page.locator(".home-publication__cover")
    assert cover.evaluate("img => img.complete && img.naturalWidth > 0")
    folder = os.environ.get("PORTAL_SCREENSHOTS")
    if folder:
        name = f"home-{path.strip('/')}-{width}.png"
        page.screenshot(path=str(Path(folder) / name), full_page=True)
