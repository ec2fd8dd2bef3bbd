"""What translators get to translate: every text field, the texts inside the body, and the
alternative text and caption of each image in it."""

from wagtail.images.tests.utils import get_test_image_file
from wagtail_localize.models import TranslationSource

import pytest

from portal.blocks import CaptionedImageBlock
from portal.models import PortalImage
from tests.helpers import topic_page

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


def content_models():
    from django.apps import apps

    from wagtail.models import Page, TranslatableMixin

    return [
        model
        for model in apps.get_models()
        if issubclass(model, TranslatableMixin) and model is not Page and not model._meta.abstract
    ]


def content_fields(model):
    """The fields an editor fills in on this model (Wagtail's own page machinery aside)."""
    from wagtail.models import Page

    from modelcluster.models import get_all_child_relations

    page_fields = {field.name for field in Page._meta.get_fields()}
    names = {
        field.name
        for field in model._meta.get_fields()
        if getattr(field, "concrete", False)
        and field.editable
        and not field.auto_created
        and field.name not in page_fields
        and field.name not in {"locale", "translation_key", "page", "sort_order", "latest_revision"}
        and not field.name.startswith("_")
        and field.name not in {"live", "has_unpublished_changes", "locked", "locked_at"}
    }
    relations = {relation.name for relation in get_all_child_relations(model)}
    return (names | relations) - {"comments", "wagtail_admin_comments"}


@pytest.mark.parametrize("model", content_models(), ids=lambda model: model.__name__)
def test_translatable_fields_are_declared_for_every_field(model):
    declared_by = [cls for cls in model.__mro__ if "translatable_fields" in vars(cls)]
    assert declared_by, f"{model.__name__} leaves its translatable fields to a guess"
    declared = {field.field_name for field in model.translatable_fields}
    assert content_fields(model) <= declared, content_fields(model) - declared
