"""The brochure's cover: the first page of an uploaded PDF, drawn after the upload commits, and
shown on the publication page, the downloads page and the home page."""

import io

from django.core.files.uploadedfile import SimpleUploadedFile
from django.test import override_settings
from django.urls import reverse

from wagtail.images import get_image_model
from wagtail.models import Collection

import pytest
from PIL import Image

from downloads.covers import COVER_WIDTH, render_cover
from downloads.forms import upload_form_class
from downloads.models import PublicationPage
from tests import sample_files

FORM_BASE = override_settings(WAGTAILDOCS_DOCUMENT_FORM_BASE="downloads.forms.PortalDocumentForm")


@pytest.fixture
def upload(db, media, django_capture_on_commit_callbacks):
    """Upload a file through the portal's form; what is queued after the commit runs."""

    def upload(name, content, **data):
        form = upload_form_class()(
            data={"title": "Leitfaden", "language": "de", **data},
            files={"file": SimpleUploadedFile(name, content)},
        )
        assert form.is_valid(), form.errors
        with django_capture_on_commit_callbacks(execute=True):
            document = form.save()
        document.refresh_from_db()
        return document

    return upload


def cover_pixels(document):
    with document.cover.open_file() as file:
        return Image.open(io.BytesIO(file.read()))


def test_an_uploaded_pdf_gets_its_first_page_as_cover(upload):
    document = upload("leitfaden.pdf", sample_files.pdf_bytes(pages=3))
    assert document.cover is not None
    image = cover_pixels(document)
    assert image.format == "PNG"
    assert image.width == COVER_WIDTH
    assert image.height > image.width  # an A4 page, upright
    # The page has text on it, so the drawing is not blank.
    darkest, lightest = image.convert("L").getextrema()
    assert darkest < 100 < lightest
    assert document.cover.description == "Titelblatt: Leitfaden"
    assert document.cover.collection_id == document.collection_id


def test_no_cover_for_other_formats(upload):
    document = upload("bericht.docx", sample_files.docx_bytes())
    assert document.cover is None
    assert render_cover.call(document.pk) is False


def test_a_pdf_that_cannot_be_drawn_gets_no_cover_and_no_error(upload):
    document = upload("leitfaden.pdf", sample_files.pdf_bytes())
    with document.file.storage.open(document.file.name, "wb") as file:
        file.write(b"%PDF-1.7\nnot a pdf at all\n%%EOF\n")
    assert render_cover.call(document.pk) is False


@FORM_BASE
def test_a_new_file_redraws_the_same_cover_image(
    admin_client, upload, django_capture_on_commit_callbacks
):
    document = upload("alt.pdf", sample_files.pdf_bytes(pages=2))
    old_cover, old_hash = document.cover_id, document.cover.file_hash
    with django_capture_on_commit_callbacks(execute=True):
        response = admin_client.post(
            reverse("wagtaildocs:edit", args=[document.pk]),
            {
                "title": document.title,
                "file": SimpleUploadedFile("neu.pdf", sample_files.pdf_bytes(text="Neu")),
                "language": "de",
                "collection": Collection.get_first_root_node().pk,
            },
        )
    assert response.status_code == 302
    document.refresh_from_db()
    assert document.cover_id == old_cover
    assert document.cover.file_hash != old_hash


@pytest.fixture
def brochure_with_cover(seeded):
    """The seeded brochure: the seed's upload drew its PDF's cover after the commit."""
    publication = PublicationPage.objects.get(locale__language_code="de")
    assert publication.cover is None  # the editor chose none: the PDF's first page stands in
    assert publication.document.cover is not None
    return publication


def test_publication_page_shows_the_pdfs_cover(client, brochure_with_cover):
    html = client.get(brochure_with_cover.url).content.decode()
    cover = brochure_with_cover.document.cover
    assert '<figure class="publication__cover"><img alt="Titelblatt: ' in html
    assert f"/{cover.get_rendition('max-320x440').file.name}" in html


def test_downloads_page_shows_the_cover_beside_the_teaser(client, brochure_with_cover):
    html = client.get(brochure_with_cover.get_parent().url).content.decode()
    rendition = brochure_with_cover.document.cover.get_rendition("max-160x220")
    assert 'alt="" class="publication-teaser__cover"' in html
    assert rendition.file.name in html


def test_home_page_features_the_brochure_with_its_cover(client, brochure_with_cover):
    html = client.get("/de/").content.decode()
    panel = html[html.index('class="home-block home-publication"') :]
    assert brochure_with_cover.title in panel
    assert 'alt="" class="home-publication__cover"' in panel
    assert brochure_with_cover.document.url in panel


def test_the_cover_follows_its_document_out_of_the_pending_collection(upload):
    document = upload("leitfaden.pdf", sample_files.pdf_bytes())
    other = Collection.get_first_root_node().add_child(name="Anderswo")
    document.collection = other
    document.save(update_fields=["collection"])
    document.cover.refresh_from_db()
    assert document.cover.collection_id == other.pk


def test_a_pending_documents_cover_is_not_listed_for_release_and_goes_out_with_it(
    upload, administration_client
):
    from portal.editorial.files import pending_collection, release

    document = upload("entwurf.pdf", sample_files.pdf_bytes())
    document.collection = pending_collection()
    document.save()
    document.cover.refresh_from_db()
    assert document.cover.collection_id == document.collection_id  # as private as its file

    response = administration_client.get(reverse("portal_pending_files"))
    listed = [row["file"] for row in response.context["rows"]]
    assert document in listed
    assert document.cover not in listed

    release(document)
    document.cover.refresh_from_db()
    assert document.cover.collection_id == Collection.get_first_root_node().pk


def test_a_replacement_gets_no_cover_and_the_released_file_redraws_the_published_one(
    upload, django_capture_on_commit_callbacks
):
    from portal.editorial.files import release

    published = upload("alt.pdf", sample_files.pdf_bytes(text="Erste Auflage"))
    old_hash = published.cover.file_hash
    replacement = upload(
        "neu.pdf", sample_files.pdf_bytes(text="Zweite Auflage"), replaces=published.pk
    )
    assert replacement.cover is None

    with django_capture_on_commit_callbacks(execute=True):
        release(replacement)
    published.refresh_from_db()
    assert published.cover.file_hash != old_hash


def test_a_documents_cover_goes_with_it(upload):
    document = upload("leitfaden.pdf", sample_files.pdf_bytes())
    cover_pk = document.cover_id
    document.delete()
    assert not get_image_model().objects.filter(pk=cover_pk).exists()
