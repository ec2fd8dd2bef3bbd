"""The press part of the seed: one archive per language and the 2018 partner event."""

import datetime

from wagtail.models import Revision

from home.models import TopicPage
from portal.seed import load_seed_content
from press.models import PressReleaseIndexPage, PressReleasePage
from press.seed import EVENT_SENTENCE, FRAMEWORK_SENTENCES


def test_german_archive_and_release(seeded):
    archive = PressReleaseIndexPage.objects.get(locale=seeded["de"].locale)
    assert (archive.title, archive.slug) == ("Pressemitteilungen", "pressemitteilungen")
    assert archive.get_parent().specific == seeded["de"]
    release = PressReleasePage.objects.get(locale=seeded["de"].locale)
    assert release.get_parent().pk == archive.pk
    assert release.title == "Partnerveranstaltung im Ministerium"
    assert release.date == datetime.date(2018, 3, 22)
    assert release.lead == EVENT_SENTENCE
    assert [block.value.source for block in release.body] == [f"<p>{FRAMEWORK_SENTENCES}</p>"]
    topic = TopicPage.objects.get(locale=seeded["de"].locale, slug="interkulturelle-oeffnung")
    assert [link.topic_id for link in release.topic_links.all()] == [topic.pk]
    assert [link.person.name for link in release.contact_links.all()] == ["Kerstin Peters"]
    assert release.live and release.live_revision is not None


def test_english_versions_come_from_the_po_files(seeded):
    archive = PressReleaseIndexPage.objects.get(locale=seeded["en"].locale)
    assert (archive.title, archive.slug, archive.live) == ("Press releases", "press-releases", True)
    release = PressReleasePage.objects.get(locale=seeded["en"].locale)
    assert release.title == "Partner event at the Ministry"
    assert release.url == "/en/press-releases/partner-event-at-the-ministry/"
    assert release.live
    assert release.date == datetime.date(2018, 3, 22)
    assert "22 March 2018" in release.lead
    assert "Once a year, the state government" in str(release.body)


def test_second_run_changes_nothing(seeded, django_capture_on_commit_callbacks):
    pages = list(PressReleasePage.objects.values_list("pk", "title", "live"))
    revisions = Revision.objects.count()
    with django_capture_on_commit_callbacks(execute=True):
        report = load_seed_content()
    assert not report.changed
    assert "de: Partnerveranstaltung im Ministerium" in report.unchanged
    assert "en: Partner event at the Ministry" in report.unchanged
    assert not report.warnings
    assert list(PressReleasePage.objects.values_list("pk", "title", "live")) == pages
    assert Revision.objects.count() == revisions
    assert PressReleaseIndexPage.objects.count() == 2
