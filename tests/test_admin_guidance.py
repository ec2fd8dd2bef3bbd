"""Guidance in the admin (issue 15, item 6): every page type says in German what it is for
when an editor creates a page, and every block the block menu offers has a German
description and an icon of its own."""

from django.urls import reverse
from django.utils import translation

from wagtail import blocks
from wagtail.fields import StreamField
from wagtail.models import Page, get_page_models

import pytest

pytestmark = pytest.mark.django_db

PORTAL_PAGE_TYPES = [model for model in get_page_models() if model is not Page]


def offered_blocks():
    """(page type, field, block name, block) for each block of a StreamField's menu."""
    for model in PORTAL_PAGE_TYPES:
        for field in model._meta.get_fields():
            if isinstance(field, StreamField):
                for name, block in field.stream_block.child_blocks.items():
                    yield model.__name__, field.name, name, block


@pytest.mark.parametrize("model", PORTAL_PAGE_TYPES, ids=lambda model: model.__name__)
def test_every_page_type_describes_itself_in_german(model):
    german = str(model.get_page_description())
    with translation.override("en"):
        english = str(model.get_page_description())
    assert len(german) > 30 and german != english  # translated, so a German source string


@pytest.mark.parametrize("block", list(offered_blocks()), ids=lambda entry: ".".join(entry[:3]))
def test_every_offered_block_has_a_description_and_an_icon(block):
    _model, _field, _name, block = block
    assert len(str(block.meta.description or "")) > 20
    assert block.meta.icon not in ("", "placeholder")
    if isinstance(block, blocks.ListBlock):  # the items a panel lists, e.g. external links
        assert block.child_block.meta.icon != "placeholder"


def test_creating_a_page_shows_what_each_type_is_for(seeded, client, role_users):
    client.force_login(role_users["editor"])
    response = client.get(reverse("wagtailadmin_pages:add_subpage", args=[seeded["de"].pk]))
    html = response.content.decode()
    home = seeded["de"]
    offered = [model for model in type(home).allowed_subpage_models() if model.can_create_at(home)]
    assert len(offered) > 1
    for model in offered:
        assert str(model.get_page_description()) in html
