"""The frontend on KERN: the vendored copy is the one SOURCE.txt names, every page loads KERN,
the theme's colours meet WCAG 2.1 AA, and the icons browsers ask for are there."""

import hashlib
import re
from pathlib import Path

from django.conf import settings

import pytest

STATIC = Path(settings.PROJECT_DIR) / "static"
KERN = STATIC / "kern"
THEME = STATIC / "css" / "theme.css"
TEMPLATES = Path(settings.PROJECT_DIR) / "templates"


def vendored_files():
    lines = (KERN / "SOURCE.txt").read_text().splitlines()
    facts = dict(line.split(": ", 1) for line in lines if ": " in line)
    checksums = [line.split("  ", 1) for line in lines if re.match(r"[0-9a-f]{64}  ", line)]
    files = {name: checksum for checksum, name in checksums}
    return facts, files


def test_the_vendored_kern_is_the_pinned_release_with_its_licence():
    facts, files = vendored_files()
    assert facts["package"] == "@kern-ux/native"
    assert re.fullmatch(r"\d+\.\d+\.\d+", facts["version"])
    assert facts["integrity"].startswith("sha512-")
    on_disk = {
        str(path.relative_to(KERN))
        for path in KERN.rglob("*")
        if path.is_file() and path.name != "SOURCE.txt"
    }
    assert set(files) == on_disk
    for name, checksum in files.items():
        assert hashlib.sha256((KERN / name).read_bytes()).hexdigest() == checksum, name
    assert "EUROPEAN UNION PUBLIC LICEN" in (KERN / "LICENSE.md").read_text().upper()


def test_the_font_stylesheet_names_only_vendored_fonts():
    css = (KERN / "fonts" / "fira-sans.css").read_text()
    fonts = re.findall(r'url\("\./([^"]+)"\)', css)
    assert fonts, css
    for font in fonts:
        assert (KERN / "fonts" / font).is_file(), font


@pytest.mark.django_db
def test_every_page_loads_kern_then_the_theme_from_the_portal_itself(client, seeded):
    html = client.get("/de/").content.decode()
    stylesheets = re.findall(r'<link rel="stylesheet" href="([^"]+)"', html)
    assert [Path(href).name for href in stylesheets] == [
        "fira-sans.css",
        "kern.min.css",
        "theme.css",
        "portal.css",
    ]
    assert all(href.startswith("/static/") for href in stylesheets)
    assert '<html lang="de">' in html
    assert re.search(r'<body class="[^"]*" data-kern-theme="light">', html)


def test_no_template_loads_anything_from_another_host():
    for template in TEMPLATES.rglob("*.html"):
        text = template.read_text()
        assert not re.search(r'(?:href|src)="(?:https?:)?//', text), template


# Contrast (WCAG 2.1, 1.4.3 and 1.4.11) ---------------------------------------------------------


def theme_colours():
    """The theme's custom properties, references resolved to hex colours."""
    declarations = dict(re.findall(r"(--[\w-]+):\s*([^;]+);", THEME.read_text()))

    def resolve(value):
        reference = re.fullmatch(r"var\((--[\w-]+)\)", value.strip())
        return resolve(declarations[reference.group(1)]) if reference else value.strip()

    return {name: resolve(value) for name, value in declarations.items()}


def luminance(hex_colour):
    channels = [int(hex_colour.lstrip("#")[i : i + 2], 16) / 255 for i in (0, 2, 4)]
    linear = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels]
    return 0.2126 * linear[0] + 0.7152 * linear[1] + 0.0722 * linear[2]


def contrast(first, second):
    darker, lighter = sorted([luminance(first), luminance(second)])
    return (lighter + 0.05) / (darker + 0.05)


