"""What the press release archive shows for one request: year, topic and page number.

The filters are plain links and a GET form, so the archive works without JavaScript and every
view has a URL to share: `<archive>/2018/?thema=12&seite=2`. Bad parameters never cause an
error page: they are corrected and explained in a notice, and such views are not indexed.
"""

import re
from dataclasses import dataclass, replace
from functools import partial
from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.db.models import Q
from django.utils.functional import cached_property
from django.utils.translation import gettext as _

from wagtail.models import Page

from portal.content_cache import cached
from portal.i18n import language_links, page_translations
from portal.query_params import PAGE_PARAM, page_number, shorten
from portal.view_restrictions import private_q

from .queries import on_topic, topic_page_models, topics_of_releases

PER_PAGE = 10
TOPIC_PARAM = "thema"
# A page id: ASCII digits only (int() also reads "٣", and "²".isdigit() is true) and small
# enough for the database's integer column, so that a huge number cannot overflow the query.
PAGE_ID = re.compile(r"[1-9][0-9]{0,9}")
MAX_PAGE_ID = 2**31 - 1
# A slug as Wagtail allows it (letters of any script, digits, "-" and "_"); anything else,
# a NUL character for instance, which PostgreSQL refuses, never reaches the database.
SLUG = re.compile(r"[-\w]{1,255}")


@dataclass(frozen=True)
class Link:
    label: str
    url: str
    current: bool = False


def topic_condition(raw):
    """Pages that `?thema=` names: by slug, or by the id of the page or of a translation."""
    condition = Q(slug=raw) if SLUG.fullmatch(raw) else None
    if PAGE_ID.fullmatch(raw) and int(raw) <= MAX_PAGE_ID:
        same_page = Page.objects.filter(pk=int(raw)).values("translation_key")
        condition |= Q(translation_key__in=same_page)
    return condition


def release_years(releases):
    """The years with releases among `releases`, newest first."""
    return [day.year for day in releases.dates("date", "year", order="DESC")]


def archive_translations(index):
    """The live, public translations of the archive `index` (itself included), by language."""
    archives = type(index).objects.filter(translation_key=index.translation_key).live()
    return {
        archive.locale.language_code: archive
        for archive in archives.exclude(private_q()).select_related("locale")
    }


