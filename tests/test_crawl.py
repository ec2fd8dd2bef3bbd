"""A visitor who only follows links reaches every live page, and no link is broken.

The crawl starts at both home pages and follows every link of the site's own pages with
Django's test client: hyperlinks (`<a href>`), the `<link>`s of the head (canonical,
hreflang alternates, feeds, icons, stylesheets) and the images and scripts the pages load.
Pages are parsed and followed; files (documents, feeds, the sitemap) and static assets are
only requested. Nothing under /admin/ is followed.
"""

from collections import deque
from html.parser import HTMLParser
from urllib.parse import unquote, urldefrag, urljoin, urlsplit

from django.conf import settings
from django.contrib.staticfiles import finders
from django.core.files.storage import default_storage

from wagtail.models import Page
from wagtail.rich_text import RichText

import pytest

from home.models import StandardPage
from tests.factories import TopicPageFactory
from tests.helpers import section_de

START = ["/de/", "/en/"]
# More addresses than the seeded site has means a link generator runs away (a query string
# that grows with every click, an endless pagination).
LIMIT = 600
NOT_FOLLOWED = ("/admin/", "/django-admin/")
# (tag, attribute) pairs that point to a resource the page needs or offers.
REFERENCES = {
    ("a", "href"),
    ("area", "href"),
    ("link", "href"),
    ("img", "src"),
    ("script", "src"),
    ("source", "src"),
    ("iframe", "src"),
}
HOSTS = {"testserver", "localhost", "127.0.0.1"}


class Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.found = []

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        for name in ("href", "src"):
            if (tag, name) in REFERENCES and attributes.get(name):
                self.found.append(attributes[name])
        if tag == "img" and attributes.get("srcset"):
            self.found.extend(part.split()[0] for part in attributes["srcset"].split(","))


def links_of(html):
    parser = Links()
    parser.feed(html)
    return parser.found


def own_address(base, href):
    """The address of `href` on this site (path and query), or None for another site, a mail
    address or a link within the page."""
    url, _fragment = urldefrag(urljoin(base, href.strip()))
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or parts.hostname not in HOSTS:
        return None
    return parts.path + (f"?{parts.query}" if parts.query else "")


def crawl(client):
    """Every address reached from the home pages: {address: status}, {address: linking page},
    and the addresses of the pages parsed."""
    statuses, found_on, parsed = {}, dict.fromkeys(START, "(start)"), set()
    queue = deque(START)
    while queue:
        address = queue.popleft()
        assert len(statuses) < LIMIT, f"more than {LIMIT} addresses, last: {address}"
        path = urlsplit(address).path
        if path.startswith(settings.STATIC_URL):
            # WhiteNoise serves these in production; the test settings collect nothing.
            name = unquote(path.removeprefix(settings.STATIC_URL))
            statuses[address] = 200 if finders.find(name) else 404
            continue
        if path.startswith(settings.MEDIA_URL):
            # The web server serves these in production, Django only in development.
            name = unquote(path.removeprefix(settings.MEDIA_URL))
            statuses[address] = 200 if default_storage.exists(name) else 404
            continue
        response = client.get(address)
        statuses[address] = response.status_code
        content_type = response.get("Content-Type", "")
        if response.status_code in (301, 302, 307, 308):
            targets = [response["Location"]]
        elif response.status_code == 200 and content_type.startswith("text/html"):
            parsed.add(address)
            targets = links_of(response.content.decode())
        else:
            targets = []
        if response.streaming:
            # Read to the end: the test client then finishes the request (as a server would).
            b"".join(response.streaming_content)
        for href in targets:
            target = own_address(f"http://testserver{address}", href)
            if target is None or target in found_on:
                continue
            found_on[target] = address
            if not target.startswith(NOT_FOLLOWED):
                queue.append(target)
    return statuses, found_on, parsed


def broken_links(statuses, found_on):
    return [
        f"{address} answers {status}, linked from {found_on[address]}"
        for address, status in sorted(statuses.items())
        if status >= 400
    ]


def unreached_pages(parsed):
    live = Page.objects.live().public().filter(depth__gt=1).order_by("path")
    return [f"{page.url} ({page.title})" for page in live if page.url not in parsed]


@pytest.mark.django_db
def test_every_live_page_is_reached_by_links_and_no_link_is_broken(seeded, client):
    statuses, found_on, parsed = crawl(client)

    broken = broken_links(statuses, found_on)
    assert not broken, "broken links:\n" + "\n".join(broken)
    unreached = unreached_pages(parsed)
    assert not unreached, "live pages no link leads to:\n" + "\n".join(unreached)
    live = Page.objects.live().public().filter(depth__gt=1)
    # The crawl saw more than the pages themselves: documents, feeds, filtered views.
    assert len(statuses) > len(live), sorted(statuses)


@pytest.mark.django_db
def test_the_crawl_names_a_page_no_link_leads_to_and_a_broken_link(seeded, client):
    """The crawl is not satisfied by construction: a live page below an unpublished one is
    linked from nowhere and reported, and so is a link to a page that is gone."""
    draft = TopicPageFactory(parent=section_de(), title="Entwurf", slug="entwurf", live=False)
    orphan = TopicPageFactory(parent=draft, title="Verwaiste Seite", slug="verwaist")
    orphan.save_revision().publish()
    imprint = StandardPage.objects.get(locale__language_code="de", slug="impressum")
    imprint.body = [("paragraph", RichText('<p><a href="/de/gibt-es-nicht/">Alt</a></p>'))]
    imprint.save_revision().publish()

    statuses, found_on, parsed = crawl(client)

    assert unreached_pages(parsed) == [f"{orphan.url} (Verwaiste Seite)"]
    assert broken_links(statuses, found_on) == [
        "/de/gibt-es-nicht/ answers 404, linked from /de/impressum/"
    ]
