"""Screenshots and click counts of the real admin for the editors' handbook (docs/handbuch/).

The role journeys (tests/test_role_journeys.py) and the German admin's browser tests
(tests/test_admin_browser.py) call `save` at the steps the handbook shows;
it does nothing unless PORTAL_HANDBOOK_SCREENSHOTS=1 (`make handbook`), so CI never writes
into the working tree. The pictures are 1280 px wide at most, cut to the part of the admin
the text talks about where one is given, and stored as 8-bit PNGs: a few dozen kilobytes
each in the repository.
"""

import os
import re
from pathlib import Path

from PIL import Image

HANDBOOK = Path(__file__).resolve().parent.parent / "docs" / "handbuch" / "README.md"
FOLDER = HANDBOOK.parent / "bilder"
ENABLED = os.environ.get("PORTAL_HANDBOOK_SCREENSHOTS") == "1"
SETTLE_MS = 500
COLOURS = 128  # the admin's flat colours survive a small palette


def save(page, name, target=None):
    """Photograph `target` (a locator), or else the visible window, as bilder/<name>.png."""
    if not ENABLED:
        return
    FOLDER.mkdir(parents=True, exist_ok=True)
    path = FOLDER / f"{name}.png"
    page.wait_for_timeout(SETTLE_MS)  # menus and messages fade in
    if target is None:
        page.screenshot(path=path)
    else:
        target.screenshot(path=path, animations="disabled")
    optimise(path)


def optimise(path):
    with Image.open(path) as image:
        small = image.convert("RGB").quantize(colors=COLOURS, method=Image.Quantize.MEDIANCUT)
    small.save(path, optimize=True)


# Clicks per journey of tests/test_role_journeys.py, from the dashboard on (typing is not
# counted; logging in is not part of a journey), and the row of the handbook's table
# "Wie viele Klicks?" that repeats each number.
CLICKS = {
    "editor_submit": (7, "Pressemitteilung schreiben und einreichen"),
    "approve": (3, "Freigeben (von der Startseite)"),
    "request_changes": (3, "Änderungen anfordern (mit Kommentar)"),
    "resubmit": (3, "Kommentar lesen, überarbeiten, erneut einreichen"),
    "translate_page": (8, "Seite übersetzen (zwei Texte) und einreichen"),
    "translate_partner": (6, "Partner übersetzen (ein Text) und einreichen"),
    "release_translations": (6, "Seite und Partner auf Englisch freigeben"),
}


def clicks_in_handbook():
    """{journey row: clicks} of the handbook's table "Wie viele Klicks?"."""
    rows = re.findall(r"^\| (.+?) \| [^|]+ \| (\d+) \|$", HANDBOOK.read_text(), re.M)
    return {label: int(clicks) for label, clicks in rows}
