"""`make bench`: the generated portal is what the table claims, and the table reads right.

The benchmark itself (gunicorn, wrk, minutes of load) is not run here; its parts are: the
generator at the tiny scale on the seeded test database, the parsing of wrk's output and
the report with its target checks.
"""

from django.test import Client

from wagtail.models import Page
from wagtail.search.backends import get_search_backend

from bench.bench import parse_wrk
from bench.generate import SCALES, generate
from bench.report import Result, render
from downloads.models import DownloadIndexPage, PortalDocument, PublicationPage
from home.models import SectionPage, StandardPage, TopicPage
from partners.models import Partner
from press.models import PressReleasePage, PressReleaseTopic


def test_generator_adds_the_counts_in_both_languages(seeded, media):
    counts = SCALES["tiny"]
    partners_before = Partner.objects.count()
    releases_before = PressReleasePage.objects.filter(locale__language_code="de").count()

    added = generate(counts)

    assert Partner.objects.count() == partners_before + counts["partners"]
    german_releases = PressReleasePage.objects.filter(locale__language_code="de")
    assert german_releases.count() == releases_before + counts["releases"]
    assert added["press.PressReleasePage"] == 2 * counts["releases"]
    assert added["downloads.PortalDocument"] == counts["documents"]
    pages = (
        sum(added[label] for label in added if label.split(".")[1].endswith("Page"))
        - added["press.PressReleasePage"]
    )
    assert pages == 2 * counts["pages"]
    # Every generated German page has its English version with the same translation key.
    for model in (SectionPage, TopicPage, StandardPage, PublicationPage, PressReleasePage):
        german = model.objects.filter(locale__language_code="de")
        english = model.objects.filter(locale__language_code="en")
        assert german.count() == english.count()
        assert set(german.values_list("translation_key", flat=True)) == set(
            english.values_list("translation_key", flat=True)
        )
    assert all(not problems for problems in Page.find_problems())
    assert PressReleaseTopic.objects.count() >= 2 * counts["releases"]
    groups = DownloadIndexPage.objects.get(locale__language_code="de").groups
    assert len(groups) > 1  # the seed's group and the generated ones


def test_generated_pages_documents_and_partners_are_served_and_found(seeded, media):
    generate(SCALES["tiny"])
    client = Client()
    release = PressReleasePage.objects.filter(locale__language_code="en").latest("date")
    section = SectionPage.objects.live().filter(locale__language_code="de").last()
    document = PortalDocument.objects.filter(title__startswith="Benchmark").last()
    for url in (release.url, section.url, document.url):
        assert client.get(url).status_code == 200, url
    partner = Partner.objects.order_by("-pk").first()
    directory = client.get(
        Page.objects.get(url_path__endswith="/wir-sind-partner/").url, {"q": partner.name}
    )
    assert partner.name in directory.content.decode()
    hits = get_search_backend().search(partner.name, Partner)
    assert partner in list(hits)


WRK_OUTPUT = """Running 3s test @ http://127.0.0.1:8123/de/
  2 threads and 8 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency   123.45ms   20.00ms 300.00ms   80.00%
    Req/Sec    30.00     10.00    50.00     70.00%
  Latency Distribution
     50%  120.50ms
     75%  130.00ms
     90%  150.00ms
     99%    1.20s
  190 requests in 3.01s, 5.00MB read
  Socket errors: connect 0, read 3, write 0, timeout 1
  Non-2xx or 3xx responses: 2
Requests/sec:     63.12
Transfer/sec:      1.66MB
"""


def test_wrk_output_is_read_in_milliseconds_with_errors():
    result = parse_wrk(WRK_OUTPUT)
    assert result["requests"] == 190
    assert result["rps"] == 63.12
    assert result["p50"] == 120.5
    assert result["p99"] == 1200.0
    # Non-2xx answers and timeouts count; reads cut off by closing sync workers do not.
    assert result["errors"] == 3


def result(label, kind, cpu_ms, **extra):
    return Result(label, kind, "/", 5, cpu_ms, rps=100, p50=10, p99=20, **extra)


CONTEXT = {
    "database": "sqlite",
    "scale": "tiny",
    "rounds": 1,
    "duration": 1,
    "connections": 8,
    "workers": 2,
    "cpus": 2,
    "build_seconds": None,
    "rss_mb": 120,
    "first_ms": 30,
    "warm_ms": 20,
}


def test_report_shows_ratios_to_the_reference_and_checks_the_targets():
    results = [
        result("constant", "reference", 0.5),
        result("home de", "html", 9.0),
        result("API list", "api", 6.0),
    ]
    report, met = render(results, CONTEXT)
    lines = report.splitlines()
    assert "| Page | Queries | CPU ms | × ref |" in report
    assert "| home de | 5 | 9.0 | 18.0× | 100 | 10 | 20 | – | ≤ 20× | ✓ |" in lines
    assert "| API list | 5 | 6.0 | 12.0× | 100 | 10 | 20 | – | ≤ 12× | ✓ |" in lines
    assert "Worker RSS after the run: 120 MB (target ≤ 150 MB) ✓" in report
    assert "30 ms, warm 20 ms: 1.5× (target ≤ 2×) ✓" in report
    assert "– where the answer is never shared" in report
    assert met


def test_a_slow_cache_hit_misses_the_target():
    results = [
        result("constant", "reference", 0.5),
        Result("home de", "html", "/de/", 5, 9.0, rps=100, p50=10, p99=20, cached_cpu_ms=0.9),
        Result("home en", "html", "/en/", 5, 9.0, rps=100, p50=10, p99=20, cached_cpu_ms=1.5),
    ]
    report, met = render(results, CONTEXT)
    lines = report.splitlines()
    assert "| home de | 5 | 9.0 | 18.0× | 100 | 10 | 20 | 1.8× | ≤ 20× | ✓ |" in lines
    assert "| home en | 5 | 9.0 | 18.0× | 100 | 10 | 20 | 3.0× | ≤ 20× | ✗ |" in lines
    assert not met


def test_report_marks_a_missed_target_and_failed_requests():
    results = [
        result("constant", "reference", 0.5),
        result("directory", "html", 10.5),
        result("feed", "other", 1.0, errors=4),
        Result("sitemap", "other", "/sitemap.xml", 36, 5.0, rps=0.4, p50=None, p99=None),
    ]
    report, met = render(results, {**CONTEXT, "rss_mb": 151})
    assert "| directory | 5 | 10.5 | 21.0× |" in report
    assert "| ≤ 20× | ✗ |" in report
    assert "✗ (4 errors)" in report
    assert "(target ≤ 150 MB) ✗" in report
    # Slower than wrk's window: the workers' rate, no latency.
    assert "| sitemap | 36 | 5.0 | 10.0× | 0.40 | – | – | – | ≤ 20× | ✓ |" in report
    assert "no request finished within the window of wrk" in report
    assert "Targets met: 2 of 5." in report
    assert not met
