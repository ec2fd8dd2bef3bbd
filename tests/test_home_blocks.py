"""The home page leads: blocks editors compose, in German and through translation in English."""

import re
import uuid
from html.parser import HTMLParser

import pytest

from downloads.models import PublicationPage
from home.models import ContactPage, HomePage, SectionPage
from partners.models import PartnerFormPage
from press.models import PressReleaseIndexPage, PressReleasePage
from tests.factories import empty_archive, make_releases
from tests.test_query_budget import BUDGET

BLOCK_ORDER = ["sections", "publication", "newest_press_releases", "call_to_action", "contact"]


def _html(client, page):
    response = client.get(page.url)
    assert response.status_code == 200, page.url
    return response.content.decode()


def _home(language):
    return HomePage.objects.get(depth=2, locale__language_code=language)


class _Outline(HTMLParser):
    """The page's headings (level, text) and the img tags in <main>."""

    def __init__(self):
        super().__init__()
        self.headings, self.images, self._heading, self._in_main = [], [], None, False

    def handle_starttag(self, tag, attrs):
        if tag == "main":
            self._in_main = True
        if self._in_main and re.fullmatch(r"h[1-6]", tag):
            self._heading = [int(tag[1]), ""]
        if self._in_main and tag == "img":
            self.images.append(dict(attrs))

    def handle_endtag(self, tag):
        if tag == "main":
            self._in_main = False
        if self._heading and tag == f"h{self._heading[0]}":
            self.headings.append((self._heading[0], self._heading[1].strip()))
            self._heading = None

    def handle_data(self, data):
        if self._heading:
            self._heading[1] += data


def _outline(html):
    parser = _Outline()
    parser.feed(html)
    return parser


def test_the_seeded_german_home_has_the_blocks_in_a_sensible_order(seeded):
    home = _home("de")
    assert [block.block_type for block in home.home_blocks] == BLOCK_ORDER


@pytest.mark.parametrize("language", ["de", "en"])
def test_the_home_page_shows_every_blocks_content(seeded, client, language):
    home = _home(language)
    html = _html(client, home)
    brochure = PublicationPage.objects.get(locale=home.locale)
    release = PressReleasePage.objects.live().filter(locale=home.locale).latest("date")
    partner_form = PartnerFormPage.objects.get(locale=home.locale)
    contact = ContactPage.objects.get(locale=home.locale, slug__in=["kontakt", "contact"])
    sections = SectionPage.objects.child_of(home).live()
    # Publication: the page's own language title, the cover (decorative beside the title
    # link) and the download with format and size.
    publication = html[html.index('class="home-block home-publication"') :]
    assert f'href="{brochure.url}">{brochure.title}</a>' in publication
    cover = brochure.cover_image
    assert cover.get_rendition("max-200x280").file.name in publication
    assert 'alt="" class="home-publication__cover"' in publication
    assert brochure.document.url in publication
    assert "PDF" in publication
    # Newest press releases and the archive.
    news = html[html.index('class="home-block home-news"') :]
    assert f'href="{release.url}">{release.title}</a>' in news
    archive = PressReleaseIndexPage.objects.get(locale=home.locale)
    assert f'href="{archive.url}"' in news
    # Call to action and contact lead to the pages in the reader's language.
    assert f'class="kern-btn kern-btn--primary" href="{partner_form.url}"' in html
    assert f'href="{contact.url}"' in html[html.index('class="home-block home-contact"') :]
    for section in sections:
        assert f'href="{section.url}">{section.title}</a>' in html
    # English texts come from the translation.
    expected = {
        "de": [
            "Themen",
            "Leitfaden für Arbeitgeber",
            "Aktuelle Pressemitteilungen",
            "Partner werden",
            "Kontakt",
        ],
        "en": [
            "Topics",
            "Guide for employers",
            "Latest press releases",
            "Become a partner",
            "Contact",
        ],
    }[language]
    outline = _outline(html)
    assert outline.headings[0] == (1, home.title)
    assert [text for level, text in outline.headings if level == 2] == expected
    # Headings in order: never a jump of more than one level down.
    levels = [level for level, _ in outline.headings]
    assert all(after <= before + 1 for before, after in zip(levels, levels[1:], strict=False))
    assert all("alt" in image for image in outline.images)


def test_the_english_blocks_choose_the_english_pages(seeded):
    """The English StreamField itself points to the English pages, not only the render."""
    english = _home("en")
    chosen = [
        block.value.get("publication") or block.value.get("page")
        for block in english.home_blocks
        if block.block_type in {"publication", "call_to_action", "contact"}
    ]
    assert chosen and all(page.locale_id == english.locale_id for page in chosen)


def _set_blocks(home, blocks):
    home.home_blocks = blocks
    home.save_revision().publish()


