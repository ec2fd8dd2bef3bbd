"""Factories for the portal's pages, built on wagtail-factories."""

import factory
import wagtail_factories

from home.models import HomePage, SectionPage, StandardPage, TopicPage
from portal.blocks import BodyBlock, HeadingBlock, ParagraphBlock, QuoteBlock


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
