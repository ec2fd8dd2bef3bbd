"""The benchmark's content: partners, press releases, documents and pages on top of the seed.

`generate(counts)` runs inside Django after `load_seed_content`. Every German page gets its
English version at the mirrored place of the English tree (same `translation_key`, as
wagtail-localize's translations have), so both languages are as big as each other. Partners
stay German: the portal treats their names as proper names, and the English directory shows
the German entries.

Rows are inserted in bulk: treebeard paths are computed here, not queried per page, and no
revisions are written (serving a live page never reads them). The search index is filled
through the search backend's `add_bulk`, as `update_index` would. Text comes from a seeded
random generator, so two runs with the same counts make the same portal.
"""

import datetime
import hashlib
import random
import uuid
from dataclasses import dataclass, field

from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils import timezone
from django.utils.text import slugify

from wagtail.models import Collection, Locale, Page
from wagtail.search.backends import get_search_backend

from downloads.models import DownloadIndexPage, PortalDocument, PublicationPage
from home.models import HomePage, SectionPage, StandardPage, TopicPage
from partners.models import Partner, PartnerKind
from portal.contacts import ContactPerson
from portal.management.commands.benchmark_search import FILLER, WORDS
from press.models import (
    PressReleaseContact,
    PressReleaseIndexPage,
    PressReleasePage,
    PressReleaseTopic,
)

SCALES = {
    "full": {"partners": 3000, "releases": 2000, "documents": 500, "pages": 200},
    "small": {"partners": 300, "releases": 200, "documents": 50, "pages": 40},
    "tiny": {"partners": 12, "releases": 10, "documents": 6, "pages": 12},
}
PLACES = [
    "Aachen",
    "Bielefeld",
    "Bochum",
    "Bonn",
    "Dortmund",
    "Düsseldorf",
    "Duisburg",
    "Essen",
    "Gelsenkirchen",
    "Köln",
    "Krefeld",
    "Münster",
    "Mönchengladbach",
    "Oberhausen",
    "Paderborn",
    "Siegen",
    "Solingen",
    "Wuppertal",
    "Kreis Soest",
    "Kreis Lippe",
]
PARTNER_PREFIX = {
    PartnerKind.AUTHORITY: "Bezirksamt",
    PartnerKind.DISTRICT_OR_CITY: "Stadt",
    PartnerKind.JOB_CENTRE: "Jobcenter",
    PartnerKind.POLICE: "Polizeipräsidium",
    PartnerKind.WELFARE_OR_SPORTS: "Sportbund",
    PartnerKind.CHAMBER: "Handwerkskammer",
    PartnerKind.BROADCASTER: "Lokalradio",
    PartnerKind.COMPANY: "Müller & Söhne GmbH",
    PartnerKind.ASSOCIATION: "Integrationsverein",
    PartnerKind.OTHER: "Netzwerk",
}
BATCH = 500
# A minimal one-page PDF; each document's title is written into it, so the files differ.
PDF = (
    "%PDF-1.4\n1 0 obj<</Type/Catalog/Pages 2 0 R>>endobj\n"
    "2 0 obj<</Type/Pages/Kids[3 0 R]/Count 1>>endobj\n"
    "3 0 obj<</Type/Page/Parent 2 0 R/MediaBox[0 0 595 842]>>endobj\n"
    "%% {title}\ntrailer<</Root 1 0 R>>\n%%EOF\n"
)


class Text:
    """Sentences of the portal's vocabulary ("Partner", "Integration", …) in either language."""

    def __init__(self, seed):
        self.random = random.Random(seed)  # noqa: S311 – test data, not secrets

    def words(self, language, count):
        vocabulary = WORDS[language] + FILLER[language] * 3
        return " ".join(self.random.choice(vocabulary) for _ in range(count))

    def sentence(self, language, count):
        return self.words(language, count).capitalize() + "."

    def title(self, language):
        return " ".join(self.random.choice(WORDS[language]) for _ in range(4)).capitalize()

    def paragraphs(self, language, count, length=60):
        return [
            {"type": "paragraph", "value": f"<p>{self.sentence(language, length)}</p>"}
            for _ in range(count)
        ]


@dataclass
class Node:
    """A page to insert: its German and English field values and where it goes."""

    model: type
    parent: "Node | Page"
    fields: dict  # language → {field: value}, Page fields and the page type's own ones
    children: list = field(default_factory=list)
    pages: dict = field(default_factory=dict)  # language → inserted Page row


@dataclass
class Report:
    counts: dict = field(default_factory=dict)

    def add(self, name, number):
        self.counts[name] = self.counts.get(name, 0) + number


# The fields a generated page may set on its Page row; the rest is set by `place`.
PAGE_OWN_FIELDS = {"title", "slug", "translation_key", "show_in_menus", "search_description"}


