"""The benchmark's URLs and each one's database queries: `python -m bench.probe HOST OUT`.

Runs in Django with the same settings and database as the served portal. Picks one URL per
page type from the generated content, requests each twice through Django's test client
(the same middleware, views and templates the workers run) and counts the queries of the
second request: the count of a warm worker, which is what the load test measures. Writes
the list as JSON for `bench/bench.py`; a URL that does not answer 200 stops the benchmark.
"""

import json
import os
import sys
from pathlib import Path

import django

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bench.settings")
django.setup()

from django.db import connection  # noqa: E402
from django.db.models import Count  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from wagtail.models import Page  # noqa: E402

from downloads.models import DownloadIndexPage, PortalDocument, PublicationPage  # noqa: E402
from home.models import HomePage, SectionPage, StandardPage, TopicPage  # noqa: E402
from partners.models import PartnerFormPage, PartnerIndexPage  # noqa: E402
from press.models import PressReleaseIndexPage, PressReleasePage, PressReleaseTopic  # noqa: E402

# What each kind of URL is held to, as a multiple of the constant-response view.
HTML, API, OTHER, REFERENCE = "html", "api", "other", "reference"


def german(model):
    return model.objects.live().filter(locale__language_code="de")


def urls():
    """(label, kind, URL) for every page type the benchmark measures."""
    home_de = german(HomePage).get(depth=2)
    home_en = HomePage.objects.live().get(depth=2, locale__language_code="en")
    section = german(SectionPage).order_by("-numchild", "path").first()
    links = (
        PressReleaseTopic.objects.filter(topic__in=german(TopicPage))
        .values("topic")
        .annotate(releases=Count("pk"))
        .order_by("-releases", "topic")
        .first()
    )
    topic = TopicPage.objects.get(pk=links["topic"])
    standard = german(StandardPage).order_by("path").first()
    directory = german(PartnerIndexPage).get()
    directory_en = PartnerIndexPage.objects.live().get(locale__language_code="en")
    form = german(PartnerFormPage).get()
    archive = german(PressReleaseIndexPage).get()
    release = german(PressReleasePage).order_by("-date", "-pk").first()
    years = sorted(german(PressReleasePage).values_list("date__year", flat=True).distinct())
    downloads = german(DownloadIndexPage).get()
    publication = german(PublicationPage).order_by("path").first()
    document = PortalDocument.objects.order_by("-pk").first()
    archive_url = archive.get_url()
    return [
        ("constant response (reference)", REFERENCE, "/__bench__/constant"),
        ("home de", HTML, home_de.get_url()),
        ("home en", HTML, home_en.get_url()),
        (f"section ({section.numchild} children)", HTML, section.get_url()),
        (f"topic ({links['releases']} releases)", HTML, topic.get_url()),
        ("standard page", HTML, standard.get_url()),
        ("partner directory de", HTML, directory.get_url()),
        ("partner directory en", HTML, directory_en.get_url()),
        ("partner form", HTML, form.get_url()),
        ("press archive", HTML, archive_url),
        ("press release", HTML, release.get_url()),
        ("year archive", HTML, f"{archive_url}{years[len(years) // 2]}/"),
        ("downloads page", HTML, downloads.get_url()),
        ("publication page", HTML, publication.get_url()),
        ("search ?q=Partner", HTML, "/de/suche/?q=Partner"),
        ("API v3 pages list", API, "/api/v3/pages/"),
        ("API v3 page detail", API, f"/api/v3/pages/{release.pk}/"),
        ("API v3 partners list", API, "/api/v3/partners/"),
        ("RSS feed", OTHER, f"{archive_url}feed/rss/"),
        ("Atom feed", OTHER, f"{archive_url}feed/atom/"),
        ("sitemap.xml (index)", OTHER, "/sitemap.xml"),
        ("sitemap.xml?p=1 (500 pages)", OTHER, "/sitemap.xml?p=1"),
        ("document download", OTHER, document.url),
    ]


def measure(client, url):
    client.get(url)  # warms the worker's caches, as the load test's first requests do
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    body = b"".join(response) if response.streaming else response.content
    if hasattr(response, "close"):
        response.close()
    return response.status_code, len(queries), len(body)


def main(host, out):
    client = Client(HTTP_HOST=host)
    rows = []
    for label, kind, url in urls():
        status, queries, size = measure(client, url)
        if status != 200:
            sys.exit(f"{label}: {url} answered {status}, not 200")
        rows.append({"label": label, "kind": kind, "url": url, "queries": queries, "bytes": size})
    Path(out).write_text(json.dumps(rows, indent=1))
    pages = Page.objects.count()
    print(f"{len(rows)} URLs checked; the portal has {pages} pages.")


if __name__ == "__main__":
    main(*sys.argv[1:3])
