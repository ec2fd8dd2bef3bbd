"""Every page type in both languages, in every state a visitor meets, is valid HTML and
passes axe's WCAG 2.1 AA rules at 390 and 1280 px.

The views: every live public page, search (results, none, a query too long, no words), the
404 page, the partner directory and the press archive with good and bad filters, the downloads
with a bad page number, a press year without releases, and every form sent empty and with bad
values (errors), sent complete by a bot (the thank-you page, nothing stored) and once too
often (429).

- The W3C Nu HTML checker (npm `vnu-jar`, run with Java) validates them all in one run: the
  test client renders each view into a file, one JVM checks every file.
- axe-core (npm `axe-core`) runs in one Chromium session against the live server, at 1280 px
  and, after a resize (the public site has no script that reads the width), at 390 px, on
  every page and one view of each state of a page type (one form in error stands for both, one
  429 page for all forms of a language). Pages are loaded live; a view that answers an error
  status or a POST is rendered by the test client first and handed to the browser as the
  response to its address, with the real stylesheets.

Both tools come from package.json/package-lock.json (`make test` runs `npm ci`). Without them
(or without Java or Chromium) the tests are skipped, unless PORTAL_REQUIRE_BROWSER is set (CI).
"""

import json
import os
import re
import shutil
import subprocess
from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import quote

from django import forms
from django.contrib.auth.models import AnonymousUser
from django.core.cache import cache
from django.db import transaction
from django.test import Client, override_settings
from django.urls import reverse
from django.utils import translation

from wagtail.models import Page

import pytest

from downloads.models import DownloadIndexPage, PortalDocument
from partners.models import PartnerIndexPage
from portal.form_pages import PortalFormPage
from press.models import PressReleaseIndexPage
from tests.helpers import ROOT, honeypot_fields
from tests.test_browser import STYLESHEETS_LOADED

NODE_MODULES = ROOT / "node_modules"
VNU_JAR = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"
AXE_JS = NODE_MODULES / "axe-core" / "axe.min.js"
LANGUAGES = ("de", "en")
WIDTHS = (1280, 390)
WCAG_21_AA = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"]
LONG = "Quadratwurzel" * 16  # longer than any search or filter field takes
NOWHERE = "Quadratwurzelziehen"  # found nowhere


def require(available, reason):
    """Skip without a tool, or fail when PORTAL_REQUIRE_BROWSER is set (CI)."""
    if available:
        return
    if os.environ.get("PORTAL_REQUIRE_BROWSER"):
        pytest.fail(f"{reason}, but PORTAL_REQUIRE_BROWSER is set.")
    pytest.skip(f"{reason} (set PORTAL_REQUIRE_BROWSER to make this a failure).")


@pytest.fixture(scope="session")
def vnu():
    """The command line of the Nu HTML checker, errors only, as JSON on stdout."""
    require(VNU_JAR.exists(), f"{VNU_JAR} is missing: `make test` installs it with npm ci")
    java = shutil.which("java")
    require(java, "java is not installed (Debian: default-jre-headless)")
    return [java, "-jar", str(VNU_JAR), "--errors-only", "--format", "json", "--stdout"]


@pytest.fixture(scope="session")
def axe_source():
    require(AXE_JS.exists(), f"{AXE_JS} is missing: `make test` installs it with npm ci")
    return AXE_JS.read_text()


# The views --------------------------------------------------------------------------------


@dataclass
class View:
    name: str
    path: str
    data: dict | None = None  # POSTed when set
    status: int = 200
    kind: str = ""  # the page type and state, in one language; the name when empty
    html: str = field(default="", repr=False)

    @property
    def loads_live(self):
        return self.data is None and self.status == 200

    @property
    def file_name(self):
        return re.sub(r"[^a-z0-9]+", "-", self.name.lower()).strip("-") + ".html"


def form_fields(page):
    return page.get_form(page=page, user=AnonymousUser()).fields.items()


