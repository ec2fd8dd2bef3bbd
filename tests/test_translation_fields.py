"""What translators get to translate: every text field, the texts inside the body, and the
alternative text and caption of each image in it."""

from wagtail.images.tests.utils import get_test_image_file
from wagtail_localize.models import TranslationSource

import pytest

from portal.blocks import CaptionedImageBlock
from portal.models import PortalImage
from tests.editorial import topic_page

pytestmark = pytest.mark.django_db


def strings(page):
    """The page's strings as a translator sees them, by field path."""
    source, _ = TranslationSource.get_or_create_from_instance(page)
    segments = source.stringsegment_set.select_related("context", "string")
    return {segment.context.path: segment.string.data for segment in segments}


def test_texts_of_a_topic_page_are_offered_for_translation(seeded):
    page = topic_page(title="Arbeitsmarkt im Blick", lead="Der Vorspann.")
    offered = strings(page)
    assert offered["title"] == "Arbeitsmarkt im Blick"
    assert offered["lead"] == "Der Vorspann."
    assert offered["slug"] == page.slug


def test_alt_text_and_caption_of_a_body_image_are_offered_for_translation(seeded):
    image = PortalImage.objects.create(
        title="Foto", file=get_test_image_file(), description="Zwei Menschen im Gespräch"
    )
    page = topic_page()
    value = {
        "image": {
            "image": image.pk,
            "alt_text": "Zwei Kolleginnen am Empfang",
            "decorative": False,
        },
        "caption": "Beratung im Bürgerbüro",
    }
    page.body = [("image", CaptionedImageBlock().to_python(value))]
    page.save_revision().publish()

    offered = set(strings(page).values())
    assert "Zwei Kolleginnen am Empfang" in offered
    assert "Beratung im Bürgerbüro" in offered
