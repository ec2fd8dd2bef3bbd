"""Renditions are made by the task when an image is saved or a page using it is published;
showing a page makes none (`portal.renditions`)."""

import json
import re
from pathlib import Path

from django.conf import settings
from django.core.cache import caches

from wagtail.images import get_image_model
from wagtail.images.tests.utils import get_test_image_file

import pytest

from downloads.models import DownloadIndexPage
from portal.renditions import RENDITION_SPECS
from tests.factories import PublicationPageFactory, StandardPageFactory

ROOT = Path(settings.BASE_DIR)
TEMPLATE_SPEC = re.compile(r"{%\s*image\s+\S+\s+((?:max|min|width|height|fill|scale)-[\w-]+)")
SRCSET_SPEC = re.compile(r"{%\s*srcset_image\s+\S+\s+(\w+)-{([\d,]+)}")
PYTHON_SPEC = re.compile(
    r"(?:RenditionField|RENDITION_SPEC\s*=)\(?\s*\"((?:max|width|fill)-[\dx]+)\""
)


def _sources(pattern):
    for path in ROOT.rglob(pattern):
        if not {".venv", "node_modules", ".git", "static"} & set(path.relative_to(ROOT).parts):
            yield path.read_text(encoding="utf-8")


def specs_in_code():
    specs = set()
    for text in _sources("*.html"):
        specs.update(TEMPLATE_SPEC.findall(text))
        for operation, sizes in SRCSET_SPEC.findall(text):
            specs.update(f"{operation}-{size}" for size in sizes.split(","))
    for text in _sources("*.py"):
        specs.update(PYTHON_SPEC.findall(text))
    return specs


def test_every_size_the_templates_and_the_api_ask_for_is_made_ahead():
    found = specs_in_code()
    assert {"max-160x220", "max-320x440", "width-800", "max-800x1200"} <= found  # the scan works
    assert found <= set(RENDITION_SPECS)


def rendition_specs(image):
    return set(image.renditions.values_list("filter_spec", flat=True))


def new_image(title="Titelblatt"):
    # Wagtail's rendition cache would remember earlier tests' images (rolled back, ids reused).
    caches["renditions"].clear()
    return get_image_model().objects.create(
        title=title, file=get_test_image_file(size=(1600, 1200)), description=title
    )


@pytest.fixture
def image(media):
    """An image whose upload's task has not run (saved without running after-commit work)."""
    return new_image()


def test_an_uploaded_image_gets_every_size_from_the_task(
    db, media, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        uploaded = new_image()
    assert rendition_specs(uploaded) == set(RENDITION_SPECS)


def files_in(folder):
    return sorted(path.name for path in Path(folder).rglob("*") if path.is_file())


def publish(page, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()


def test_publishing_a_publication_makes_its_covers_renditions_and_showing_it_makes_none(
    seeded, client, image, media, django_capture_on_commit_callbacks
):
    downloads = DownloadIndexPage.objects.get(locale__language_code="de")
    publication = PublicationPageFactory(parent=downloads, title="Mit Titelbild", cover=image)
    assert rendition_specs(image) == set()
    publish(publication, django_capture_on_commit_callbacks)
    assert {"max-160x220", "max-320x440"} <= rendition_specs(image)

    renditions, files = image.renditions.count(), files_in(media)
    for url in (publication.url, downloads.url):
        response = client.get(url)
        assert response.status_code == 200
        assert "Mit Titelbild" in response.content.decode()
    assert image.renditions.count() == renditions
    assert files_in(media) == files


def body_with(image):
    value = {
        "image": {"image": image.pk, "alt_text": "", "decorative": True},
        "caption": "Ein Bild",
    }
    return json.dumps([{"type": "image", "value": value}])


def test_publishing_a_page_makes_the_renditions_of_the_images_in_its_body(
    seeded, client, image, media, django_capture_on_commit_callbacks
):
    page = StandardPageFactory(parent=seeded["de"], title="Bilderseite", body=body_with(image))
    publish(page, django_capture_on_commit_callbacks)
    assert {"width-480", "width-800", "width-1200"} <= rendition_specs(image)
    renditions = image.renditions.count()
    response = client.get(page.url)
    assert response.status_code == 200
    assert "Ein Bild" in response.content.decode()
    assert image.renditions.count() == renditions


def test_without_the_task_the_visitor_would_wait_for_them(seeded, client, image, media):
    """What the tests above rule out: a page whose images have no renditions makes them."""
    page = StandardPageFactory(parent=seeded["de"], title="Bilderseite", body=body_with(image))
    assert client.get(page.url).status_code == 200
    assert {"width-480", "width-800", "width-1200"} <= rendition_specs(image)
