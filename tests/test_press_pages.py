"""Press release pages: where they live, what they show, in both languages."""

import datetime

from django.core.exceptions import ValidationError

from wagtail.models import Page
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import inline_formset, nested_form_data, rich_text, streamfield
from wagtail_localize.fields import SynchronizedField, TranslatableField, get_translatable_fields

import pytest

from home.models import HomePage, TopicPage
from press.models import PressReleaseIndexPage, PressReleasePage
from tests.factories import (
    ContactPersonFactory,
    SectionPageFactory,
    StandardPageFactory,
    TopicPageFactory,
    empty_archive,
    make_archive,
    make_release,
    remove_archive,
)

# The home app lists the archive among the home page's subpage types once the press section
# is merged; until then the end-to-end rule is expected to fail (and must pass afterwards).


class TestCreationRules(WagtailPageTestCase):
    def test_archive_declares_the_home_page_as_parent(self):
        assert PressReleaseIndexPage.clean_parent_page_models() == [HomePage]
        assert PressReleaseIndexPage.max_count_per_parent == 1
        self.assertAllowedSubpageTypes(PressReleaseIndexPage, {PressReleasePage})

    def test_archive_lives_under_the_home_page_once(self):
        self.assertAllowedParentPageTypes(PressReleaseIndexPage, {HomePage})
        home = HomePage.objects.get(locale__language_code="de")
        remove_archive(home)
        assert PressReleaseIndexPage.can_create_at(home)
        make_archive(home)
        assert not PressReleaseIndexPage.can_create_at(home)

    def test_release_lives_in_the_archive_without_children(self):
        self.assertAllowedParentPageTypes(PressReleasePage, {PressReleaseIndexPage})
        self.assertAllowedSubpageTypes(PressReleasePage, set())

    def test_editor_creates_a_release_with_topic_and_contact(self):
        home = HomePage.objects.get(locale__language_code="de")
        topic = TopicPageFactory(parent=SectionPageFactory(parent=home), title="Thema")
        person = ContactPersonFactory(name="Kerstin Peters")
        archive = empty_archive(home)
        self.login()
        self.assertCanCreate(archive, PressReleasePage, self._form(topic.pk, person.pk))
        release = PressReleasePage.objects.get(slug="partnerveranstaltung")
        assert release.date == datetime.date(2018, 3, 22)
        assert [link.topic_id for link in release.topic_links.all()] == [topic.pk]
        assert [link.person_id for link in release.contact_links.all()] == [person.pk]

    def test_only_section_and_topic_pages_can_be_topics(self):
        home = HomePage.objects.get(locale__language_code="de")
        standard = StandardPageFactory(parent=home, title="Eine Standardseite")
        archive = empty_archive(home)
        self.login()
        response = self.client.post(
            f"/admin/pages/add/press/pressreleasepage/{archive.pk}/",
            self._form(standard.pk, None),
        )
        assert response.status_code == 200
        assert not PressReleasePage.objects.filter(slug="partnerveranstaltung").exists()
        assert response.context["form"].formsets["topic_links"].errors[0]["topic"]

    def test_editor_forms_and_preview_render(self):
        home = HomePage.objects.get(locale__language_code="de")
        archive = empty_archive(home)
        release = make_release(archive, "Mitteilung", datetime.date(2024, 5, 2))
        self.login()
        add_url = f"/admin/pages/add/press/pressreleasepage/{archive.pk}/"
        assert self.client.get(add_url).status_code == 200
        assert self.client.get(f"/admin/pages/{release.pk}/edit/").status_code == 200
        assert self.client.get(f"/admin/pages/{archive.pk}/edit/").status_code == 200
        preview_on_create = f"/admin/pages/add/press/pressreleasepage/{archive.pk}/preview/"
        form = self._form(None, None)
        assert self.client.post(preview_on_create, form).json()["is_valid"]
        assert b"Partnerveranstaltung" in self.client.get(preview_on_create).content
        self.assertPageIsPreviewable(
            archive,
            post_data=nested_form_data(
                {"title": archive.title, "slug": archive.slug, "lead": "", "body": streamfield([])}
            ),
        )

    @staticmethod
    def _form(topic_id, person_id):
        return nested_form_data(
            {
                "title": "Partnerveranstaltung",
                "slug": "partnerveranstaltung",
                "date": "2018-03-22",
                "lead": "Die letzte Partnerveranstaltung fand am 22.3.2018 im Ministerium statt.",
                "body": streamfield([("paragraph", rich_text("<p>Text</p>"))]),
                "topic_links": inline_formset([{"topic": topic_id}] if topic_id else []),
                "contact_links": inline_formset([{"person": person_id}] if person_id else []),
            }
        )


