"""Blocks validate their input with clear messages and describe themselves to editors."""

from wagtail.blocks.struct_block import StructBlockValidationError

import pytest

from portal.blocks import BodyBlock, LinkBlock, RelatedLinksBlock


def test_every_body_block_describes_itself_for_the_block_picker():
    for name, block in BodyBlock().child_blocks.items():
        assert block.meta.description, name
        assert block.meta.template.startswith("blocks/"), name
        assert block.meta.icon, name


@pytest.mark.parametrize(
    "value",
    [
        {"text": "Weder noch", "page": None, "url": ""},
        {"text": "Beides", "page": 1, "url": "https://www.land.nrw/"},
    ],
)
def test_link_needs_exactly_one_target(home_de, value):
    block = LinkBlock()
    if value["page"]:
        value = {**value, "page": home_de.pk}
    with pytest.raises(StructBlockValidationError) as error:
        block.clean(block.to_python(value))
    assert "genau eines" in str(error.value.block_errors["url"])


def test_related_links_render_as_a_list_with_a_heading(home_de):
    block = RelatedLinksBlock()
    value = block.to_python(
        {
            "heading": "Weitere Informationen",
            "links": [
                {"text": "Startseite", "page": home_de.pk, "url": ""},
                {"text": "Landesportal", "page": None, "url": "https://www.land.nrw/"},
            ],
        }
    )
    html = block.render(block.clean(value))
    assert "<h2>Weitere Informationen</h2>" in html
    assert '<a href="/de/">Startseite</a>' in html
    assert '<a href="https://www.land.nrw/">Landesportal</a>' in html


def test_heading_level_is_respected():
    block = BodyBlock()
    value = block.to_python([{"type": "heading", "value": {"text": "Ziele", "level": "h3"}}])
    assert '<h3 class="body-heading">Ziele</h3>' in block.render(value)


def test_every_block_preview_renders(db):
    for name, block in BodyBlock().child_blocks.items():
        html = block.render(block.get_preview_value())
        assert html.strip() or name in {"image", "document"}, name  # no media: nothing shown
        assert 'src=""' not in html, name


def test_media_block_previews_use_the_newest_library_item(db):
    from wagtail.images import get_image_model
    from wagtail.images.tests.utils import get_test_image_file

    get_image_model().objects.create(
        title="Karten", file=get_test_image_file(), description="Karten auf einem Tisch"
    )
    block = BodyBlock().child_blocks["image"]
    assert 'alt="Karten auf einem Tisch"' in block.render(block.get_preview_value())
