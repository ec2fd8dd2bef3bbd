"""Render the portal's default share image (Open Graph / Twitter card), 1200×630 PNG, from the
wordmark SVG (site/static/brand/chancen-nrw.svg) in the portal's font, with Chromium.

    .venv/bin/python tools/share_image.py   # writes site/static/brand/share.png
"""

from pathlib import Path

from playwright.sync_api import sync_playwright

ROOT = Path(__file__).resolve().parent.parent
BRAND = ROOT / "site" / "static" / "brand"
FONTS = ROOT / "site" / "static" / "kern" / "fonts" / "fira-sans.css"

PAGE = """<!DOCTYPE html><html lang="de"><head><meta charset="utf-8">
<link rel="stylesheet" href="{fonts}">
<style>
html, body {{ margin: 0; width: 1200px; height: 630px; }}
body {{ display: flex; flex-direction: column; justify-content: center; align-items: center;
  background: #ffffff; border-bottom: 24px solid #00586f; box-sizing: border-box;
  font-family: 'Fira Sans', sans-serif; }}
img {{ width: 910px; height: 168px; }}
p {{ margin: 48px 0 0; font-size: 40px; color: #003b4b; }}
</style></head><body>
<img src="{svg}" alt="">
<p>Interkulturelle Öffnung in Nordrhein-Westfalen</p>
</body></html>"""


def main():
    html = BRAND / "_share.html"
    html.write_text(
        PAGE.format(fonts=FONTS.as_uri(), svg=(BRAND / "chancen-nrw.svg").as_uri()),
        encoding="utf-8",
    )
    try:
        with sync_playwright() as playwright:
            browser = playwright.chromium.launch(
                executable_path="/usr/bin/chromium",
                args=[
                    "--no-sandbox",
                    "--disable-gpu",
                    "--disable-background-networking",
                    "--allow-file-access-from-files",
                ],
            )
            page = browser.new_page(viewport={"width": 1200, "height": 630})
            page.goto(html.as_uri())
            page.evaluate("document.fonts.ready")
            page.screenshot(path=str(BRAND / "share.png"))
            browser.close()
    finally:
        html.unlink()
    print(BRAND / "share.png")


if __name__ == "__main__":
    main()
