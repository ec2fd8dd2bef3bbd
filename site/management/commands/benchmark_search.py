"""Measure the site search on a portal of realistic size: `./manage.py benchmark_search`.

Generates pages (half German, half English) and documents with text, indexes them, runs a
fixed set of queries through the same function as the search page (editors' picks, count,
first page of results) and prints median and 95th percentile latency per query and overall.

Everything runs inside one transaction that is rolled back at the end, the search index
included: the database is as before. `--keep` commits instead (for trying the search page
by hand on a big site).

Longer than most modules: a third of it is the word lists the generated text is made of.
"""

import random
import statistics
import time
import uuid

from django.contrib.contenttypes.models import ContentType
from django.core.management.base import BaseCommand
from django.db import transaction
from django.utils import timezone, translation
from django.utils.text import slugify

from wagtail.models import Collection, Page
from wagtail.search.backends import get_search_backend

from downloads.models import PortalDocument
from home.models import HomePage, TopicPage
from search.queries import SiteSearch

INDEX_CHUNK = 500
RESULTS_PER_PAGE = 10
WORDS = {
    "de": [
        "Partner",
        "Partnern",
        "Leitfaden",
        "Leitfäden",
        "Integration",
        "Arbeit",
        "Ausbildung",
        "Pflege",
        "Fachkräfte",
        "Fachkräftegewinnung",
        "Arbeitgeber",
        "Unternehmen",
        "Verwaltung",
        "Vielfalt",
        "Öffnung",
        "Beratung",
        "Sprache",
        "Kurs",
        "Projekt",
        "Förderung",
        "Netzwerk",
        "Kommune",
        "Verband",
        "Verein",
        "Migration",
        "Zukunft",
        "Bildung",
        "Schule",
        "Familie",
        "Gesundheit",
        "Wohnung",
        "Anerkennung",
        "Abschluss",
        "Praktikum",
        "Mentoring",
    ],
    "en": [
        "partner",
        "partners",
        "guide",
        "guides",
        "integration",
        "work",
        "training",
        "care",
        "skilled",
        "workers",
        "recruiting",
        "employers",
        "companies",
        "administration",
        "diversity",
        "opening",
        "advice",
        "language",
        "course",
        "project",
        "funding",
        "network",
        "municipality",
        "association",
        "migration",
        "future",
        "education",
        "school",
        "family",
        "health",
        "housing",
        "recognition",
        "degree",
        "internship",
        "mentoring",
    ],
}
FILLER = {
    "de": ["und", "der", "die", "das", "mit", "für", "von", "im", "auf", "zur", "bei", "als"],
    "en": ["and", "the", "with", "for", "from", "in", "on", "to", "at", "as", "of"],
}
QUERIES = {
    "de": ["Partner", "Leitfaden", "Integration Arbeit", "Fachkräftegewinnung", "Quokkazucht"],
    "en": ["partners", "guide employers", "integration", "quokka breeding"],
}


class Rollback(Exception):
    """Raised to leave the transaction without keeping anything."""