def complete_answers(page):
    """Values that pass every field of the form page's form, as a visitor would type them."""
    answers = {}
    for name, form_field in form_fields(page):
        if isinstance(form_field, forms.BooleanField):
            answers[name] = "on"
        elif isinstance(form_field, forms.EmailField):
            answers[name] = "erika@example.org"
        elif isinstance(form_field, forms.URLField):
            answers[name] = "https://example.org/"
        elif isinstance(form_field, forms.IntegerField):
            answers[name] = "1"
        elif isinstance(form_field, forms.MultipleChoiceField):
            answers[name] = [form_field.choices[0][0]]
        elif isinstance(form_field, forms.ChoiceField):
            answers[name] = next(value for value, _label in form_field.choices if value)
        else:
            answers[name] = "Erika Mustermann"
    return answers


def bad_answers(page):
    """Values every field refuses (and shows again): an address without its domain, a link
    that is none, a number in words, an unknown choice, text beyond the field's limit."""
    answers = {}
    for name, form_field in form_fields(page):
        if isinstance(form_field, forms.EmailField):
            answers[name] = "erika@"
        elif isinstance(form_field, forms.URLField):
            answers[name] = "meine Seite"
        elif isinstance(form_field, forms.IntegerField):
            answers[name] = "viele"
        elif isinstance(form_field, forms.ChoiceField):
            answers[name] = "unbekannt"
        elif isinstance(form_field, forms.CharField) and form_field.max_length:
            answers[name] = "x" * (form_field.max_length + 1)
    return answers


def views():
    """Every view of the site a visitor can meet, in both languages."""
    pages = Page.objects.live().public().filter(depth__gt=1).specific().order_by("path")
    result = []
    for page in pages:
        language = page.locale.language_code
        kind = f"{language} {type(page).__name__}"
        name = f"{kind} {page.slug}"

        def state(label, path, kind_label=None, **more):
            kind_of_state = f"{kind} {kind_label or label}"  # noqa: B023
            return View(f"{name} {label}", path, kind=kind_of_state, **more)  # noqa: B023

        result.append(View(name, page.url))  # each page a kind of its own: blocks differ
        if isinstance(page, PortalFormPage):
            bot = {**complete_answers(page), **honeypot_fields("http://spam.example")}
            # Both are the form in error: axe looks at the first, the Nu checker at both.
            result.append(state("sent empty", page.url, "in error", data={}))
            result.append(state("bad values", page.url, "in error", data=bad_answers(page)))
            result.append(state("thank-you page", page.url, data=bot))
            too_many = f"{language} too many requests"
            result.append(View(f"{name} once too often", page.url, {}, 429, kind=too_many))
        if isinstance(page, PartnerIndexPage):
            result.append(state("filtered", f"{page.url}?q=K%C3%B6ln"))
            result.append(state("nothing found", f"{page.url}?q={NOWHERE}"))
            result.append(state("bad filters", f"{page.url}?art=unbekannt&q={LONG}"))
        if isinstance(page, DownloadIndexPage):
            result.append(state("bad page number", f"{page.url}?seite=x"))
        if isinstance(page, PressReleaseIndexPage):
            release = page.get_children().live().public().specific().first()
            year = page.url + page.reverse_subpage("year", args=[release.date.year])
            result.append(state("year", year))
            result.append(state("bad filters", f"{page.url}?thema=unbekannt&seite=x"))
            empty_year = page.url + page.reverse_subpage("year", args=[1999])
            result.append(state("year without releases", empty_year, status=404))
    for language in LANGUAGES:
        with translation.override(language):
            search = reverse("search")
        result += [
            View(f"{language} search", search),
            View(f"{language} search results", f"{search}?q=Partner"),
            View(f"{language} search nothing found", f"{search}?q={NOWHERE}"),
            View(f"{language} search too long", f"{search}?q={quote(LONG * 2)}"),
            View(f"{language} search no words", f"{search}?q=%22%2B%22"),
            View(f"{language} page not found", f"/{language}/gibt-es-nicht/", status=404),
        ]
    return result


def one_of_each_kind(views):
    """The first view of each kind: every page, one view of each state of a page type."""
    kinds = {}
    for view in views:
        kinds.setdefault(view.kind or view.name, view)
    return list(kinds.values())


