"""Navigation as a visitor meets it: every page within three clicks, a correct "current"
marker, a search field in every header, and a language switch that keeps the search."""

from collections import deque
from html.parser import HTMLParser
from urllib.parse import urlsplit

from django.urls import reverse
from django.utils import translation

from wagtail.models import Page

import pytest

from downloads.models import DownloadIndexPage

MAX_CLICKS = 3


class Links(HTMLParser):
    """The links of a page, with the landmark (`nav` label or class) each one sits in."""

    def __init__(self):
        super().__init__()
        self.links = []  # (href, attributes, the classes of the enclosing navs)
        self.forms = []  # (attributes, [(tag, attributes) inside])
        self.labels = {}  # for → label attributes
        self._navs = []
        self._form = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "nav":
            self._navs.append(attrs.get("class", ""))
        elif tag == "a" and attrs.get("href"):
            self.links.append((attrs["href"], attrs, tuple(self._navs)))
        elif tag == "form":
            self._form = (attrs, [])
            self.forms.append(self._form)
        elif tag == "label" and attrs.get("for"):
            self.labels[attrs["for"]] = attrs
        if self._form is not None and tag in ("input", "button", "label"):
            self._form[1].append((tag, attrs))

    def handle_endtag(self, tag):
        if tag == "nav" and self._navs:
            self._navs.pop()
        elif tag == "form":
            self._form = None


def parse(response):
    parser = Links()
    parser.feed(response.content.decode())
    return parser


def site_links(response, prefix):
    """The paths of the page's links that stay in the site and in the language."""
    for href, _attrs, _navs in parse(response).links:
        parts = urlsplit(href)
        if parts.netloc in ("", "testserver") and parts.path.startswith(prefix):
            yield parts.path  # the query (filters, result pages) shows the same page


def crawl(client, start):
    """Breadth-first from `start`: every HTML page reached, with the clicks it took."""
    clicks = {start: 0}
    queue = deque([start])
    while queue:
        path = queue.popleft()
        response = client.get(path)
        is_html = response.get("Content-Type", "").startswith("text/html")
        if response.status_code != 200 or not is_html or clicks[path] == MAX_CLICKS:
            continue
        for link in site_links(response, start):
            if link not in clicks:
                clicks[link] = clicks[path] + 1
                queue.append(link)
    return clicks


def linkable_pages(language):
    # Every live, public page of the language's tree. Nothing else is left out: the tree's
    # root (depth 1) belongs to no language and is never served, pages behind a view
    # restriction are not public, and the forms' thank-you pages are no pages of the tree
    # (a form answers its POST with them), so none of them is filtered here.
    return Page.objects.live().public().filter(locale__language_code=language, depth__gt=1)


@pytest.mark.parametrize("language", ["de", "en"])
def test_every_live_page_is_reached_from_home_within_three_clicks(seeded, client, language):
    reached = crawl(client, f"/{language}/")
    pages = {page.url: page.title for page in linkable_pages(language)}
    assert len(pages) > 15
    missing = {url: title for url, title in pages.items() if url not in reached}
    assert not missing, f"not reached within {MAX_CLICKS} clicks: {missing}"


@pytest.mark.parametrize(
    ("home", "archive", "directory", "form"),
    [
        (
            "/de/",
            "/de/pressemitteilungen/",
            "/de/integration-und-arbeit/interkulturelle-oeffnung/wir-sind-partner/",
            "/de/integration-und-arbeit/interkulturelle-oeffnung/wir-sind-partner/partner-werden/",
        ),
        (
            "/en/",
            "/en/press-releases/",
            "/en/integration-and-work/intercultural-opening/we-are-partners/",
            "/en/integration-and-work/intercultural-opening/we-are-partners/become-a-partner/",
        ),
    ],
    ids=["de", "en"],
)
def test_press_archive_in_menu_and_footer_partner_pages_in_their_section(
    seeded, client, home, archive, directory, form
):
    links = parse(client.get(home)).links
    assert any(href == archive and "main-navigation" in navs for href, _, navs in links)
    assert any(href == archive and "footer-navigation" in navs for href, _, navs in links)
    section = "/".join(directory.split("/")[:3]) + "/"
    section_links = [
        href for href, _, navs in parse(client.get(section)).links if "section-navigation" in navs
    ]
    assert directory in section_links and form in section_links
    topic = directory.rsplit("/", 2)[0] + "/"
    teasers = [href for href, _, navs in parse(client.get(topic)).links if not navs]
    assert directory in teasers, "the topic page lists the partner directory among its pages"


def main_navigation_marks(client, url):
    """The main navigation's links that are marked as current: {href: aria-current}."""
    links = parse(client.get(url)).links
    return {
        href: attrs["aria-current"]
        for href, attrs, navs in links
        if "main-navigation" in navs and "aria-current" in attrs
    }


def test_downloads_is_current_only_on_the_downloads_pages(seeded, client):
    downloads = DownloadIndexPage.objects.get(locale__language_code="de")
    for page in linkable_pages("de"):
        marks = main_navigation_marks(client, page.url)
        if page.pk == downloads.pk:
            assert marks == {downloads.url: "page"}
        elif page.is_descendant_of(downloads):
            assert marks == {downloads.url: "true"}, page.url
        else:
            assert downloads.url not in marks, f"{page.url} marks Downloads: {marks}"


