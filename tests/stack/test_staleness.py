"""Through the stack: one second after a change is committed, no address Varnish serves from its
cache differs from what the app renders now (issue 13's staleness test).

Each change is made in the stack's production environment as editors make it (publish,
unpublish, rename; partners, contact persons, the publisher, documents); the purges go through
the task worker to Varnish. Every public address is fetched through Varnish before and after;
each cached answer (X-Cache: HIT) is compared with the app's own answer, fetched from nginx with
a session cookie, which passes the app's page cache too.
"""

import re
import time
import uuid

import pytest
import requests

from .conftest import BASE, get, shell, stack

pytestmark = pytest.mark.stack

NGINX = f"http://127.0.0.1:{stack.PORTS['nginx']}"
EXTRA = [
    "/sitemap.xml",
    "/de/pressemitteilungen/feed/atom/",
    "/en/press-releases/feed/rss/",
    "/de/suche/?q=Partner",
    "/api/v3/pages/?locale=de",
    "/api/v3/pages/?locale=en",
    "/api/v3/press-releases/",
    "/api/v3/partners/",
    "/api/v3/contact-persons/",
    "/api/v3/documents/",
]

# The stack keeps its data between runs: a new address each run.
RELEASE_SLUG = f"stack-{uuid.uuid4().hex[:8]}"
PAGE = (
    "from wagtail.models import Page\n"
    "page = Page.objects.live().filter(depth=4, locale__language_code='de')"
    ".order_by('path').first().specific\n"
)
CHANGES = {
    "page_title": PAGE + "page.title = page.title + ' (neu)'\npage.save_revision().publish()\n",
    "page_slug": PAGE + "page.slug = page.slug + '-neu'\npage.save_revision().publish()\n",
    "new_press_release": (
        "from press.models import PressReleaseIndexPage, PressReleasePage\n"
        "index = PressReleaseIndexPage.objects.get(locale__language_code='de')\n"
        "release = PressReleasePage(title='Stack: neue Pressemitteilung', "
        f"slug={RELEASE_SLUG!r})\n"
        "index.add_child(instance=release)\n"
        "release.save_revision().publish()\n"
    ),
    "press_release_unpublished": (
        "from press.models import PressReleasePage\n"
        f"PressReleasePage.objects.get(slug={RELEASE_SLUG!r}).unpublish()\n"
    ),
    "partner": (
        "from partners.models import Partner\n"
        "partner = Partner.objects.filter(live=True).order_by('pk').first()\n"
        "partner.name = partner.name + ' (Stack)'\n"
        "partner.save_revision().publish()\n"
    ),
    "contact_person": (
        "from portal.contacts import ContactPerson\n"
        "person = ContactPerson.objects.filter(live=True).order_by('pk').first()\n"
        "person.name = 'Erika Mustermann'\n"
        "person.save_revision().publish()\n"
    ),
    "publisher": (
        "from portal.publisher import PublisherDetails\n"
        "details = PublisherDetails.objects.get(locale__language_code='de')\n"
        "details.name = details.name + ' (Stack)'\n"
        "details.save()\n"
    ),
    "document": (
        "from wagtail.documents import get_document_model\n"
        "document = get_document_model().objects.order_by('pk').first()\n"
        "document.title = document.title + ' (neue Auflage)'\n"
        "document.save()\n"
    ),
}


def public_addresses():
    sitemap = get("/sitemap.xml").text
    pages = {loc.removeprefix(BASE) for loc in re.findall(r"<loc>([^<]+)</loc>", sitemap)}
    return sorted(pages | set(EXTRA))


def from_varnish(path):
    response = get(path)
    return response.headers.get("X-Cache"), response.status_code, response.content


def from_the_app(path):
    """Past Varnish and the app's page cache: nginx, with a session cookie."""
    host = BASE.removeprefix("http://")
    response = requests.get(
        NGINX + path,
        headers={"Host": host, "Cookie": "sessionid=uncached"},
        allow_redirects=False,
        timeout=15,
    )
    return response.status_code, response.content


def stale_addresses(paths):
    stale = []
    for path in paths:
        cache, status, content = from_varnish(path)
        if cache == "HIT" and (status, content) != from_the_app(path):
            stale.append(path)
    return stale


@pytest.mark.parametrize("change", list(CHANGES))
def test_no_cached_address_is_stale_one_second_after_a_change(change):
    before = public_addresses()
    for path in before:
        from_varnish(path)
    assert sum(from_varnish(path)[0] == "HIT" for path in before) > len(before) / 2

    shell(CHANGES[change])
    time.sleep(1)

    assert stale_addresses(sorted(set(before) | set(public_addresses()))) == []