def test_an_editor_reorders_and_removes_blocks(seeded, client):
    home = _home("de")
    raw = list(home.home_blocks.raw_data)
    contact, cta = raw[4], raw[3]
    _set_blocks(home, [contact, cta])  # contact first, then "Partner werden"; the rest gone
    html = _html(client, home)
    assert 'class="home-block home-publication"' not in html
    assert 'class="home-block home-news"' not in html
    assert "Themen" not in [text for _, text in _outline(html).headings]
    assert html.index('class="home-block home-contact"') < html.index('class="home-block home-cta"')


@pytest.mark.parametrize("action", ["unpublish", "delete"])
def test_a_chosen_page_unpublished_or_deleted_leaves_its_block_out(seeded, client, action):
    home = _home("de")
    brochure = PublicationPage.objects.get(locale=home.locale)
    partner_form = PartnerFormPage.objects.get(locale=home.locale)
    for page in (brochure, partner_form):
        if action == "unpublish":
            page.get_translations(inclusive=True).unpublish()
        else:
            for translation in page.get_translations(inclusive=True):
                translation.delete()
    for language in ("de", "en"):
        html = _html(client, _home(language))
        assert 'class="home-block home-publication"' not in html
        assert 'class="home-block home-cta"' not in html
        assert 'class="home-block home-contact"' in html  # the others still show


def test_an_untranslated_chosen_page_is_shown_in_german(seeded, client):
    """A page without an English version: the English home links the German page."""
    home = _home("de")
    section = SectionPage.objects.get(locale=home.locale)
    extra = section.add_child(instance=SectionPage(title="Nur auf Deutsch", slug="nur-deutsch"))
    raw = list(home.home_blocks.raw_data)
    raw[0]["value"]["pages"] = [{"type": "item", "value": extra.pk, "id": str(uuid.uuid4())}]
    _set_blocks(home, raw)
    english = _home("en")
    raw_en = list(english.home_blocks.raw_data)
    raw_en[0] = raw[0]
    _set_blocks(english, raw_en)
    html = _html(client, english)
    assert f'href="{extra.url}">Nur auf Deutsch</a>' in html


def test_every_block_describes_itself_and_its_preview_shows_it(seeded):
    """The block picker: a description, an icon, and a preview with real content."""
    block = HomePage.home_blocks.field.stream_block
    for name, child in block.child_blocks.items():
        assert child.meta.description and child.meta.icon, name
        assert child.meta.template.startswith("home/blocks/"), name
        value = child.get_preview_value()
        html = child.render(value, context={})  # the preview has no page in its context
        assert f">{value['heading']}</h2>" in html, name


def _news_titles(html):
    news = html[html.index('class="home-block home-news"') :]
    news = news[: news.index("</section>")]
    return re.findall(r'kern-link--stretched" href="[^"]+">([^<]+)</a>', news)


def test_the_newest_releases_come_first_and_the_number_is_the_editors(
    seeded, client, django_assert_max_num_queries
):
    home = _home("de")
    archive = PressReleaseIndexPage.objects.get(locale=home.locale)
    make_releases(archive, 2)
    client.get(home.url)  # warm
    with django_assert_max_num_queries(BUDGET) as few:
        html = _html(client, home)
    count = len(few)
    # 2018's seed release is older than 2020's: the two new ones, newest first, then it.
    assert _news_titles(html) == [
        "Mitteilung 1",
        "Mitteilung 0",
        "Partnerveranstaltung im Ministerium",
    ]
    make_releases(archive, 8, first=2)
    raw = list(home.home_blocks.raw_data)
    raw[2]["value"]["number"] = 5
    _set_blocks(home, raw)
    client.get(home.url)  # warm
    with django_assert_max_num_queries(count):  # more releases shown, no more queries
        html = _html(client, home)
    assert _news_titles(html) == [f"Mitteilung {number}" for number in range(9, 4, -1)]


def test_without_releases_the_block_is_left_out(seeded, client):
    home = _home("de")
    empty_archive(home)
    html = _html(client, home)
    assert 'class="home-block home-news"' not in html
    assert "Aktuelle Pressemitteilungen" not in html


def test_editors_and_translators_open_the_home_blocks_in_the_admin(seeded, admin_client):
    for language, text in (("de", "Aktuelle Pressemitteilungen"), ("en", "Guide for employers")):
        home = _home(language)
        response = admin_client.get(f"/admin/pages/{home.pk}/edit/")
        assert response.status_code == 200
        assert text in response.content.decode()  # the editor, or the translation editor
    for name, child in HomePage.home_blocks.field.stream_block.child_blocks.items():
        response = admin_client.get("/admin/block-preview/", {"id": child.definition_prefix})
        assert response.status_code == 200, name
        assert "<h2" in response.content.decode(), name


def test_stored_values_the_admin_would_refuse_render_without_error(seeded, client):
    """A publication block naming another page type, a number left empty: no 500."""
    home = _home("de")
    raw = list(home.home_blocks.raw_data)
    raw[1]["value"]["publication"] = home.pk  # the home page is no publication
    raw[2]["value"]["number"] = None
    _set_blocks(home, raw)
    html = _html(client, home)
    assert 'class="home-block home-publication"' not in html
    assert _news_titles(html) == ["Partnerveranstaltung im Ministerium"]