class Command(BaseCommand):
    help = "Generate pages and documents, then report median and p95 search latency."

    def add_arguments(self, parser):
        parser.add_argument("--pages", type=int, default=5000, help="Pages to generate.")
        parser.add_argument("--documents", type=int, default=500, help="Documents to generate.")
        parser.add_argument("--runs", type=int, default=20, help="Measured runs per query.")
        parser.add_argument("--seed", type=int, default=1, help="Seed of the generated text.")
        parser.add_argument(
            "--keep", action="store_true", help="Commit the generated content instead."
        )

    def handle(self, *args, **options):
        self.random = random.Random(options["seed"])  # noqa: S311 – test data, not secrets
        try:
            with transaction.atomic():
                self.generate(options["pages"], options["documents"])
                self.measure(options["runs"])
                if not options["keep"]:
                    raise Rollback
        except Rollback:
            self.stdout.write("Generated content rolled back.")

    # Generating

    def generate(self, page_count, document_count):
        started = time.perf_counter()
        homes = {
            home.locale.language_code: home for home in HomePage.objects.select_related("locale")
        }
        languages = [language for language in WORDS if language in homes]
        for index, language in enumerate(languages):
            share = page_count // len(languages) + (index < page_count % len(languages))
            self.generate_pages(homes[language], language, share)
        self.generate_documents(document_count, languages)
        self.stdout.write(
            f"Generated {page_count} pages and {document_count} documents "
            f"in {time.perf_counter() - started:.1f} s "
            f"({get_search_backend().__class__.__name__})."
        )

    def text(self, language, length):
        words = WORDS[language] + FILLER[language] * 3
        return " ".join(self.random.choice(words) for _ in range(length)).capitalize() + "."

    def generate_pages(self, home, language, count):
        """Rows inserted in bulk under one new parent: treebeard paths computed, not queried."""
        parent = home.add_child(
            instance=TopicPage(
                title=f"Benchmark {language}", slug=f"benchmark-{uuid.uuid4().hex[:8]}"
            )
        )
        content_type = ContentType.objects.get_for_model(TopicPage)
        now = timezone.now()
        rows = []
        for number in range(1, count + 1):
            title = self.text(language, 5)
            slug = f"{slugify(title)[:40]}-{number}"
            rows.append(
                Page(
                    title=title,
                    draft_title=title,
                    slug=slug,
                    content_type=content_type,
                    locale_id=home.locale_id,
                    translation_key=uuid.uuid4(),
                    path=Page._get_path(parent.path, parent.depth + 1, number),
                    depth=parent.depth + 1,
                    numchild=0,
                    url_path=f"{parent.url_path}{slug}/",
                    live=True,
                    first_published_at=now,
                    last_published_at=now,
                )
            )
        pages = Page.objects.bulk_create(rows, batch_size=500)
        for page in pages:
            body = [{"type": "paragraph", "value": f"<p>{self.text(language, 120)}</p>"}]
            TopicPage(page_ptr_id=page.pk, lead=self.text(language, 25), body=body).save_base(
                raw=True, force_insert=True
            )
        Page.objects.filter(pk=parent.pk).update(numchild=count)
        self.index(TopicPage, [page.pk for page in pages])

    def generate_documents(self, count, languages):
        collection = Collection.get_first_root_node()
        documents = []
        for number in range(count):
            language = languages[number % len(languages)]
            documents.append(
                PortalDocument(
                    title=self.text(language, 6),
                    description=self.text(language, 20),
                    extracted_text=self.text(language, 600),
                    language=language,
                    file=f"documents/benchmark-{number}.pdf",
                    file_format="pdf",
                    file_size=100_000,
                    collection=collection,
                )
            )
        created = PortalDocument.objects.bulk_create(documents, batch_size=500)
        self.index(PortalDocument, [document.pk for document in created])

    def index(self, model, pks):
        backend = get_search_backend()
        for start in range(0, len(pks), INDEX_CHUNK):
            chunk = pks[start : start + INDEX_CHUNK]
            backend.add_bulk(model, list(model.objects.filter(pk__in=chunk)))

    # Measuring

    def measure(self, runs):
        every = []
        for language, queries in QUERIES.items():
            for query in queries:
                timings, count = self.time_query(language, query, runs)
                every.extend(timings)
                self.report(f"{language} „{query}“ ({count} hits)", timings)
        self.report("all queries", every)

    def time_query(self, language, words, runs):
        with translation.override(language):
            self.search(language, words)  # warm-up: caches, prepared plans
            timings = []
            for _ in range(max(runs, 1)):
                started = time.perf_counter()
                count = self.search(language, words)
                timings.append((time.perf_counter() - started) * 1000)
        return timings, count

    def search(self, language, words):
        """What the search page does for its first page: picks, count, ten results."""
        site_search = SiteSearch(words, language)
        site_search.promotions()
        results = site_search.results()
        count = results.count()
        results[0:RESULTS_PER_PAGE]
        return count

    def report(self, label, timings):
        median = statistics.median(timings)
        p95 = statistics.quantiles(timings, n=20)[18] if len(timings) > 1 else timings[0]
        self.stdout.write(f"{label}: median {median:.1f} ms, p95 {p95:.1f} ms, n={len(timings)}")
