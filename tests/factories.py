"""Factories for the portal's pages, snippets and media, built on wagtail-factories.

Every page type and snippet has one: `TopicPageFactory(parent=section, title="…")` adds a live
page under `section`. Page factories without a fixed slug leave it to the model, which makes it
German ASCII ("Öffnung" → "oeffnung") and unique among the siblings, as the admin does.
The image and document factories write files: use them in tests with the `media` fixture.

The press helpers at the end (`make_archive`, `empty_archive`, `make_release`, …) build an
archive with releases in one call.
"""

import datetime

from wagtail.models import Locale

import factory
import wagtail_factories

from downloads.models import (
    DownloadIndexPage,
    PortalDocument,
    PublicationOrderPage,
    PublicationPage,
)
from home.models import (
    ContactPage,
    HomePage,
    SectionPage,
    StandardPage,
    TopicPage,
)
from partners.models import Partner, PartnerFormPage, PartnerIndexPage, PartnerKind
from portal.blocks import BodyBlock, HeadingBlock, ParagraphBlock, QuoteBlock
from portal.contacts import ContactPerson
from portal.models import PortalImage, PublisherDetails
from press.models import (
    PressReleaseContact,
    PressReleaseIndexPage,
    PressReleasePage,
    PressReleaseTopic,
)


class HeadingBlockFactory(wagtail_factories.StructBlockFactory):
    text = "Eine Überschrift"
    level = "h2"

    class Meta:
        model = HeadingBlock


class QuoteBlockFactory(wagtail_factories.StructBlockFactory):
    text = "Interkulturelle Öffnung ist ein Erfolgsfaktor!"
    source = "Landesregierung"

    class Meta:
        model = QuoteBlock


class ParagraphBlockFactory(wagtail_factories.blocks.BlockFactory):
    class Meta:
        model = ParagraphBlock


class BodyBlockFactory(wagtail_factories.StreamBlockFactory):
    heading = factory.SubFactory(HeadingBlockFactory)
    paragraph = factory.SubFactory(ParagraphBlockFactory)
    quote = factory.SubFactory(QuoteBlockFactory)

    class Meta:
        model = BodyBlock


class ContentPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Seite {n}")
    lead = "Ein kurzer Vorspann."
    body = wagtail_factories.StreamFieldFactory(BodyBlockFactory)


class HomePageFactory(ContentPageFactory):
    class Meta:
        model = HomePage


class SectionPageFactory(ContentPageFactory):
    show_in_menus = True

    class Meta:
        model = SectionPage


class TopicPageFactory(ContentPageFactory):
    class Meta:
        model = TopicPage


class StandardPageFactory(ContentPageFactory):
    class Meta:
        model = StandardPage


# Home: contact page ---------------------------------------------------------------------------


class ContactPageFactory(wagtail_factories.PageFactory):
    title = factory.Sequence(lambda n: f"Kontakt {n}")
    slug = ""
    intro = "<p>Schreiben Sie uns.</p>"

    class Meta:
        model = ContactPage


# Partners -------------------------------------------------------------------------------------


class PartnerIndexPageFactory(ContentPageFactory):
    """The directory; its parent must be a topic page."""

    title = "Wir sind Partner"
    slug = ""
    lead = ""

    class Meta:
        model = PartnerIndexPage


class PartnerFormPageFactory(wagtail_factories.PageFactory):
    """ "Partner werden"; its parent must be a partner directory."""

    title = "Partner werden"
    slug = ""

    class Meta:
        model = PartnerFormPage


# Press ----------------------------------------------------------------------------------------


class PressReleaseIndexPageFactory(ContentPageFactory):
    title = "Pressemitteilungen"
    slug = "pressemitteilungen"
    lead = ""

    class Meta:
        model = PressReleaseIndexPage


class PressReleasePageFactory(ContentPageFactory):
    """A release; `topics=[…]` and `contacts=[…]` link topic pages and contact persons."""

    title = factory.Sequence(lambda n: f"Mitteilung {n}")
    slug = ""
    date = datetime.date(2020, 1, 1)
    lead = factory.LazyAttribute(lambda release: f"Vorspann von {release.title}.")
    topic_links = factory.LazyAttribute(
        lambda release: [PressReleaseTopic(topic=topic) for topic in release.topics]
    )
    contact_links = factory.LazyAttribute(
        lambda release: [PressReleaseContact(person=person) for person in release.contacts]
    )

    class Params:
        topics = ()
        contacts = ()

    class Meta:
        model = PressReleasePage


