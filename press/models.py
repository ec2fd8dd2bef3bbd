"""Press releases: the archive page of one language and the releases in it."""

import datetime
from functools import partial

from django.core.exceptions import ValidationError
from django.core.validators import MinValueValidator
from django.db import models
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path
from wagtail.models import Orderable, Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField

from modelcluster.fields import ParentalKey

from portal.api_common.fields import ContactPersonsField
from portal.pages import ContentPage
from portal.structured_data import page_facts
from portal.translatable_fields import CONTENT_PAGE_FIELDS
from portal.view_restrictions import private_q

from .api_fields import TopicLinksField
from .archive import PressArchive
from .feeds import PressReleaseAtomFeed, PressReleaseRssFeed
from .panels import TopicChooserPanel
from .queries import localized_contact_persons, localized_topics, topic_page_choices

# The state of North Rhine-Westphalia was founded in 1946: an earlier date is a typo.
EARLIEST_DATE = datetime.date(1946, 1, 1)


class PressReleaseIndexPage(RoutablePageMixin, ContentPage):
    """The press release archive of one language, with year archive, topic filter and feeds.

    URLs below the page's own: `2018/` the releases of one year; `?thema=<page id or slug>`
    those on one topic (with or without a year); `?seite=2` further pages; `feed/rss/` and
    `feed/atom/` the feeds.
    """

    admin_icon = "list-ul"
    page_description = _(
        "Das Archiv der Pressemitteilungen einer Sprache, mit Jahren, Themen und Feeds."
    )

    parent_page_types = ["home.HomePage"]
    subpage_types = ["press.PressReleasePage"]
    max_count_per_parent = 1

    translatable_fields = CONTENT_PAGE_FIELDS

    class Meta:
        verbose_name = _("Pressemitteilungsarchiv")
        verbose_name_plural = _("Pressemitteilungsarchive")

    @path("")
    def index_route(self, request, *args, **kwargs):
        return self.serve_archive(request)

    @re_path(r"^(\d{4})/$", name="year")
    def year_route(self, request, year):
        return self.serve_archive(request, year=int(year))

    @path("feed/rss/", name="feed_rss")
    def rss_feed(self, request):
        return PressReleaseRssFeed()(request, index=self)

    @path("feed/atom/", name="feed_atom")
    def atom_feed(self, request):
        return PressReleaseAtomFeed()(request, index=self)

    def get_cached_paths(self):
        """For the HTTP cache: the archive (a purge takes its `?thema=`/`?seite=` views with
        it), each year's archive and the feeds."""
        years = PressReleasePage.objects.child_of(self).dates("date", "year")
        return ["/", "/feed/rss/", "/feed/atom/", *(f"/{year.year}/" for year in years)]

    def releases(self, private=None):
        """The live, public releases of this archive, newest first.

        A view that filters several lists may pass its `private_q()` once.
        """
        private = private_q() if private is None else private
        releases = PressReleasePage.objects.child_of(self).live().exclude(private)
        return releases.order_by("-date", "-pk")

    def serve_archive(self, request, year=None):
        request.is_preview = getattr(request, "is_preview", False)
        archive = PressArchive(self, request, year=year)
        context = self.get_context(request)
        context["archive"] = archive
        # For base.html's canonical link: the view as shown, with corrected parameters.
        context["canonical_url"] = archive.canonical_url
        context["language_links"] = archive.language_links(request)
        return TemplateResponse(request, self.get_template(request), context, status=archive.status)

    def feed_urls(self, request):
        base = self.get_url(request)
        return {
            "rss": base + self.reverse_subpage("feed_rss"),
            "atom": base + self.reverse_subpage("feed_atom"),
        }

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["feeds"] = self.feed_urls(request)
        return context


