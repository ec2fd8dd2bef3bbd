"""The downloads section's seed: the stand-in brochure, its pages in both languages, idempotence."""

import io
from io import StringIO

from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command

from wagtail.models import Locale, Page, Revision

from pypdf import PdfReader

from downloads.models import (
    DownloadIndexPage,
    PortalDocument,
    PublicationOrderPage,
    PublicationPage,
)
from downloads.seed import brochure, seed_downloads
from home.seed.pages import seed_content_pages
from portal.seed import SeedContext, SeedReport
from tests.sample_files import pdf_bytes


def stored_files(media):
    return sorted(str(path.relative_to(media)) for path in media.rglob("*") if path.is_file())


def test_the_stand_in_brochure_is_a_real_pdf_that_says_it_is_a_stand_in(seeded):
    document = PortalDocument.objects.get(title=brochure.TITLE)
    assert (document.language, document.file_format, document.page_count) == ("de", "pdf", 2)
    with document.open_file() as file:
        content = file.read()
    assert document.file_size == len(content)
    assert document.file_hash
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(content)).pages)
    assert "Platzhalter – bitte durch die Originalbroschüre ersetzen" in text
    for word in ["Fachkräftegewinnung", "Öffnung", "Einwanderungsland", "„", "“"]:
        assert word in text, word
    assert brochure.SUMMARY[0][:60] in " ".join(text.split())


def test_the_stand_in_pdf_is_the_same_on_every_run():
    assert brochure.brochure_pdf() == brochure.brochure_pdf()


def test_pages_in_both_languages(seeded):
    home_de, home_en = seeded["de"], seeded["en"]
    downloads = DownloadIndexPage.objects.child_of(home_de).get()
    assert (downloads.title, downloads.slug, downloads.live) == ("Downloads", "downloads", True)
    publication = PublicationPage.objects.child_of(downloads).get()
    assert publication.title == brochure.TITLE
    assert publication.summary == "".join(f"<p>{text}</p>" for text in brochure.SUMMARY)
    assert publication.document.title == brochure.TITLE
    order = PublicationOrderPage.objects.child_of(publication).get()
    assert order.live and order.max_quantity == 50

    downloads_en = DownloadIndexPage.objects.child_of(home_en).get()
    publication_en = PublicationPage.objects.child_of(downloads_en).get()
    order_en = PublicationOrderPage.objects.child_of(publication_en).get()
    assert all(page.live for page in (downloads_en, publication_en, order_en))
    assert publication_en.title.startswith("Migrant organisations as partners")
    assert "people with an immigration history" in publication_en.summary
    assert publication_en.document_id == publication.document_id
    assert order_en.subject == order.subject  # mails go to German-speaking staff
    assert downloads_en.groups[0].value["heading"] == "Intercultural opening"


def test_other_sections_find_the_brochure_under_its_seed_key(db):
    context = SeedContext(
        report=SeedReport(),
        german=Locale.get_default(),
        english=Locale.objects.get_or_create(language_code="en")[0],
    )
    seed_content_pages(context)
    seed_downloads(context)
    assert isinstance(context.pages["brochure"], PublicationPage)
    assert context.pages["brochure"].locale == context.german
    assert isinstance(context.pages["downloads"], DownloadIndexPage)


def test_a_second_run_changes_nothing(seeded, media):
    files, pages, revisions = stored_files(media), Page.objects.count(), Revision.objects.count()
    output = StringIO()
    call_command("load_seed_content", stdout=output)
    assert "nothing to do" in output.getvalue()
    assert PortalDocument.objects.filter(title=brochure.TITLE).count() == 1
    assert (stored_files(media), Page.objects.count(), Revision.objects.count()) == (
        files,
        pages,
        revisions,
    )


def test_a_rerun_keeps_the_original_an_editor_uploaded(seeded, media):
    document = PortalDocument.objects.get(title=brochure.TITLE)
    document.file = SimpleUploadedFile("original.pdf", pdf_bytes(pages=24))
    document._set_document_file_metadata()
    document.save()
    call_command("load_seed_content", stdout=StringIO())
    document = PortalDocument.objects.get(title=brochure.TITLE)
    assert (document.filename, document.page_count) == ("original.pdf", 24)
