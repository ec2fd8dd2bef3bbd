"""The site search: one query function for the HTML page and the API.

Results come in blocks, each ranked by the backend's relevance: pages of the visitor's
language, then partners, then documents in the visitor's language, then documents in other
languages. Blocks keep ranking and pagination simple and bounded: every results page costs
one count per block and a few queries for the slice it shows, whatever the size of the site.

Languages: pages are the visitor's language only. Partners follow the partner directory (a
partner without a live translation appears in its German version, names being proper
names). Documents are files in one language and are not translated, so every public
document is found from every language; the ones in the visitor's language come first and
each result states its language.
"""

import datetime
import hashlib
from dataclasses import dataclass
from functools import partial

from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.contrib.search_promotions.models import Query, QueryDailyHits, SearchPromotion
from wagtail.models import Locale, Page
from wagtail.search.utils import normalise_query_string

from portal.content_cache import cached, cached_many
from portal.search_hits import SEARCH_SOURCE_HOOK, Hit, excerpt, has_match, plain_text
from portal.view_restrictions import private_q

PAGE_LABELS = {
    "press.pressreleasepage": _("Pressemitteilung"),
    "downloads.publicationpage": _("Publikation"),
}


class Block:
    """One kind of result: counts and slices its search results lazily."""

    def __init__(self, results, to_hits):
        self.results = results
        self.to_hits = to_hits
        self._count = None

    @property
    def count(self):
        if self._count is None:
            self._count = self.results.count()
        return self._count

    def hits(self, start, stop):
        return self.to_hits(list(self.results[start:stop]))


class SiteSearchResults:
    """The blocks as one sequence: `count()` and slicing, as Django's Paginator needs.

    Given a `key` (the search's words, language and exclusions), the counts and each slice
    of hits are kept per content generation: a search asked again costs no search query
    until the content changes.
    """

    def __init__(self, blocks, key=None):
        self.blocks = blocks
        self.key = key

    def count(self):
        if self.key is None:
            return sum(self._block_counts())
        counts = cached("search-counts", self._block_counts, self.key)
        for block, count in zip(self.blocks, counts, strict=True):
            block._count = count
        return sum(counts)

    def _block_counts(self):
        return tuple(block.count for block in self.blocks)

    def __len__(self):
        return self.count()

    def __getitem__(self, key):
        if not isinstance(key, slice):
            return self[key : key + 1][0]
        start, stop = key.start or 0, key.stop if key.stop is not None else self.count()
        if self.key is None:
            return self._hits(start, stop)
        self.count()  # the blocks' counts, kept
        return cached("search-hits", partial(self._hits, start, stop), self.key, start, stop)

    def _hits(self, start, stop):
        hits, offset = [], 0
        for block in self.blocks:
            low, high = max(start - offset, 0), min(stop - offset, block.count)
            if low < high:
                hits.extend(block.hits(low, high))
            offset += block.count
            if offset >= stop:
                break
        return hits


def _load_promoted_query_strings():
    return frozenset(SearchPromotion.objects.values_list("query__query_string", flat=True))


def promoted_query_strings():
    """The searches editors promote results for, kept per content generation: any other
    search needs no query for promotions."""
    return cached("promoted-queries", _load_promoted_query_strings)