class PressReleasePage(ContentPage):
    """One press release: date, lead, body, the topics it is about and whom to contact."""

    admin_icon = "openquote"
    page_description = _(
        "Eine Pressemitteilung mit Datum, Vorspann, Text, Themen und Ansprechperson."
    )

    date = models.DateField(
        default=timezone.localdate,
        db_index=True,
        validators=[
            MinValueValidator(
                EARLIEST_DATE,
                message=_(
                    "Das Datum liegt vor der Gründung des Landes Nordrhein-Westfalen. "
                    "Bitte prüfen Sie die Jahreszahl."
                ),
            )
        ],
        verbose_name=_("Datum"),
        help_text=_("Das Datum der Pressemitteilung; danach ist das Archiv geordnet."),
    )

    parent_page_types = ["press.PressReleaseIndexPage"]
    subpage_types = []

    content_panels = [
        *Page.content_panels,
        FieldPanel("date"),
        FieldPanel("lead"),
        FieldPanel("body"),
        MultiFieldPanel(
            [InlinePanel("topic_links", label=_("Thema"))],
            heading=_("Themen"),
            help_text=_(
                "Auf den gewählten Bereichs- und Themenseiten erscheint die Pressemitteilung "
                "unter „Pressemitteilungen zum Thema“."
            ),
        ),
        InlinePanel("contact_links", heading=_("Kontakt"), label=_("Kontaktperson")),
    ]
    search_fields = [*ContentPage.search_fields, index.FilterField("date")]
    api_fields = [
        APIField("date"),
        *ContentPage.api_fields,
        APIField("topics", serializer=TopicLinksField()),
        APIField("contact_persons", serializer=ContactPersonsField(localized_contact_persons)),
    ]

    translatable_fields = [
        *CONTENT_PAGE_FIELDS,
        SynchronizedField("date"),
        SynchronizedField("topic_links"),
        SynchronizedField("contact_links"),
    ]

    class Meta:
        verbose_name = _("Pressemitteilung")
        verbose_name_plural = _("Pressemitteilungen")

    def clean(self):
        super().clean()
        # The archive routes `<index>/2018/` to the year 2018, so such a slug would be unreachable.
        if self.slug and self.slug.isascii() and self.slug.isdigit() and len(self.slug) == 4:
            raise ValidationError(
                {
                    "slug": _(
                        "Eine Jahreszahl ist als Kurztitel nicht möglich, weil unter dieser "
                        "Adresse das Archiv des Jahres steht. Bitte ergänzen Sie ein Wort."
                    )
                }
            )

    def cache_dependents(self):
        """For the HTTP cache, besides its archive: "Pressemitteilungen zum Thema" on the pages
        of its topics (in every language), the home page's newest releases and the API's list
        of releases."""
        topics = [link.topic for link in self.topic_links.select_related("topic") if link.topic]
        pages = [page for topic in topics for page in topic.get_translations(inclusive=True)]
        home = list(self.get_ancestors().filter(depth=2))
        return [*pages, *home, "/api/v3/press-releases/"]

    def get_context(self, request, *args, **kwargs):
        """Computed when the template asks: a page whose content comes from the fragment
        cache (`portal.content_cache`) asks for none of it."""
        context = super().get_context(request, *args, **kwargs)
        archive = SimpleLazyObject(lambda: self.get_parent().specific_deferred)
        context["archive_page"] = archive
        context["feeds"] = SimpleLazyObject(partial(self.archive_feed_urls, archive, request))
        context["topics"] = SimpleLazyObject(partial(localized_topics, self))
        context["contact_persons"] = SimpleLazyObject(partial(localized_contact_persons, self))
        return context

    @staticmethod
    def archive_feed_urls(archive, request):
        if isinstance(archive, PressReleaseIndexPage):
            return archive.feed_urls(request)
        return {}

    def structured_data(self, request):
        """For search engines: a news article by the publisher (JSON-LD in the head)."""
        data = {
            "@type": "NewsArticle",
            "headline": self.title,
            "datePublished": self.date.isoformat(),
            **page_facts(self, request),
        }
        if self.last_published_at:
            data["dateModified"] = self.last_published_at.isoformat()
        if "publisher" in data:
            data["author"] = data["publisher"]
        return data


class PressReleaseTopic(Orderable):
    """A section or topic page a press release is about (German pages also stand for their
    translations: the English release keeps the links of its German source)."""

    release = ParentalKey(PressReleasePage, on_delete=models.CASCADE, related_name="topic_links")
    topic = models.ForeignKey(
        "wagtailcore.Page",
        on_delete=models.CASCADE,
        related_name="+",
        limit_choices_to=topic_page_choices,
        verbose_name=_("Thema"),
    )

    panels = [TopicChooserPanel("topic")]

    class Meta(Orderable.Meta):
        verbose_name = _("Thema der Pressemitteilung")
        verbose_name_plural = _("Themen der Pressemitteilung")


class PressReleaseContact(Orderable):
    """A contact person named on a press release."""

    release = ParentalKey(PressReleasePage, on_delete=models.CASCADE, related_name="contact_links")
    person = models.ForeignKey(
        "portal.ContactPerson",
        on_delete=models.CASCADE,
        related_name="+",
        verbose_name=_("Kontaktperson"),
    )

    panels = [FieldPanel("person")]

    class Meta(Orderable.Meta):
        verbose_name = _("Kontaktperson der Pressemitteilung")
        verbose_name_plural = _("Kontaktpersonen der Pressemitteilung")
