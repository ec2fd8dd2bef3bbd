"""Guidance in the admin (issue 15, item 6): every page type says in German what it is for
and shows an icon of its own when an editor creates a page, and every block the block menu
offers has a German description and an icon of its own."""

import re

from django.urls import reverse
from django.utils import translation

from wagtail import blocks
from wagtail.admin.icons import get_icons
from wagtail.fields import StreamField
from wagtail.models import Page, get_page_models
from wagtail.test.utils.form_data import nested_form_data, streamfield

import pytest
from bs4 import BeautifulSoup

from home.models import TopicPage
from portal.slugs import german_slugify
from tests.factories import PartnerFactory
from tests.helpers import draft_by, edit_url, section_de, topic_form, topic_page

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


def test_every_page_type_has_an_icon_of_its_own():
    """Wagtail 8 showed the same "+" for every type in the list of types to create."""
    icons = {model.__name__: getattr(model, "admin_icon", None) for model in PORTAL_PAGE_TYPES}
    wagtail_icons = set(re.findall(r'id="icon-([\w-]+)"', get_icons()))
    assert set(icons.values()) <= wagtail_icons - {"plus-inverse", "doc-empty-inverse"}, icons
    assert len(set(icons.values())) == len(icons) == 12


def test_the_list_of_page_types_shows_each_types_icon(seeded, client, role_users):
    client.force_login(role_users["editor"])
    home = seeded["de"]
    html = client.get(reverse("wagtailadmin_pages:add_subpage", args=[home.pk])).content
    soup = BeautifulSoup(html.decode(), "html.parser")
    offered = [model for model in type(home).allowed_subpage_models() if model.can_create_at(home)]
    for model in offered:
        meta = model._meta
        add = reverse("wagtailadmin_pages:add", args=[meta.app_label, meta.model_name, home.pk])
        link = soup.find("a", href=add)
        assert link.svg.use["href"] == f"#icon-{getattr(model, 'admin_icon', '')}", model.__name__


def test_creating_a_page_shows_what_each_type_is_for(seeded, client, role_users):
    client.force_login(role_users["editor"])
    response = client.get(reverse("wagtailadmin_pages:add_subpage", args=[seeded["de"].pk]))
    html = response.content.decode()
    home = seeded["de"]
    offered = [model for model in type(home).allowed_subpage_models() if model.can_create_at(home)]
    assert len(offered) > 1
    for model in offered:
        assert str(model.get_page_description()) in html


# Starting a page whose address is taken ------------------------------------------------------


def new_topic_form(title, slug):
    return nested_form_data(
        {
            "title": title,
            "slug": slug,
            "lead": "Vorspann.",
            "body": streamfield([]),
            "sidebar": streamfield([]),
        }
    )


def messages_area(html):
    """The messages at the top of the form, above every tab."""
    soup = BeautifulSoup(html, "html.parser")
    return " ".join(soup.select_one(".messages").get_text(" ").split())


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        ("Arbeitsmarkt im Blick", "arbeitsmarkt-im-blick"),  # the same page started again
        ("Größe für Übersetzer", "größe-für-übersetzer"),  # as the browser fills the slug
    ],
)
def test_starting_a_page_whose_address_is_taken_explains_it_above_the_tabs(
    seeded, client, role_users, title, slug
):
    client.force_login(role_users["editor"])
    existing = draft_by(role_users["editor"], slug=german_slugify(slug))
    existing.title = existing.draft_title = title
    existing.save()
    add = reverse("wagtailadmin_pages:add", args=["home", "topicpage", section_de().pk])

    response = client.post(add, new_topic_form(title, slug))

    assert response.status_code == 200
    top = messages_area(response.content.decode())
    assert f"Unter „{section_de().title}“ gibt es schon die Seite „{title}“ (Entwurf)" in top
    assert f"Adresse „{german_slugify(slug)}“" in top
    assert "Tab „Veröffentlichung“" in top
    assert TopicPage.objects.filter(title=title).count() == 1


def test_a_free_address_and_saving_an_existing_page_pass(seeded, client, role_users):
    client.force_login(role_users["editor"])
    add = reverse("wagtailadmin_pages:add", args=["home", "topicpage", section_de().pk])
    response = client.post(add, new_topic_form("Ganz neu", "ganz-neu"))
    assert response.status_code == 302
    page = TopicPage.objects.get(slug="ganz-neu")
    response = client.post(edit_url(page), topic_form(page, "Weiter."))
    assert response.status_code == 302


# "Übersetzen": the one language left is ticked ---------------------------------------------


def ticked_locales(html):
    soup = BeautifulSoup(html, "html.parser")
    return [box["value"] for box in soup.select('input[name="locales"]') if box.has_attr("checked")]


def test_translating_a_page_has_english_ticked(seeded, client, role_users, locale_en):
    page = topic_page(title="Nur Deutsch", slug="nur-deutsch")
    client.force_login(role_users["administrator"])
    url = reverse("wagtail_localize:submit_page_translation", args=[page.pk])
    response = client.get(url)
    assert response.status_code == 200
    assert ticked_locales(response.content.decode()) == [str(locale_en.pk)]

    # the form as it opens is sent as it is: English comes into being
    response = client.post(url, {"locales": [str(locale_en.pk)]})
    assert response.status_code == 302
    assert page.get_translation_or_none(locale_en) is not None


def test_translating_a_partner_has_english_ticked(seeded, client, role_users, locale_en):
    partner = PartnerFactory(name="Nur deutscher Partner")
    client.force_login(role_users["administrator"])
    url = reverse(
        "wagtail_localize:submit_snippet_translation", args=["partners", "partner", partner.pk]
    )
    assert ticked_locales(client.get(url).content.decode()) == [str(locale_en.pk)]


def test_nothing_is_ticked_when_the_address_chooses(seeded, client, role_users):
    page = topic_page(title="Nur Deutsch", slug="nur-deutsch")
    client.force_login(role_users["administrator"])
    url = reverse("wagtail_localize:submit_page_translation", args=[page.pk])
    assert ticked_locales(client.get(url, {"select_locale": "xx"}).content.decode()) == []