class SiteSearch:
    """Searches the portal for `words` (already reduced to words) in `language`."""

    def __init__(self, words, language, request=None):
        self.words = words
        self.locale = cached(
            "locale", partial(Locale.objects.get, language_code=language), language
        )
        self.request = request

    def results(self, exclude_page_ids=()):
        if not self.words:
            return SiteSearchResults([])
        blocks = [Block(self._pages(exclude_page_ids), self._page_hits)]
        for hook in hooks.get_hooks(SEARCH_SOURCE_HOOK):
            blocks.extend(Block(results, to_hits) for results, to_hits in hook(self))
        return SiteSearchResults(blocks, key=self._cache_key(exclude_page_ids))

    def _cache_key(self, exclude_page_ids):
        """The search as a short text: words, language, excluded pages and the site's
        address (hits carry addresses relative to it)."""
        host = self.request.get_host() if self.request else ""
        excluded = ",".join(map(str, sorted(exclude_page_ids)))
        search = "\n".join([self.words, self.locale.language_code, excluded, host])
        return hashlib.sha256(search.encode()).hexdigest()[:40]

    def promotions(self):
        """The editors' picks for the query: live public pages of this language, links."""
        query_string = normalise_query_string(self.words) if self.words else ""
        if query_string not in promoted_query_strings():
            return []
        promotions = list(
            SearchPromotion.objects.filter(query__query_string=query_string).order_by(
                "sort_order", "pk"
            )
        )
        page_ids = [promotion.page_id for promotion in promotions if promotion.page_id]
        pages = {}
        if page_ids:
            visible = (
                Page.objects.live().exclude(private_q()).filter(locale=self.locale, pk__in=page_ids)
            )
            pages = {page.pk: page for page in visible}
            summaries = page_summaries(pages.values())
        hits = []
        for promotion in promotions:
            if promotion.page_id in pages:
                page = pages[promotion.page_id]
                hit = self._page_hit(page, summaries[page.pk])
                if promotion.description:
                    hit.excerpt = excerpt(promotion.description, self.words)
            elif not promotion.page_id and promotion.external_link_url:
                hit = Hit(
                    kind="link",
                    label=str(_("Link")),
                    title=promotion.external_link_text or promotion.external_link_url,
                    url=promotion.external_link_url,
                    excerpt=excerpt(promotion.description, self.words),
                    language=self.locale.language_code,
                )
            else:
                continue
            hit.promoted = True
            hits.append(hit)
        return hits

    # Pages

    def _pages(self, exclude_page_ids):
        pages = Page.objects.live().exclude(private_q()).filter(locale=self.locale, depth__gt=1)
        if exclude_page_ids:
            pages = pages.exclude(pk__in=list(exclude_page_ids))
        # Plain pages: what a hit shows of each page type is kept (`page_summaries`).
        return pages.search(self.words, operator="and")

    def _page_hits(self, pages):
        summaries = page_summaries(pages)
        return [self._page_hit(page, summaries[page.pk]) for page in pages]

    def _page_hit(self, page, summary):
        teaser = summary.teaser
        text = teaser if has_match(teaser, self.words) else summary.body_text or teaser
        return Hit(
            kind="page",
            label=str(PAGE_LABELS.get(summary.model, _("Seite"))),
            title=page.title,
            url=page.get_url(request=self.request) or "",
            excerpt=excerpt(text, self.words),
            language=self.locale.language_code,
            date=summary.date or page.last_published_at,
            page_id=page.pk,
        )


@dataclass(frozen=True)
class PageSummary:
    """What a search hit shows of a page beyond its title and address."""

    model: str  # the page type, "press.pressreleasepage"
    teaser: str
    body_text: str
    date: datetime.date | None


def summarise(page):
    """`page` (specific) as a search hit shows it."""
    teaser = page.teaser_text() if hasattr(page, "teaser_text") else page.search_description
    return PageSummary(
        model=page._meta.label_lower,
        teaser=teaser,
        body_text=_stream_text(page),
        date=getattr(page, "date", None),
    )


def _load_summaries(page_ids):
    return {page.pk: summarise(page) for page in Page.objects.filter(pk__in=page_ids).specific()}


def page_summaries(pages):
    """By page id, the summaries of `pages`, kept per content generation: only pages not
    kept yet are read (one query per page type among them)."""
    return cached_many("search-summary", [page.pk for page in pages], _load_summaries)


def _stream_text(page):
    """The plain text of a page's body stream, from its stored data (no rendering)."""
    body = getattr(page, "body", None)
    if body is None:
        return ""
    strings = []
    _collect_strings([item.get("value") for item in body.raw_data], strings)
    return " ".join(plain_text(string) for string in strings)


def _collect_strings(value, strings):
    if isinstance(value, str):
        strings.append(value)
    elif isinstance(value, dict):
        for item in value.values():
            _collect_strings(item, strings)
    elif isinstance(value, list):
        for item in value:
            _collect_strings(item, strings)


def record_query(words):
    """Count the search for the editors' search-terms report; only normalised words.

    One UPDATE once the query has been searched for today (Wagtail's `Query.get(words)
    .add_hit()` reads the query and the day's row first: three queries); else Wagtail's way.
    """
    if not words:
        return
    today = timezone.now().date()
    todays_hits = QueryDailyHits.objects.filter(
        query__query_string=normalise_query_string(words), date=today
    )
    if not todays_hits.update(hits=F("hits") + 1):
        Query.get(words).add_hit(today)
