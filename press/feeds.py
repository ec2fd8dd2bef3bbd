"""RSS and Atom feeds of a press release archive, one per language (Django's syndication)."""

import datetime

from django.conf import settings
from django.contrib.syndication.views import Feed
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed, Rss201rev2Feed
from django.utils.translation import gettext as _

from portal.publisher import PublisherDetails

FEED_LENGTH = 20


class PressReleaseFeed(Feed):
    """The newest live, public releases of one archive, in the archive's language.

    One instance per request: `get_object` keeps the request and the archive's language.
    """

    def __call__(self, request, *args, **kwargs):
        response = super().__call__(request, *args, **kwargs)
        # The feed is written piece by piece; joined, the server sends it in one go.
        response.content = response.content
        return response

    def get_object(self, request, index):
        self.request = request
        self.language = index.locale.language_code
        return index

    def title(self, index):
        return f"{index.title} – {settings.WAGTAIL_SITE_NAME}"

    def link(self, index):
        return index.get_url(self.request)

    def description(self, index):
        return (
            index.search_description
            or index.lead
            or _("Die neuesten Pressemitteilungen von %(site)s.")
            % {"site": settings.WAGTAIL_SITE_NAME}
        )

    def author_name(self, index):
        """The publisher, in the archive's language: Atom requires an author (RFC 4287)."""
        publisher = PublisherDetails.objects.filter(locale_id=index.locale_id).first()
        publisher = publisher or PublisherDetails.for_active_language()
        return publisher.name if publisher else settings.WAGTAIL_SITE_NAME

    def items(self, index):
        return index.releases().defer_streamfields()[:FEED_LENGTH]

    def item_title(self, release):
        return release.title

    def item_description(self, release):
        return release.search_description or release.lead

    def item_link(self, release):
        return release.get_url(self.request)

    def item_pubdate(self, release):
        """The release date at the moment of first publication, or at midnight."""
        published = release.first_published_at
        if published and timezone.localdate(published) == release.date:
            return published
        return timezone.make_aware(datetime.datetime.combine(release.date, datetime.time.min))

    def item_updateddate(self, release):
        return release.last_published_at or self.item_pubdate(release)


class PressReleaseRssFeed(PressReleaseFeed):
    feed_type = Rss201rev2Feed


class PressReleaseAtomFeed(PressReleaseFeed):
    feed_type = Atom1Feed

    def subtitle(self, index):
        return self.description(index)
