"""One public address for every absolute link: canonical, hreflang, feeds, robots.txt and the
sitemap name the same host, the configured public address where there is one; the press
archive's filtered views have alternates that match their canonical link (issue 14, item 7)."""

import datetime
import re

from wagtail.models import Page

from home.models import TopicPage
from press.models import PressReleaseIndexPage
from tests.factories import empty_archive, make_release, make_releases

PUBLIC = "https://www.chancen.nrw"
ARCHIVE_DE = "/de/pressemitteilungen/"
ARCHIVE_EN = "/en/press-releases/"


def head(response):
    assert response.status_code == 200
    content = response.content.decode()
    return content[: content.index("</head>")]


def hreflang(head_html):
    """{language: address} of the head's alternates."""
    return dict(re.findall(r'<link rel="alternate" hreflang="([^"]+)" href="([^"]+)">', head_html))


def canonical(head_html):
    return re.search(r'<link rel="canonical" href="([^"]+)">', head_html).group(1)


def switcher_link(content, code):
    return re.search(rf'href="([^"]+)" hreflang="{code}"', content).group(1)


def archive(code):
    return PressReleaseIndexPage.objects.get(locale__language_code=code)


def topic(code):
    slug = {"de": "interkulturelle-oeffnung", "en": "intercultural-opening"}[code]
    return TopicPage.objects.get(locale__language_code=code, slug=slug)


# --- the public address ----------------------------------------------------------------------


def test_without_a_public_address_links_use_the_host_the_request_came_to(seeded, client):
    head_html = head(client.get("/de/kontakt/"))
    assert canonical(head_html) == "http://testserver/de/kontakt/"
    assert hreflang(head_html)["en"] == "http://testserver/en/contact/"
    xml = client.get("/sitemap.xml").content.decode()
    assert "<loc>http://testserver/de/kontakt/</loc>" in xml
    assert "localhost" not in xml


def test_with_a_public_address_every_absolute_link_names_it(seeded, client, settings):
    settings.PORTAL_PUBLIC_URL = PUBLIC
    settings.ALLOWED_HOSTS = ["internal.example"]
    page_head = head(client.get("/de/kontakt/", HTTP_HOST="internal.example"))
    assert canonical(page_head) == f"{PUBLIC}/de/kontakt/"
    assert set(hreflang(page_head).values()) == {f"{PUBLIC}/de/kontakt/", f"{PUBLIC}/en/contact/"}
    assert 'property="og:url" content="https://www.chancen.nrw/de/kontakt/"' in page_head
    archive_head = head(client.get(ARCHIVE_DE, HTTP_HOST="internal.example"))
    assert f'type="application/atom+xml" title="Pressemitteilungen (Atom)" href="{PUBLIC}' in (
        archive_head
    )
    robots = client.get("/robots.txt", HTTP_HOST="internal.example").content.decode()
    assert f"Sitemap: {PUBLIC}/sitemap.xml" in robots
    xml = client.get("/sitemap.xml", HTTP_HOST="internal.example").content.decode()
    locations = re.findall(r"<loc>([^<]+)</loc>", xml)
    alternates = re.findall(r'<xhtml:link rel="alternate" hreflang="[^"]+" href="([^"]+)"', xml)
    assert len(locations) > 20 and alternates
    assert all(url.startswith(f"{PUBLIC}/") for url in locations + alternates)


def test_the_sitemap_names_german_as_x_default(seeded, client):
    xml = client.get("/sitemap.xml").content.decode()
    for location in ("http://testserver/de/kontakt/", "http://testserver/en/contact/"):
        entry = re.search(rf"<url><loc>{re.escape(location)}</loc>.*?</url>", xml, re.S).group(0)
        assert (
            '<xhtml:link rel="alternate" hreflang="x-default" '
            'href="http://testserver/de/kontakt/"/>' in entry
        )


# --- the press archive's views ---------------------------------------------------------------


def test_a_year_view_has_the_same_year_in_english_as_alternate(seeded, client):
    response = client.get(f"{ARCHIVE_DE}2018/")
    head_html = head(response)
    assert canonical(head_html) == f"http://testserver{ARCHIVE_DE}2018/"
    assert hreflang(head_html) == {
        "de": f"http://testserver{ARCHIVE_DE}2018/",
        "en": f"http://testserver{ARCHIVE_EN}2018/",
        "x-default": f"http://testserver{ARCHIVE_DE}2018/",
    }
    assert switcher_link(response.content.decode(), "en") == f"{ARCHIVE_EN}2018/"
    assert client.get(f"{ARCHIVE_EN}2018/").status_code == 200


def test_a_year_with_german_releases_only_has_no_english_alternate(seeded, client):
    make_release(archive("de"), "Nur auf Deutsch", datetime.date(2021, 5, 4))
    response = client.get(f"{ARCHIVE_DE}2021/")
    assert set(hreflang(head(response))) == {"de", "x-default"}
    # The switcher still leads to the English archive, not to a 404.
    assert switcher_link(response.content.decode(), "en") == ARCHIVE_EN


def test_a_topic_view_has_the_topic_in_english_as_alternate(seeded, client):
    make_release(archive("de"), "Zum Thema", datetime.date(2019, 2, 1), topics=[topic("de")])
    make_release(archive("en"), "On the topic", datetime.date(2019, 2, 1), topics=[topic("en")])
    german = f"{ARCHIVE_DE}2019/?thema={topic('de').pk}"
    english = f"{ARCHIVE_EN}2019/?thema={topic('en').pk}"
    response = client.get(german)
    head_html = head(response)
    assert canonical(head_html) == f"http://testserver{german}"
    assert hreflang(head_html)["de"] == f"http://testserver{german}"
    assert hreflang(head_html)["en"] == f"http://testserver{english}"
    assert [r.title for r in client.get(english).context["archive"].page] == ["On the topic"]


def test_a_topic_without_english_releases_has_no_english_alternate(seeded, client):
    empty_archive(seeded["en"])
    make_release(archive("de"), "Zum Thema", datetime.date(2019, 2, 1), topics=[topic("de")])
    response = client.get(f"{ARCHIVE_DE}?thema={topic('de').pk}")
    assert "en" not in hreflang(head(response))
    assert switcher_link(response.content.decode(), "en") == ARCHIVE_EN


def test_a_later_page_is_its_own_alternate_and_the_others_start_at_page_one(seeded, client):
    make_releases(archive("de"), 12)
    head_html = head(client.get(f"{ARCHIVE_DE}?seite=2"))
    assert (
        canonical(head_html)
        == hreflang(head_html)["de"]
        == f"http://testserver{ARCHIVE_DE}?seite=2"
    )
    assert hreflang(head_html)["en"] == f"http://testserver{ARCHIVE_EN}"


def test_the_alternates_cost_a_fixed_number_of_queries(
    seeded, client, django_assert_max_num_queries
):
    make_releases(archive("de"), 3, topics=[topic("de")])
    url = f"{ARCHIVE_DE}2020/?thema={topic('de').pk}"
    client.get(url)
    with django_assert_max_num_queries(10) as few:  # once warm (tests/test_query_budget.py)
        client.get(url)
    few = len(few)  # read now: the next request clears Django's query log
    make_releases(archive("de"), 20, first=3, topics=[topic("de")])
    client.get(url)  # warm again: the releases started a new content generation
    with django_assert_max_num_queries(few):
        client.get(url)
    assert Page.objects.filter(title__startswith="Mitteilung").count() == 23