class Generator:
    def __init__(self, counts, seed=1):
        self.counts = counts
        self.text = Text(seed)
        self.random = random.Random(seed + 1)  # noqa: S311 – test data, not secrets
        self.german = Locale.objects.get(language_code="de")
        self.english = Locale.objects.get(language_code="en")
        self.now = timezone.now()
        self.report = Report()
        self.homes = {
            home.locale_id: home for home in HomePage.objects.filter(depth=2).order_by("path")
        }

    # Pages ---------------------------------------------------------------------------------

    def counterpart(self, page, locale):
        if page.locale_id == locale.pk:
            return page
        return Page.objects.get(translation_key=page.translation_key, locale=locale)

    def insert_pages(self, roots):
        """Insert `roots` (Nodes under existing German pages) and their subtrees, both languages.

        Paths: the next free steps under each existing parent, then parent path + step for
        the new subtree. One bulk insert of Page rows per language, then the page types' rows.
        """
        by_model = {}
        for locale in (self.german, self.english):
            rows = []
            grouped = {}
            for node in roots:
                grouped.setdefault(node.parent.pk, (node.parent, []))[1].append(node)
            for parent, nodes in grouped.values():
                parent = self.counterpart(parent, locale)
                last = parent.get_children().order_by("-path").values_list("path", flat=True)
                step = Page._str2int(last[0][-Page.steplen :]) if last else 0
                for node in nodes:
                    step += 1
                    self.place(node, parent, step, locale, rows)
                Page.objects.filter(pk=parent.pk).update(numchild=parent.numchild + len(nodes))
            created = Page.objects.bulk_create(rows, batch_size=BATCH)
            for page in created:
                node = page._bench_node
                node.pages[locale.language_code] = page
                by_model.setdefault(node.model, []).append((node, page, locale.language_code))
        for model, entries in by_model.items():
            own = [f.attname for f in model._meta.local_concrete_fields if f.name != "page_ptr"]
            for node, page, language in entries:
                values = {
                    name: node.fields[language][name]
                    for name in own
                    if name in node.fields[language]
                }
                model(page_ptr_id=page.pk, **values).save_base(raw=True, force_insert=True)
            self.report.add(model._meta.label, len(entries))
        return by_model

    def place(self, node, parent, step, locale, rows):
        language = locale.language_code
        values = node.fields[language]
        slug = values["slug"]
        published = values.get("first_published_at", self.now)
        page = Page(
            **{key: value for key, value in values.items() if key in PAGE_OWN_FIELDS},
            draft_title=values["title"],
            content_type=ContentType.objects.get_for_model(node.model),
            locale=locale,
            path=Page._get_path(parent.path, parent.depth + 1, step),
            depth=parent.depth + 1,
            numchild=len(node.children),
            url_path=f"{parent.url_path}{slug}/",
            live=True,
            has_unpublished_changes=False,
            first_published_at=published,
            last_published_at=published,
        )
        page._bench_node = node
        rows.append(page)
        for number, child in enumerate(node.children, start=1):
            self.place(child, page, number, locale, rows)

    def node(self, model, parent, number, extra=None, **shared):
        """A page in both languages with generated title, slug, lead and body."""
        key = uuid.uuid4()
        fields = {}
        for language in ("de", "en"):
            title = self.text.title(language)
            fields[language] = {
                "title": title,
                "slug": f"{slugify(title)[:50]}-{number}",
                "translation_key": key,
                **shared,
                **(extra(language) if extra else {}),
            }
        return Node(model, parent, fields)

    def content(self, language, paragraphs=3):
        return {
            "lead": self.text.sentence(language, 25),
            "body": self.text.paragraphs(language, paragraphs),
        }

    # Sections of the portal ---------------------------------------------------------------

    def pages(self, documents):
        """Sections with topics (some nested), standard pages and publications: `pages` in all."""
        total = self.counts["pages"]
        home = self.homes[self.german.pk]
        publications = max(1, total // 10)
        standard = max(1, total // 20)
        sections = max(1, total // 50)
        topics = max(sections, total - publications - standard - sections)

        def content(language):
            return self.content(language)

        section_nodes = [
            self.node(SectionPage, home, n, content, show_in_menus=True, sidebar=[])
            for n in range(sections)
        ]
        for n in range(topics):
            section = section_nodes[n % sections]
            node = self.node(TopicPage, section, n, content, show_in_menus=True, sidebar=[])
            # Every fourth topic sits below the section's previous topic: topics nest.
            parent = section.children[-1] if n % 4 == 3 and section.children else section
            node.parent = parent
            parent.children.append(node)
        standard_nodes = [
            self.node(StandardPage, home, n, content, role="") for n in range(standard)
        ]
        self.insert_pages(section_nodes + standard_nodes)

        downloads = DownloadIndexPage.objects.get(locale=self.german)

        def publication(language):
            return {"summary": f"<p>{self.text.sentence(language, 40)}</p>"}

        publication_nodes = [
            self.node(
                PublicationPage,
                downloads,
                n,
                publication,
                document_id=documents[n % len(documents)].pk if documents else None,
            )
            for n in range(publications)
        ]
        self.insert_pages(publication_nodes)
        return [*section_nodes, *standard_nodes, *publication_nodes]

    def releases(self, topics):
        """Press releases over 18 years, each on one or two topics, some naming a contact."""
        index = PressReleaseIndexPage.objects.get(locale=self.german)
        contact = ContactPerson.objects.filter(locale=self.german).order_by("pk").first()
        start = datetime.date(2009, 1, 1)
        nodes = []
        links = []
        for n in range(self.counts["releases"]):
            date = start + datetime.timedelta(days=self.random.randrange(18 * 365))

            def content(language):
                return self.content(language, paragraphs=4)

            nodes.append(
                self.node(
                    PressReleasePage,
                    index,
                    n,
                    content,
                    date=date,
                    first_published_at=datetime.datetime.combine(
                        date, datetime.time(10), tzinfo=datetime.UTC
                    ),
                )
            )
            links.append(self.random.sample(topics, k=min(len(topics), 1 + n % 2)))
        self.insert_pages(nodes)
        topic_rows, contact_rows = [], []
        for node, chosen in zip(nodes, links, strict=True):
            for page in node.pages.values():
                topic_rows += [
                    PressReleaseTopic(release_id=page.pk, topic_id=topic.pk, sort_order=i)
                    for i, topic in enumerate(chosen)
                ]
                if contact is not None and page.pk % 3 == 0:
                    contact_rows.append(
                        PressReleaseContact(release_id=page.pk, person=contact, sort_order=0)
                    )
        PressReleaseTopic.objects.bulk_create(topic_rows, batch_size=BATCH)
        PressReleaseContact.objects.bulk_create(contact_rows, batch_size=BATCH)

    # Snippets and documents -----------------------------------------------------------------

    def partners(self):
        kinds = list(PartnerKind)
        rows = []
        for n in range(self.counts["partners"]):
            kind = kinds[n % len(kinds)]
            place = PLACES[(n // len(kinds)) % len(PLACES)]
            rows.append(
                Partner(
                    name=f"{PARTNER_PREFIX[kind]} {place} {n + 1}",
                    kind=kind,
                    place=place,
                    website=f"https://www.partner-{n + 1}.example.de",
                    joined_on=datetime.date(2017, 1, 1) + datetime.timedelta(days=n % 3000),
                    measures=f"<p>{self.text.sentence('de', 30)}</p>" if n % 2 else "",
                    time_frame="2024 bis 2026" if n % 2 else "",
                    locale=self.german,
                    translation_key=uuid.uuid4(),
                    live=True,
                    has_unpublished_changes=False,
                    first_published_at=self.now,
                    last_published_at=self.now,
                )
            )
        created = Partner.objects.bulk_create(rows, batch_size=BATCH)
        self.report.add("partners.Partner", len(created))
        return created

    def documents(self):
        collection = Collection.get_first_root_node()
        rows = []
        for n in range(self.counts["documents"]):
            language = "de" if n % 4 else "en"
            title = f"Benchmark {self.text.title(language)} {n + 1}"
            content = PDF.format(title=title).encode()
            name = default_storage.save(f"documents/benchmark-{n + 1}.pdf", ContentFile(content))
            rows.append(
                PortalDocument(
                    title=title,
                    description=self.text.sentence(language, 20),
                    extracted_text=self.text.sentence(language, 300),
                    language=language,
                    file=name,
                    file_format="pdf",
                    file_size=len(content),
                    file_hash=hashlib.sha1(content, usedforsecurity=False).hexdigest(),
                    page_count=1,
                    collection=collection,
                )
            )
        created = PortalDocument.objects.bulk_create(rows, batch_size=BATCH)
        self.report.add("downloads.PortalDocument", len(created))
        return created

    def download_groups(self, documents):
        """Five groups of ten documents on each language's downloads page (fewer if fewer)."""
        for page in DownloadIndexPage.objects.all():
            language = page.locale.language_code
            groups = [
                {
                    "type": "group",
                    "id": str(uuid.uuid4()),
                    "value": {
                        "heading": self.text.title(language),
                        "description": self.text.sentence(language, 15),
                        "documents": [d.pk for d in documents[g * 10 : g * 10 + 10]],
                    },
                }
                for g in range(5)
                if documents[g * 10 : g * 10 + 10]
            ]
            page.groups = list(page.groups.raw_data) + groups
            page.save_base(update_fields=["groups"], raw=True)

    # Search index ---------------------------------------------------------------------------

    def index(self, model, pks):
        backend = get_search_backend()
        for start in range(0, len(pks), BATCH):
            backend.add_bulk(model, list(model.objects.filter(pk__in=pks[start : start + BATCH])))


def generate(counts, seed=1):
    """Add `counts` of each kind to the seeded portal; returns {model label: rows added}."""
    generator = Generator(counts, seed)
    with transaction.atomic():
        partners = generator.partners()
        documents = generator.documents()
        generator.download_groups(documents)
        generator.pages(documents)
        topic_types = [ContentType.objects.get_for_model(m) for m in (SectionPage, TopicPage)]
        topics = list(Page.objects.filter(locale=generator.german, content_type__in=topic_types))
        generator.releases(topics)
    generator.index(Partner, [partner.pk for partner in partners])
    generator.index(PortalDocument, [document.pk for document in documents])
    for model in (SectionPage, TopicPage, StandardPage, PublicationPage, PressReleasePage):
        generator.index(model, list(model.objects.values_list("pk", flat=True)))
    return generator.report.counts