TEXT, NON_TEXT = 4.5, 3
PAIRS = [
    # text and links on the page and on the hued panels (sidebar, breadcrumb, filters)
    ("--kern-color-layout-text-default", "--kern-color-layout-background-default", TEXT),
    ("--kern-color-layout-text-default", "--kern-color-layout-background-hued", TEXT),
    ("--kern-color-layout-text-muted", "--kern-color-layout-background-default", TEXT),
    ("--kern-color-layout-text-muted", "--kern-color-layout-background-hued", TEXT),
    ("--kern-color-action-default", "--kern-color-layout-background-default", TEXT),
    ("--kern-color-action-default", "--kern-color-layout-background-hued", TEXT),
    ("--kern-color-action-visited", "--kern-color-layout-background-default", TEXT),
    ("--kern-color-action-visited", "--kern-color-layout-background-hued", TEXT),
    # buttons, form fields, errors
    ("--kern-color-action-on-default", "--kern-color-action-default", TEXT),
    ("--kern-color-layout-text-default", "--kern-color-form-input-background", TEXT),
    ("--kern-color-form-input-border", "--kern-color-form-input-background", NON_TEXT),
    ("--kern-color-layout-text-default", "--kern-color-feedback-danger-background", TEXT),
    ("--kern-color-feedback-danger", "--kern-color-feedback-danger-background", NON_TEXT),
    ("--kern-color-action-focus-default", "--kern-color-layout-background-default", NON_TEXT),
    ("--kern-color-layout-border", "--kern-color-layout-background-default", NON_TEXT),
    # the frame: main navigation and footer on petrol, the wordmark's ".nrw"
    ("--kern-color-layout-text-inverse", "--portal-petrol-dark", TEXT),
    ("--portal-amber", "--portal-petrol-dark", NON_TEXT),
    ("--portal-ember", "--kern-color-layout-background-default", TEXT),
    ("--portal-petrol-dark", "--kern-color-layout-background-default", TEXT),
]


@pytest.mark.parametrize(("foreground", "background", "minimum"), PAIRS)
def test_theme_colours_meet_wcag_aa(foreground, background, minimum):
    colours = theme_colours()
    ratio = contrast(colours[foreground], colours[background])
    assert ratio >= minimum, f"{foreground} on {background}: {ratio:.2f}:1 < {minimum}:1"


# Wordmark and icons ------------------------------------------------------------------------


@pytest.mark.django_db
def test_favicon_is_served_where_browsers_ask_for_it(client):
    response = client.get("/favicon.ico")
    assert response.status_code == 200
    body = b"".join(response.streaming_content)
    assert body[:4] == b"\x00\x00\x01\x00"  # an ICO file


@pytest.mark.django_db
def test_pages_name_their_icons_and_the_wordmark(client, seeded):
    html = client.get("/en/").content.decode()
    assert '<link rel="icon" href="/favicon.ico" sizes="32x32">' in html
    assert 'href="/static/brand/favicon.svg" type="image/svg+xml"' in html
    assert 'rel="apple-touch-icon" href="/static/brand/apple-touch-icon.png"' in html
    brand = re.search(r'<a class="site-header__brand" href="/en/">(.*?)</a>', html, re.S).group(1)
    assert 'class="wordmark__mark"' in brand and 'aria-hidden="true"' in brand
    assert re.sub(r"<[^>]+>|\s+", "", brand).startswith("chancen.nrw")
    for name in ("favicon.svg", "chancen-nrw.svg", "apple-touch-icon.png", "icon-192.png"):
        assert (STATIC / "brand" / name).is_file(), name


# The pattern page -------------------------------------------------------------------------------

PATTERNS = ("/de/-/muster/", "/en/-/muster/")
COMPONENTS = [
    'class="kern-kopfzeile"',  # the frame: Kopfzeile, wordmark, navigation, footer
    'class="wordmark"',
    'class="main-navigation"',
    'class="breadcrumb"',
    'class="site-footer"',
    'class="page-header"',  # text and the body's blocks
    'class="quote"',
    'class="call-to-action"',
    'class="related-links"',
    "kern-btn kern-btn--primary",  # buttons
    "kern-btn kern-btn--secondary",
    "kern-alert kern-alert--info",  # alerts: a note and the error summary
    "kern-alert kern-alert--danger",
    "kern-form-input__input--error",  # form fields, empty and in error
    "kern-form-input__select",
    "kern-form-check__checkbox",
    'class="kern-error"',
    "teaser kern-card",  # cards
    "press-list__item kern-card",
    "teaser publication-teaser kern-card",
    'class="partner"',  # the partner directory's compact row
    'class="document-link"',  # documents, pagination, section navigation, sidebar panel
    'class="pagination"',
    'class="section-navigation"',
    'class="sidebar-panel"',
]


@pytest.mark.django_db
@pytest.mark.parametrize("path", PATTERNS)
def test_pattern_page_shows_every_component_in_development(client, seeded, settings, path):
    settings.DEBUG = True
    response = client.get(path)
    assert response.status_code == 200
    html = response.content.decode()
    missing = [component for component in COMPONENTS if component not in html]
    assert not missing, missing
    assert '<meta name="robots" content="noindex">' in html


@pytest.mark.django_db
@pytest.mark.parametrize("path", PATTERNS)
def test_pattern_page_does_not_exist_in_production(client, seeded, path):
    assert client.get(path).status_code == 404
