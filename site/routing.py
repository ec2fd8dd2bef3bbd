"""Finding the page for a URL without two queries per level of the tree.

Wagtail's `Page.route` asks for each path component's child page and then for its specific
row: a page four levels down cost eight queries before its view ran. `route_from_home`
finds the whole chain in one query and the specific page in one more, and keeps the
result per content generation (`portal.content_cache`), so a warm page costs none.

Wagtail's semantics are kept: a page type with its own `route` (a routable page such as the
press archive) gets the rest of the path, intermediate pages need not be live, the final
page must be (its own `route` checks that), and a missing child is a 404.
"""

import hashlib
from functools import partial

from django.db.models import Q
from django.http import Http404

from wagtail.models import Page

from portal.content_cache import cached


def routes_itself(page):
    """Whether the page's type overrides `Page.route` (e.g. RoutablePageMixin)."""
    return page.specific_class is not None and page.specific_class.route is not Page.route


def _chain_candidates(home, components):
    matches = Q()
    for step, slug in enumerate(components, start=1):
        matches |= Q(depth=home.depth + step, slug=slug)
    return list(Page.objects.filter(path__startswith=home.path).filter(matches).order_by("path"))


def _child(candidates, parent, slug):
    return next(
        (
            page
            for page in candidates
            if page.depth == parent.depth + 1
            and page.slug == slug
            and page.path.startswith(parent.path)
        ),
        None,
    )


def walk(home, components):
    """The deepest page the path leads to and the components left for it to route, or None.

    The walk stops at a page that routes itself and hands it the rest of the path.
    """
    candidates = _chain_candidates(home, components)
    current = home
    for index, slug in enumerate(components):
        if current is not home and routes_itself(current):
            return current.specific, tuple(components[index:])
        current = _child(candidates, current, slug)
        if current is None:
            return None
    return current.specific, ()


def _path_key(components):
    return hashlib.sha256("/".join(components).encode()).hexdigest()


def route_from_home(home, request, components):
    """`home.route(request, components)` as Wagtail does it, with the walk kept."""
    found = cached("route", partial(walk, home, components), home.pk, _path_key(components))
    if found is None:
        raise Http404
    page, remaining = found
    return page.route(request, list(remaining))
