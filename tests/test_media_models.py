"""The custom image model requires alternative text; the document model carries its facts."""

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file, get_test_image_file_jpeg
from wagtail.models import Collection

import pytest

from portal.blocks import CaptionedImageBlock, DocumentLinkBlock


@pytest.fixture
def image(db):
    return get_image_model().objects.create(
        title="Teilnehmerkarten",
        file=get_test_image_file(),
        description="Teilnehmer-Ansteck-Karten auf einem Tisch ausgebreitet",
        credit="Foto: Land NRW",
    )


def test_image_upload_without_alt_text_is_refused_with_a_message(admin_client):
    response = admin_client.post(
        reverse("wagtailimages:add"),
        {"title": "Ohne Alternativtext", "file": get_test_image_file(), "description": ""},
    )
    assert response.status_code == 200
    assert "description" in response.context["form"].errors
    assert not get_image_model().objects.filter(title="Ohne Alternativtext").exists()


def test_image_upload_with_alt_text_is_stored(admin_client):
    response = admin_client.post(
        reverse("wagtailimages:add"),
        {
            "title": "Karten",
            "file": SimpleUploadedFile("karten.jpg", get_test_image_file_jpeg().file.getvalue()),
            "description": "Karten auf einem Tisch",
            "credit": "Foto: Land NRW",
            "collection": Collection.get_first_root_node().pk,
        },
    )
    assert response.status_code == 302, response.context["form"].errors
    image = get_image_model().objects.get(title="Karten")
    assert (image.default_alt_text, image.credit) == ("Karten auf einem Tisch", "Foto: Land NRW")


def test_image_block_renders_a_rendition_with_alt_text_and_credit(image):
    block = CaptionedImageBlock()
    value = block.to_python(
        {"image": {"image": image.pk, "decorative": False, "alt_text": ""}, "caption": "Karten"}
    )
    html = block.render(value)
    assert 'alt="Teilnehmer-Ansteck-Karten auf einem Tisch ausgebreitet"' in html
    assert "/media/images/" in html and ".width-" in html  # a rendition, not the original
    assert "Foto: Land NRW" in html
    assert "<figcaption>" in html


def test_decorative_image_has_empty_alt(image):
    block = CaptionedImageBlock()
    value = block.to_python({"image": {"image": image.pk, "decorative": True, "alt_text": ""}})
    assert 'alt=""' in block.render(value)


def test_document_link_states_format_size_and_language(db):
    document = get_document_model().objects.create(
        title="Leitfaden für Arbeitgeber",
        file=SimpleUploadedFile("leitfaden.pdf", b"%PDF-1.4\n" + b"0" * 1_258_291),
        language="de",
    )
    block = DocumentLinkBlock()
    html = block.render(block.to_python({"document": document.pk, "text": ""}))
    assert "Leitfaden für Arbeitgeber" in html
    assert "(PDF, 1,2\xa0MB, Deutsch)" in html
    document.refresh_from_db()
    assert document.file_size == 1_258_300