@pytest.mark.parametrize(
    ("url", "marks"),
    [
        ("/de/", {"/de/": "page"}),
        ("/de/integration-und-arbeit/", {"/de/integration-und-arbeit/": "page"}),
        (
            "/de/integration-und-arbeit/interkulturelle-oeffnung/wir-sind-partner/",
            {"/de/integration-und-arbeit/": "true"},
        ),
        (
            "/de/pressemitteilungen/partnerveranstaltung-im-ministerium/",
            {"/de/pressemitteilungen/": "true"},
        ),
        ("/de/impressum/", {}),
        ("/en/press-releases/", {"/en/press-releases/": "page"}),
    ],
)
def test_main_navigation_marks_the_page_and_its_section(seeded, client, url, marks):
    assert main_navigation_marks(client, url) == marks


def test_section_navigation_marks_the_page_shown(seeded, client):
    url = "/de/integration-und-arbeit/interkulturelle-oeffnung/wir-sind-partner/"
    links = parse(client.get(url)).links
    current = [
        (href, attrs["aria-current"])
        for href, attrs, navs in links
        if "section-navigation" in navs and "aria-current" in attrs
    ]
    assert current == [
        ("/de/integration-und-arbeit/", "true"),
        ("/de/integration-und-arbeit/interkulturelle-oeffnung/", "true"),
        (url, "page"),
    ]


def one_page_of_each_type(language):
    pages = {}
    for page in linkable_pages(language).select_related("content_type").order_by("path"):
        pages.setdefault(page.content_type_id, page.url)
    return sorted(pages.values())


def header_search_form(response):
    parser = parse(response)
    forms = [(attrs, fields) for attrs, fields in parser.forms if "site-search" in attrs["class"]]
    assert len(forms) == 1, "one search form in the header"
    attrs, fields = forms[0]
    return attrs, fields, parser.labels


@pytest.mark.parametrize(("language", "search"), [("de", "/de/suche/"), ("en", "/en/search/")])
def test_every_page_type_has_a_labelled_search_field_in_the_header(
    seeded, client, language, search
):
    with translation.override(language):
        assert reverse("search") == search
    urls = [*one_page_of_each_type(language), search, f"/{language}/gibt-es-nicht/"]
    assert len(urls) > 10
    for url in urls:
        response = client.get(url)
        attrs, fields, labels = header_search_form(response)
        assert attrs["method"] == "get" and attrs["action"] == search, url
        inputs = [field for tag, field in fields if tag == "input"]
        assert [field["name"] for field in inputs] == ["q"], url
        assert inputs[0]["id"] in labels, f"{url}: the field has a label"
        assert any(tag == "button" and field["type"] == "submit" for tag, field in fields)


def test_header_search_leads_to_the_results(seeded, client):
    attrs, _, _ = header_search_form(client.get("/en/"))
    response = client.get(attrs["action"], {"q": "partners"})
    assert response.status_code == 200
    assert "partners" in response.content.decode()


def local(url):
    """The path and query of an absolute URL."""
    parts = urlsplit(url)
    return f"{parts.path}?{parts.query}" if parts.query else parts.path


def alternates(content):
    parser = AlternateLinks()
    parser.feed(content)
    return parser.alternates, parser.canonical


class AlternateLinks(HTMLParser):
    def __init__(self):
        super().__init__()
        self.alternates, self.canonical = {}, None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "link" and attrs.get("rel") == "alternate" and "hreflang" in attrs:
            self.alternates[attrs["hreflang"]] = local(attrs["href"])
        elif tag == "link" and attrs.get("rel") == "canonical":
            self.canonical = local(attrs["href"])


def switcher_link(response, language):
    return next(
        href
        for href, attrs, navs in parse(response).links
        if "language-switcher" in navs and attrs.get("hreflang") == language
    )


@pytest.mark.parametrize(
    ("url", "other_language", "expected"),
    [
        ("/de/suche/?q=Partner+werden", "en", "/en/search/?q=Partner+werden"),
        ("/en/search/?q=%C3%96ffnung", "de", "/de/suche/?q=%C3%96ffnung"),
        ("/de/suche/", "en", "/en/search/"),
    ],
)
def test_switching_language_on_the_search_keeps_the_query(
    seeded, client, url, other_language, expected
):
    response = client.get(url)
    assert switcher_link(response, other_language) == expected
    assert client.get(expected).status_code == 200


def test_switching_language_keeps_the_result_page(seeded, client):
    from tests.factories import TopicPageFactory

    section = Page.objects.get(url_path="/home/integration-und-arbeit/")
    for number in range(12):
        TopicPageFactory(parent=section, title=f"Seitenzahl Thema {number}")
    response = client.get("/de/suche/", {"q": "Seitenzahl", "seite": "2"})
    assert switcher_link(response, "en") == "/en/search/?q=Seitenzahl&seite=2"


def test_search_page_has_hreflang_alternates_consistent_with_its_canonical(seeded, client):
    content = client.get("/de/suche/?q=Partner").content.decode()
    links, canonical = alternates(content)
    assert set(links) == {"de", "en", "x-default"}
    assert canonical == "/de/suche/?q=Partner"
    assert links["de"] == canonical and links["x-default"] == canonical
    assert links["en"] == "/en/search/?q=Partner"
    english_links, english_canonical = alternates(
        client.get("/en/search/?q=Partner").content.decode()
    )
    assert english_links == links and english_canonical == links["en"]
