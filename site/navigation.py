"""The site's navigation, built from the page tree: what editors tick as "In Menüs anzeigen".

- The main navigation (header) and the footer list the home page's children shown in menus.
- The section navigation lists, on every page of such a section, the section's descendants
  shown in menus, nested as in the tree.

All three come from one query, whatever the number of items, kept until the content changes.
"""

from dataclasses import dataclass, field
from functools import partial

from wagtail.models import Page

from portal.content_cache import cached
from portal.i18n import current_home
from portal.view_restrictions import private_q


@dataclass
class NavItem:
    page: Page
    state: str = ""  # "page": the page shown; "section": one of its ancestors; "": neither
    children: list["NavItem"] = field(default_factory=list)


def is_ancestor_or_self(ancestor, page):
    """By tree path: Wagtail's paths are fixed-width steps, so a prefix is an ancestor."""
    return page is not None and page.path.startswith(ancestor.path)


def current_state(item, page):
    if page is None or not is_ancestor_or_self(item, page):
        return ""
    return "page" if item.pk == page.pk else "section"


def _cached(request, key, compute):
    cache = request.__dict__.setdefault("_portal_navigation", {})
    if key not in cache:
        cache[key] = compute()
    return cache[key]


def menu_tree(request):
    """Every live, public page below the current home that is shown in menus, in tree order.

    One query per content generation (`portal.content_cache`) serves the main navigation,
    the footer and the section navigation of every page.
    """

    def compute():
        home = current_home(request)
        if home is None:
            return []
        return cached("menu-tree", partial(_load_menu_tree, home), home.pk)

    return _cached(request, "tree", compute)


def _load_menu_tree(home):
    return list(home.get_descendants().live().exclude(private_q()).in_menu().order_by("path"))


def menu_pages(request):
    """The pages of the main navigation: the home page's children shown in menus."""
    home = current_home(request)
    return [page for page in menu_tree(request) if home and page.depth == home.depth + 1]


def menu_items(request, page):
    return [NavItem(item, current_state(item, page)) for item in menu_pages(request)]


def current_section(request, page):
    """The menu page the shown page belongs to (itself included), or None."""
    return next((item for item in menu_pages(request) if is_ancestor_or_self(item, page)), None)


def section_tree(request, section, page):
    """The section's descendants shown in menus, as nested items; a hidden page hides its own."""
    items_by_path = {section.path: NavItem(section, current_state(section, page))}
    for descendant in menu_tree(request):
        if descendant.depth <= section.depth:
            continue
        parent = items_by_path.get(descendant.path[: -Page.steplen])
        if parent is not None:
            item = NavItem(descendant, current_state(descendant, page))
            parent.children.append(item)
            items_by_path[descendant.path] = item
    return items_by_path[section.path]