# Downloads ------------------------------------------------------------------------------------


class DownloadIndexPageFactory(ContentPageFactory):
    title = "Downloads"
    slug = "downloads"
    lead = ""

    class Meta:
        model = DownloadIndexPage


class PublicationPageFactory(wagtail_factories.PageFactory):
    """A publication; give it `document=…` and `cover=…` where the test needs them."""

    title = factory.Sequence(lambda n: f"Publikation {n}")
    slug = ""
    summary = "<p>Eine Zusammenfassung.</p>"

    class Meta:
        model = PublicationPage


class PublicationOrderPageFactory(wagtail_factories.PageFactory):
    title = "Bestellen"
    slug = ""
    max_quantity = 10

    class Meta:
        model = PublicationOrderPage


# Snippets -------------------------------------------------------------------------------------


class ContactPersonFactory(factory.django.DjangoModelFactory):
    """A live contact person in German (`locale=…` for another language, `live=False`)."""

    name = factory.Sequence(lambda n: f"Person {n}")
    locale = factory.LazyFunction(Locale.get_default)

    class Meta:
        model = ContactPerson


class PartnerFactory(factory.django.DjangoModelFactory):
    """A live partner in German (`live=False` for a draft never published)."""

    name = factory.Sequence(lambda n: f"Partner {n:04d}")
    kind = PartnerKind.AUTHORITY
    place = "Dortmund"
    locale = factory.LazyFunction(Locale.get_default)

    class Meta:
        model = Partner


class PublisherDetailsFactory(factory.django.DjangoModelFactory):
    name = "Landesregierung Nordrhein-Westfalen"
    postal_address = "Völklinger Straße 4\n40219 Düsseldorf"
    locale = factory.LazyFunction(Locale.get_default)

    class Meta:
        model = PublisherDetails


# Media (these write files: use the `media` fixture) ---------------------------------------------


class PortalImageFactory(wagtail_factories.ImageFactory):
    title = factory.Sequence(lambda n: f"Bild {n}")
    description = "Ein Bild"

    class Meta:
        model = PortalImage


class PortalDocumentFactory(wagtail_factories.DocumentFactory):
    title = factory.Sequence(lambda n: f"Dokument {n}")

    class Meta:
        model = PortalDocument


# Press archive helpers --------------------------------------------------------------------------
# Pages are added with `add_child`, which makes them live (like a published page) unless
# `live=False` is given; the tree rules are tested separately. Tests that count releases start
# from `empty_archive`, so the seed's release (if the seed is loaded) does not interfere.


def make_archive(home, title="Pressemitteilungen", slug="pressemitteilungen"):
    return PressReleaseIndexPageFactory(parent=home, title=title, slug=slug)


def remove_archive(home):
    """Delete the archive under `home` (the seed's, where loaded), so that a test makes its own."""
    for archive in PressReleaseIndexPage.objects.child_of(home):
        archive.delete()


def empty_archive(home):
    """The archive under `home` without any releases: the seed's, emptied, or a new one."""
    archive = PressReleaseIndexPage.objects.child_of(home).first()
    if archive is None:
        return make_archive(home)
    for release in archive.get_children().specific():
        release.delete()
    archive.refresh_from_db()
    return archive


def make_release(archive, title, date, *, topics=(), contacts=(), **fields):
    return PressReleasePageFactory(
        parent=archive, title=title, date=date, topics=topics, contacts=contacts, **fields
    )


def make_releases(archive, count, *, first=0, topics=()):
    """`count` releases "Mitteilung <n>" from n = `first` on, one a day from 1 January 2020."""
    start = datetime.date(2020, 1, 1)
    return [
        make_release(
            archive,
            f"Mitteilung {number}",
            start + datetime.timedelta(days=number),
            topics=topics,
            slug=f"mitteilung-{number}",
        )
        for number in range(first, first + count)
    ]