def test_a_year_is_no_slug_for_a_release(home_de):
    """The archive answers `<archive>/2018/` itself, so a release there would be unreachable."""
    archive = empty_archive(home_de)
    release = PressReleasePage(title="2018", slug="2018", date=datetime.date(2018, 3, 22))
    with pytest.raises(ValidationError) as error:
        archive.add_child(instance=release)
    assert "Jahreszahl" in str(error.value)


def test_a_date_before_the_state_existed_is_refused(home_de):
    archive = empty_archive(home_de)
    release = PressReleasePage(title="Tippfehler", date=datetime.date(218, 3, 22))
    with pytest.raises(ValidationError) as error:
        archive.add_child(instance=release)
    assert "date" in error.value.message_dict


def test_date_defaults_to_today(home_de):
    archive = empty_archive(home_de)
    release = make_release(archive, "Heute", PressReleasePage().date)
    assert release.date == datetime.date.today()


@pytest.mark.parametrize(
    ("language", "texts"),
    [
        (
            "de",
            [
                "Partnerveranstaltung im Ministerium",
                '<time datetime="2018-03-22">22. März 2018</time>',
                "Die letzte Partnerveranstaltung fand am 22.3.2018 im Ministerium statt.",
                "Einmal im Jahr erstellt die Landesregierung",
                ">Interkulturelle Öffnung</a>",
                "Kerstin Peters",
                "Zurück zu allen Pressemitteilungen",
                'type="application/rss+xml"',
            ],
        ),
        (
            "en",
            [
                "Partner event at the Ministry",
                '<time datetime="2018-03-22">March 22, 2018</time>',
                "The most recent partner event took place at the Ministry on 22 March 2018.",
                "Once a year, the state government prepares a report",
                ">Intercultural opening</a>",
                "Kerstin Peters",
                'href="/en/press-releases/"',
                'type="application/rss+xml"',
            ],
        ),
    ],
)
def test_release_renders_in_both_languages(seeded, client, language, texts):
    home = seeded[language]
    release = PressReleasePage.objects.get(locale=home.locale)
    topic = TopicPage.objects.get(locale=home.locale, translation_key=_topic_key())
    response = client.get(release.url)
    assert response.status_code == 200
    content = response.content.decode()
    for text in texts:
        assert text in content, text
    assert f'href="{topic.url}"' in content  # the topic in the reader's language
    assert f'<html lang="{language}">' in content


@pytest.mark.parametrize(
    ("language", "title"), [("de", "Pressemitteilungen"), ("en", "Press releases")]
)
def test_archive_renders_in_both_languages(seeded, client, language, title):
    archive = PressReleaseIndexPage.objects.get(locale=seeded[language].locale)
    response = client.get(archive.url)
    assert response.status_code == 200
    content = response.content.decode()
    assert f"<h1>{title}</h1>" in content
    assert '<time datetime="2018-03-22">' in content
    assert f'<link rel="alternate" type="application/rss+xml" title="{title} (RSS)"' in content
    assert f'href="http://testserver{archive.url}feed/atom/"' in content


def test_english_release_keeps_its_date_and_links(seeded):
    german = PressReleasePage.objects.get(locale=seeded["de"].locale)
    english = german.get_translation(seeded["en"].locale)
    assert english.live
    assert english.date == german.date
    assert [link.topic_id for link in english.topic_links.all()] == [
        link.topic_id for link in german.topic_links.all()
    ]


def test_release_shows_only_live_topics_and_contacts(home_de, client):
    section = SectionPageFactory(parent=home_de, title="Bereich für Pressetests")
    live_topic = TopicPageFactory(parent=section, title="Öffentliches Thema")
    draft_topic = TopicPageFactory(parent=section, title="Entwurfsthema", live=False)
    live_person = ContactPersonFactory(name="Erika Muster")
    draft_person = ContactPersonFactory(name="Max Entwurf", live=False)
    release = make_release(
        empty_archive(home_de),
        "Mitteilung",
        datetime.date(2024, 5, 2),
        topics=[draft_topic, live_topic],
        contacts=[live_person, draft_person],
    )
    content = client.get(release.url).content.decode()
    assert "Öffentliches Thema" in content and "Entwurfsthema" not in content
    assert "Erika Muster" in content and "Max Entwurf" not in content


def test_release_without_topics_and_contacts_has_no_sidebar(home_de, client):
    release = make_release(empty_archive(home_de), "Kurz", datetime.date(2024, 5, 2))
    assert '<aside class="sidebar"' not in client.get(release.url).content.decode()


def _topic_key():
    return Page.objects.get(slug="interkulturelle-oeffnung").translation_key


def test_translators_translate_text_and_dates_and_topics_stay_in_sync():
    fields = {field.field_name: field for field in get_translatable_fields(PressReleasePage)}
    for name in ("title", "slug", "lead", "body"):
        assert isinstance(fields[name], TranslatableField), name
    for name in ("date", "topic_links", "contact_links"):
        assert isinstance(fields[name], SynchronizedField), name
