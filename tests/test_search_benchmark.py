"""The search benchmark command runs end to end and leaves nothing behind."""

from django.core.management import call_command

from wagtail.models import Page
from wagtail.search.models import IndexEntry

from downloads.models import PortalDocument


def test_benchmark_reports_latency_and_rolls_everything_back(seeded, capsys):
    before = (Page.objects.count(), PortalDocument.objects.count(), IndexEntry.objects.count())
    call_command("benchmark_search", pages=20, documents=5, runs=2)
    output = capsys.readouterr().out
    assert "Generated 20 pages and 5 documents" in output
    assert "all queries: median" in output and "p95" in output
    assert "de „Partner“ (" in output
    assert "rolled back" in output
    after = (Page.objects.count(), PortalDocument.objects.count(), IndexEntry.objects.count())
    assert after == before


def test_generated_content_is_found_while_the_benchmark_runs(seeded, capsys):
    call_command("benchmark_search", pages=40, documents=4, runs=1)
    output = capsys.readouterr().out
    hits = int(output.split("de „Partner“ (")[1].split(" hits")[0])
    assert hits > 10  # the seeded partner pages alone are fewer
    assert "de „Quokkazucht“ (0 hits)" in output