def render(client, views):
    """Each view's HTML from the test client; the status must be the expected one."""
    wrong = []
    for view in views:
        post = view.data is not None
        # The forms' rate limit: reached already for the 429 view, out of reach for the others.
        rate = "0/d" if view.status == 429 else "1000/d"
        with override_settings(PORTAL_FORM_RATE=rate):
            response = client.post(view.path, view.data) if post else client.get(view.path)
        if response.status_code != view.status:
            wrong.append(f"{view.name}: {view.path} answered {response.status_code}")
        view.html = response.content.decode()
    assert not wrong, "\n".join(wrong)
    return views


@pytest.fixture(scope="module")
def rendered(django_db_setup, django_db_blocker):
    """Every view, rendered once for the tests that read them, in a transaction rolled back
    afterwards (like a test's)."""
    with django_db_blocker.unblock(), transaction.atomic():
        result = render(Client(), views())
        transaction.set_rollback(True)
    return result


# The Nu HTML checker ----------------------------------------------------------------------


def nu_errors(vnu, views, folder):
    """The checker's errors, one line each: view, address, line, message, extract."""
    by_file = {}
    for view in views:
        path = folder / view.file_name
        path.write_text(view.html)
        by_file[path.name] = view
    result = subprocess.run(  # noqa: S603 – fixed command line
        [*vnu, *(str(folder / name) for name in by_file)],
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )
    try:
        messages = json.loads(result.stdout)["messages"]
    except (ValueError, KeyError):
        pytest.fail(f"the Nu checker gave no report: {result.stdout} {result.stderr}")
    found = []
    for message in messages:
        view = by_file.get(message.get("url", "").rsplit("/", 1)[-1])
        where = f"{view.name} ({view.path})" if view else message.get("url", "?")
        extract = " ".join(message.get("extract", "").split())
        found.append(
            f"{where}, line {message.get('lastLine', '?')}: {message['message']} [{extract}]"
        )
    return found


# Refused values shown again --------------------------------------------------------------

BARRIER_DE = "/de/barrierefreiheit/barriere-melden/"
ORDER_DE = "/de/downloads/migrantenselbstorganisationen-als-partner/bestellen/"


def input_named(html, name):
    return re.search(rf'<input[^>]*name="{name}"[^>]*>', html)[0]


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("path", "name", "typed", "present", "absent"),
    [
        (BARRIER_DE, "adresse_der_seite", "meine Seite", ['type="text"', 'inputmode="url"'], "url"),
        (BARRIER_DE, "adresse_der_seite", "https://example.org/a", ['type="url"'], "text"),
        (ORDER_DE, "quantity", "viele", ['type="text"', 'inputmode="numeric"'], "number"),
        (ORDER_DE, "quantity", "0", ['type="number"', 'min="1"', 'max="50"'], "text"),
    ],
    ids=["bad-url", "good-url", "number-in-words", "number-out-of-range"],
)
def test_a_refused_value_is_shown_again_in_a_field_that_may_hold_it(
    seeded, client, path, name, typed, present, absent
):
    """The form comes back with what the visitor typed, for correction. A value an address or
    number field cannot hold in valid HTML is shown in a text field with the same keyboard
    (inputmode); a well-formed one keeps its type."""
    cache.clear()  # the forms' rate limit counts in the cache
    html = client.post(path, {name: typed}).content.decode()
    field = input_named(html, name)
    assert f'value="{typed}"' in field, field
    assert all(part in field for part in present), field
    assert f'type="{absent}"' not in field, field
    if absent == "number":
        assert "min=" not in field and "max=" not in field, field  # not allowed on text


# The language of parts: what the checker cannot see ----------------------------------------

VOID_ELEMENTS = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta"}
VOID_ELEMENTS |= {"source", "track", "wbr"}


class LanguageOfParts(HTMLParser):
    """Where each of `texts` occurs in a page, with the language its element is marked with."""

    def __init__(self, texts):
        super().__init__()
        self.texts, self.open, self.found = texts, [], []

    def handle_starttag(self, tag, attrs):
        if tag not in VOID_ELEMENTS:
            self.open.append((tag, dict(attrs).get("lang")))

    def handle_endtag(self, tag):
        while self.open and self.open.pop()[0] != tag:
            pass

    def handle_data(self, data):
        language = next((lang for _tag, lang in reversed(self.open) if lang), None)
        self.found.extend((text, language) for text in self.texts if text in data)


