"""tests/factories.py builds every page type and snippet the way the tests need them."""

import datetime

import pytest

from tests.factories import (
    ContactPageFactory,
    ContactPersonFactory,
    DownloadIndexPageFactory,
    PartnerFactory,
    PartnerFormPageFactory,
    PartnerIndexPageFactory,
    PortalDocumentFactory,
    PortalImageFactory,
    PressReleaseIndexPageFactory,
    PressReleasePageFactory,
    PublicationOrderPageFactory,
    PublicationPageFactory,
    PublisherDetailsFactory,
    SectionPageFactory,
    StandardPageFactory,
    TopicPageFactory,
)


def test_every_page_factory_makes_a_live_page_that_renders(home_de, client, media):
    topic = TopicPageFactory(parent=SectionPageFactory(parent=home_de))
    directory = PartnerIndexPageFactory(parent=topic)
    archive = PressReleaseIndexPageFactory(parent=home_de, slug="presse-fabrik")
    downloads = DownloadIndexPageFactory(parent=home_de, slug="downloads-fabrik")
    publication = PublicationPageFactory(
        parent=downloads, title="Öffentliche Publikation", document=PortalDocumentFactory()
    )
    pages = [
        topic,
        directory,
        PartnerFormPageFactory(parent=directory),
        ContactPageFactory(parent=StandardPageFactory(parent=home_de)),
        archive,
        PressReleasePageFactory(parent=archive),
        downloads,
        publication,
        PublicationOrderPageFactory(parent=publication),
    ]
    for page in pages:
        assert page.live, page
        assert client.get(page.url).status_code == 200, page.url
    assert publication.slug == "oeffentliche-publikation"  # the model's German slug


def test_a_press_release_links_its_topics_and_contacts(home_de):
    topic = TopicPageFactory(parent=SectionPageFactory(parent=home_de))
    person = ContactPersonFactory(name="Kerstin Peters")
    archive = PressReleaseIndexPageFactory(parent=home_de, slug="presse-fabrik")
    release = PressReleasePageFactory(
        parent=archive, date=datetime.date(2024, 5, 2), topics=[topic], contacts=[person]
    )
    assert [link.topic_id for link in release.topic_links.all()] == [topic.pk]
    assert [link.person_id for link in release.contact_links.all()] == [person.pk]
    assert release.lead == f"Vorspann von {release.title}."


@pytest.mark.parametrize("factory", [PartnerFactory, ContactPersonFactory, PublisherDetailsFactory])
def test_snippet_factories_make_german_snippets(home_de, factory):
    snippet = factory()
    assert snippet.pk and snippet.locale == home_de.locale
    assert str(snippet)


def test_media_factories_write_to_the_tests_media_folder(db, media):
    image = PortalImageFactory()
    document = PortalDocumentFactory()
    assert (media / image.file.name).is_file() and image.description
    assert (media / document.file.name).is_file()
