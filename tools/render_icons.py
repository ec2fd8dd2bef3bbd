"""Draw the portal's icons from its mark (site/static/brand/favicon.svg) with Chromium.

    .venv/bin/python tools/render_icons.py

Writes site/static/brand/apple-touch-icon.png (180 px, the mark on white, as iOS rounds the
corners itself), icon-192.png and icon-512.png, and site/static_root/favicon.ico (16, 32 and
48 px), which WhiteNoise serves at /favicon.ico (WHITENOISE_ROOT), where browsers ask for it.
Run it again after changing the mark; the files are committed, so nothing needs Chromium to
serve them.
"""

import io
from pathlib import Path

from PIL import Image
from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent / "site"
MARK = (ROOT / "static" / "brand" / "favicon.svg").read_text()
PAGE = """<!DOCTYPE html><html><body style="margin:0;background:{background}">
<div style="width:{size}px;height:{size}px;padding:{pad}px;box-sizing:border-box">{svg}</div>
</body></html>"""


def render(page, size, background="transparent", pad=0):
    svg = MARK.replace('width="48" height="48"', 'width="100%" height="100%"')
    page.set_viewport_size({"width": size, "height": size})
    page.set_content(PAGE.format(size=size, pad=pad, background=background, svg=svg))
    png = page.screenshot(omit_background=background == "transparent")
    return Image.open(io.BytesIO(png)).convert("RGBA")


def main():
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(
            executable_path="/usr/bin/chromium", args=["--no-sandbox"]
        )
        page = browser.new_page(device_scale_factor=1)
        brand = ROOT / "static" / "brand"
        render(page, 180, background="#ffffff", pad=14).convert("RGB").save(
            brand / "apple-touch-icon.png", optimize=True
        )
        for size in (192, 512):
            render(page, size).save(brand / f"icon-{size}.png", optimize=True)
        icons = [render(page, size) for size in (16, 32, 48)]
        (ROOT / "static_root").mkdir(exist_ok=True)
        icons[-1].save(
            ROOT / "static_root" / "favicon.ico",
            sizes=[(16, 16), (32, 32), (48, 48)],
            append_images=icons[:-1],
        )
        browser.close()


if __name__ == "__main__":
    main()
