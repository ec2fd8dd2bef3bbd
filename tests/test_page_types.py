"""Where each page type may live, and that every page type renders in both languages."""

from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

import pytest

from downloads.models import DownloadIndexPage
from home.models import ContactPage, HomePage, SectionPage, StandardPage, TopicPage
from partners.models import PartnerIndexPage
from press.models import PressReleaseIndexPage
from tests.factories import (
    SectionPageFactory,
    StandardPageFactory,
    TopicPageFactory,
)


class TestCreationRules(WagtailPageTestCase):
    def test_home_page_only_at_the_root(self):
        self.assertAllowedParentPageTypes(HomePage, {Page})
        root = Page.get_first_root_node()
        home = HomePage.objects.get(locale__language_code="de")
        self.assertTrue(HomePage.can_create_at(root))
        self.assertFalse(HomePage.can_create_at(home))

    def test_section_page_under_home_page(self):
        self.assertAllowedParentPageTypes(SectionPage, {HomePage})
        self.assertAllowedSubpageTypes(
            HomePage,
            {SectionPage, StandardPage, ContactPage, PressReleaseIndexPage, DownloadIndexPage},
        )

    def test_topic_page_under_section_or_topic_page(self):
        self.assertAllowedParentPageTypes(TopicPage, {SectionPage, TopicPage})
        self.assertAllowedSubpageTypes(SectionPage, {TopicPage})
        self.assertAllowedSubpageTypes(TopicPage, {TopicPage, PartnerIndexPage})

    def test_standard_page_under_home_page_with_a_feedback_form(self):
        self.assertAllowedParentPageTypes(StandardPage, {HomePage})
        self.assertAllowedSubpageTypes(StandardPage, {ContactPage})

    def test_editor_can_create_a_topic_page_with_a_body(self):
        home = HomePage.objects.get(locale__language_code="de")
        section = SectionPageFactory(parent=home, title="Neuer Bereich")
        self.login()
        self.assertCanCreate(
            section,
            TopicPage,
            nested_form_data(
                {
                    "title": "Interkulturelle Öffnung",
                    "slug": "interkulturelle-oeffnung",
                    "lead": "Ein Vorspann.",
                    "body": streamfield(
                        [
                            ("heading", {"text": "Ziele", "level": "h2"}),
                            ("paragraph", rich_text("<p>Text</p>")),
                        ]
                    ),
                    "sidebar": streamfield([]),
                }
            ),
        )

    def test_second_home_page_in_the_same_language_is_refused(self):
        home = HomePage.objects.get(locale__language_code="de")
        duplicate = HomePage(title="Zweite Startseite", slug="zweite", locale=home.locale)
        with pytest.raises(Exception, match="bereits eine Startseite"):
            duplicate.full_clean()


@pytest.mark.parametrize(
    ("factory", "parent_factory"),
    [
        (SectionPageFactory, None),
        (StandardPageFactory, None),
        (TopicPageFactory, SectionPageFactory),
    ],
)
def test_every_page_type_renders_in_both_languages(seeded, client, factory, parent_factory):
    for language, home in seeded.items():
        parent = parent_factory(parent=home) if parent_factory else home
        page = factory(
            parent=parent,
            title=f"Prüfseite {language}",
            body__0__heading__text="Eine Überschrift",
        )
        response = client.get(page.url)
        assert response.status_code == 200, page.url
        content = response.content.decode()
        assert f'<html lang="{language}">' in content
        assert f"<h1>Prüfseite {language}</h1>" in content
        assert "Eine Überschrift" in content  # the body's heading block


@pytest.mark.parametrize("language", ["de", "en"])
def test_home_page_renders_with_section_teasers(seeded, client, language):
    response = client.get(f"/{language}/")
    assert response.status_code == 200
    section = SectionPage.objects.get(locale__language_code=language)
    assert f'href="{section.url}"' in response.content.decode()