def unmarked_titles(view, titles_by_language):
    """Titles of documents in another language than the view's, shown without their `lang`."""
    view_language = view.path.split("/")[1]
    foreign = {t: lang for t, lang in titles_by_language.items() if lang != view_language}
    parser = LanguageOfParts(foreign)
    parser.feed(view.html)
    return [
        f"{view.name} ({view.path}): „{text}“ in lang={language}, not {foreign[text]}"
        for text, language in parser.found
        if language != foreign[text]
    ]


# A page the checker must refuse, checked in the same run: proof that it ran and that its
# errors reach the report with the view and the line.
CANARY = View("canary", "/de/kaputt/", html="<!DOCTYPE html>\n<html lang=de>\n<p>kaputt")


@pytest.mark.django_db
def test_every_view_is_valid_html(vnu, seeded, rendered, tmp_path):
    assert len(rendered) > 60, [view.name for view in rendered]
    errors = nu_errors(vnu, [CANARY, *rendered], tmp_path)
    canary = [error for error in errors if error.startswith("canary (/de/kaputt/), line 3: ")]
    assert len(canary) == 1 and "title" in canary[0], errors
    errors.remove(canary[0])
    assert not errors, f"{len(errors)} Nu checker errors:\n" + "\n".join(errors)


@pytest.mark.django_db
def test_document_titles_in_another_language_are_marked_with_it(seeded, rendered):
    """A screen reader reads the German brochure's title on English pages in German (WCAG
    3.1.2): every element that shows it carries lang="de"."""
    titles = dict(PortalDocument.objects.values_list("title", "language"))
    assert "de" in titles.values(), titles
    english = [view for view in rendered if view.path.startswith("/en/")]
    unmarked = [line for view in english for line in unmarked_titles(view, titles)]
    assert not unmarked, "\n".join(unmarked)


# axe-core in Chromium ---------------------------------------------------------------------


def describe(violations):
    """One line per violation, with the CSS targets of the failing elements."""
    return [
        f"{violation['id']} ({violation['impact']}): {violation['help']} – "
        + "; ".join(" ".join(map(str, node["target"])) for node in violation["nodes"])
        for violation in violations
    ]


AXE_RUN = """async options => {
    const results = await axe.run(document, options);
    return {violations: results.violations, passes: results.passes.length};
}"""


def open_view(page, site, view):
    """Open the view in the tab: live, or (an error status, a POST) as the test client
    rendered it, served to the tab at its own address."""
    url = site.url + view.path
    if view.loads_live:
        response = page.goto(url)
        assert response.ok, f"{view.path}: HTTP {response.status}"
    else:

        def fulfil(route):
            route.fulfill(status=200, content_type="text/html; charset=utf-8", body=view.html)

        page.route(url, fulfil)
        try:
            page.goto(url)
        finally:
            page.unroute(url, fulfil)
    # axe's colour-contrast rule needs the real stylesheets.
    assert page.evaluate(STYLESHEETS_LOADED), f"{view.path}: a stylesheet did not load"


@pytest.fixture
def views_for_the_browser(site, client):
    """The views; those the tab cannot simply load (a POST, an error status) rendered by the
    test client, before the browser starts (see the `page` fixture)."""
    chosen = one_of_each_kind(views())
    render(client, [view for view in chosen if not view.loads_live])
    return chosen


@pytest.mark.browser
def test_every_view_has_no_wcag_21_aa_violations_at_390_and_1280_px(
    axe_source, views_for_the_browser, page, site
):
    options = {"runOnly": {"type": "tag", "values": WCAG_21_AA}, "resultTypes": ["violations"]}
    page.context.add_init_script(script=axe_source)
    found = []
    widths = list(WIDTHS)
    for view in views_for_the_browser:
        # One resize per view: each view starts at the width the one before ended with.
        open_view(page, site, view)
        for width in widths:
            page.set_viewport_size({"width": width, "height": 800})
            results = page.evaluate(AXE_RUN, options)
            assert results["passes"], f"{view.path}: axe checked nothing"
            found.extend(
                f"{view.name} ({view.path}) at {width} px: {line}"
                for line in describe(results["violations"])
            )
        widths.reverse()
    assert not found, f"{len(found)} axe violations:\n" + "\n".join(found)