class PressArchive:
    """The releases of one archive view, its navigation and notices about corrected input.

    - `?seite=` not a whole number or below 1: page 1; beyond the last page: the last page.
    - `?thema=` neither the id nor the slug of a topic page: all releases.
    - a year without releases: status 404, with the years that have releases.
    """

    def __init__(self, index, request, year=None):
        self.index = index
        self.year = year
        self.notices = []
        self.status = 200
        self.base_url = index.get_url(request)
        # The view restrictions, queried once for every list of pages below.
        self._private = private_q()
        self.topic = self._find_topic(request.GET.get(TOPIC_PARAM, ""))

        releases = index.releases(self._private)
        self._all_releases = releases
        if self.topic is not None:
            releases = releases.filter(on_topic(self.topic))
        self.years = cached(
            "press-years",
            partial(release_years, releases),
            index.pk,
            self.topic.pk if self.topic is not None else "",
        )
        if year is not None:
            if year in self.years:
                releases = releases.filter(date__year=year)
            else:
                self.status = 404
                self.notices.append(
                    _("Für das Jahr %(year)s gibt es keine Pressemitteilungen.") % {"year": year}
                )
                releases = releases.none()

        self.paginator = Paginator(releases.defer_streamfields(), PER_PAGE)
        self.page = self.paginator.page(
            page_number(request.GET.get(PAGE_PARAM), self.paginator, self.notices)
        )

    @cached_property
    def topic_choices(self):
        """The topics of the archive's releases, for the topic filter."""
        topics = partial(
            topics_of_releases, self._all_releases, self.index.locale_id, self._private
        )
        return cached("press-topics", topics, self.index.pk)

    @property
    def noindex(self):
        return bool(self.notices)

    def _find_topic(self, raw):
        raw = raw.strip()
        if not raw:
            return None
        condition = topic_condition(raw)
        topic = None
        if condition is not None:
            topic = (
                Page.objects.filter(condition, locale_id=self.index.locale_id)
                .type(*topic_page_models())
                .live()
                .exclude(self._private)
                .order_by("path")
                .first()
            )
        if topic is None:
            self.notices.append(
                _("Das Thema „%(topic)s“ gibt es nicht. Angezeigt werden alle Pressemitteilungen.")
                % {"topic": shorten(raw)}
            )
        return topic

    def url(self, *, year=None, page=1, topic=None):
        """The URL of an archive view."""
        url = self.base_url + (self.index.reverse_subpage("year", args=[str(year)]) if year else "")
        params = {}
        if topic is not None:
            params[TOPIC_PARAM] = topic.pk
        if page > 1:
            params[PAGE_PARAM] = page
        return f"{url}?{urlencode(params)}" if params else url

    @property
    def canonical_url(self):
        return self.url(year=self.year, page=self.page.number, topic=self.topic)

    def language_links(self, request):
        """The same view in each language: the year, and the topic in that language.

        The other languages' links start at their first page (their lists differ in length).
        Where a language has no such view (no translation of the topic, no release of that
        year), its link goes to its archive and is no hreflang alternate.
        """
        links = language_links(request, self.index)
        topics = page_translations(self.topic) if self.topic is not None else {}
        archives = cached(
            "press-archives", partial(archive_translations, self.index), self.index.translation_key
        )
        result = []
        for link in links:
            if link.is_current:
                result.append(replace(link, url=self.canonical_url))
            elif self._has_view(archives.get(link.code), topics.get(link.code)):
                result.append(replace(link, url=self._view_url(link.url, topics.get(link.code))))
            else:
                result.append(replace(link, is_translation=False))
        return result

    def _has_view(self, archive, topic):
        if archive is None or (self.topic is not None and topic is None):
            return False
        if self.year is not None and self.year not in self.years:
            return False  # a year without releases here (a 404) has none elsewhere either
        if self.year is None and topic is None:
            return True
        releases = archive.releases(self._private)
        if topic is not None:
            releases = releases.filter(on_topic(topic))
        if self.year is not None:
            releases = releases.filter(date__year=self.year)
        return releases.exists()

    def _view_url(self, archive_url, topic):
        url = archive_url
        if self.year is not None:
            url += self.index.reverse_subpage("year", args=[str(self.year)])
        return f"{url}?{urlencode({TOPIC_PARAM: topic.pk})}" if topic is not None else url

    @property
    def form_action(self):
        return self.url(year=self.year)

    @property
    def clear_topic_url(self):
        return self.url(year=self.year)

    def year_links(self):
        links = [Link(_("Alle Jahre"), self.url(topic=self.topic), current=self.year is None)]
        links += [
            Link(str(year), self.url(year=year, topic=self.topic), current=year == self.year)
            for year in self.years
        ]
        return links

    def page_links(self):
        """Page numbers around the current one; `None` stands for the elided pages."""
        if self.paginator.num_pages < 2:
            return []
        numbers = self.paginator.get_elided_page_range(self.page.number, on_each_side=2)
        return [
            None
            if number == self.paginator.ELLIPSIS
            else Link(
                str(number),
                self.url(year=self.year, page=number, topic=self.topic),
                current=number == self.page.number,
            )
            for number in numbers
        ]

    @property
    def previous_url(self):
        if self.page.has_previous():
            return self.url(year=self.year, page=self.page.previous_page_number(), topic=self.topic)
        return None

    @property
    def next_url(self):
        if self.page.has_next():
            return self.url(year=self.year, page=self.page.next_page_number(), topic=self.topic)
        return None
