"""The sidebar panels of section and topic pages; empty panels do not render."""

from django.core.files.uploadedfile import SimpleUploadedFile

from wagtail.documents import get_document_model

from home.models import SectionPage, TopicPage
from portal.contacts import ContactPerson
from tests.factories import TopicPageFactory


def test_page_without_panels_has_no_sidebar(seeded, client):
    section = SectionPage.objects.get(locale__language_code="de")
    page = TopicPageFactory(parent=section, title="Ohne Seitenleiste")
    assert '<aside class="sidebar"' not in client.get(page.url).content.decode()


def test_sidebar_renders_each_filled_panel(seeded, client):
    topic = TopicPage.objects.get(slug="interkulturelle-oeffnung")
    person = ContactPerson.objects.get(name="Kerstin Peters", locale=topic.locale)
    document = get_document_model().objects.create(
        title="Leitfaden", file=SimpleUploadedFile("leitfaden.pdf", b"%PDF-1.4 test")
    )
    section = topic.get_parent()
    page = TopicPageFactory(parent=section, title="Mit Seitenleiste")
    page.sidebar = [
        ("related_pages", [topic]),
        ("contacts", [person]),
        ("downloads", [document]),
        ("external_links", [{"title": "Landesportal", "url": "https://www.land.nrw/"}]),
    ]
    page.save_revision().publish()
    content = client.get(page.url).content.decode()
    aside = content[content.index('<aside class="sidebar"') :]
    for heading in ("Weitere Informationen zum Thema", "Kontakt", "Downloads", "Externe Links"):
        assert f">{heading}</h2>" in aside
    assert f'href="{topic.url}"' in aside
    assert "Kerstin Peters" in aside
    assert "Leitfaden" in aside and "PDF" in aside
    assert 'href="https://www.land.nrw/"' in aside and "(externer Link)" in aside


def test_unpublished_items_are_left_out(seeded, client):
    topic = TopicPage.objects.get(slug="interkulturelle-oeffnung")
    person = ContactPerson.objects.get(name="Kerstin Peters", locale=topic.locale)
    page = TopicPageFactory(parent=topic.get_parent(), title="Entwürfe")
    page.sidebar = [("related_pages", [topic]), ("contacts", [person])]
    page.save_revision().publish()
    topic.unpublish()
    person.unpublish()
    content = client.get(page.url).content.decode()
    assert f'href="{topic.url}"' not in content
    assert "Kerstin Peters" not in content
