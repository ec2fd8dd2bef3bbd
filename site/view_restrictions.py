"""Wagtail's privacy check without a query per page: the restricted sections, kept per
content generation (`portal.content_cache`).

Wagtail asks the database for every view restriction each time a queryset is made `.public()`
(`PageQuerySet.private_q`) and twice more for the page it serves (`get_view_restrictions`,
the ancestors and their restrictions). A page with its menus made five to seven such
queries. Here:

- `public(queryset)` is `queryset.public()` built from the kept restricted paths;
- `CachedViewRestrictionsMixin` answers the served page's check from them when no section of
  the portal is restricted, and leaves it to Wagtail otherwise (aliases take their source's
  restrictions, which needs the tree).
"""

from dataclasses import dataclass

from django.db.models import Q

from wagtail.models import Page, PageViewRestriction

from portal.content_cache import cached


@dataclass(frozen=True)
class RestrictionFacts:
    """What the privacy check needs to know of the tree, by tree path."""

    restrictions: dict  # restricted page's path -> ids of its restrictions
    alias_sources: dict  # alias page's path -> its source page's path


def _load_facts():
    restrictions = {}
    for pk, path in PageViewRestriction.objects.values_list("pk", "page__path"):
        restrictions.setdefault(path, []).append(pk)
    aliases = Page.objects.filter(alias_of__isnull=False).values_list("path", "alias_of__path")
    return RestrictionFacts(restrictions=restrictions, alias_sources=dict(aliases))


def restriction_facts():
    return cached("view-restrictions", _load_facts)


def restricted_paths():
    """The tree paths of every page with a view restriction (its descendants are private)."""
    return sorted(restriction_facts().restrictions)


def private_q():
    """What `PageQuerySet.private_q()` matches, without asking the database."""
    q = Q()
    for path in restricted_paths():
        q |= Q(path__startswith=path)
    return q if q else Q(pk__in=[])


def public(queryset):
    """`queryset.public()`: leaves out the pages in private sections."""
    return queryset.exclude(private_q())


def ancestor_paths(path):
    """`path` and the tree paths of its ancestors."""
    return [path[:end] for end in range(Page.steplen, len(path) + 1, Page.steplen)]


def restriction_ids(path, facts):
    """The restrictions that apply to the page at `path`, as Wagtail finds them: those of the
    page and its ancestors, an alias taking its source page's."""
    ids = []
    for step in ancestor_paths(path):
        source = step
        while source in facts.alias_sources:
            source = facts.alias_sources[source]
        ids.extend(facts.restrictions.get(source, ()))
    return ids


class CachedViewRestrictionsMixin:
    """For page types: the served page's privacy check without asking the database, unless a
    restriction applies (then one query reads it)."""

    def get_view_restrictions(self):
        ids = restriction_ids(self.path, restriction_facts())
        if not ids:
            return PageViewRestriction.objects.none()
        return PageViewRestriction.objects.filter(pk__in=ids)
