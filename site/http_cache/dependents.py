"""Which addresses show a changed object: exactly those a purge must reach.

A page is shown
- at its own addresses (with the sub-addresses Wagtail's `get_cached_paths` names, e.g. the
  press archive's year views and feeds) and by its translations (hreflang, language switch);
- in its parent's listing, in its descendants' breadcrumbs and section navigation;
- in the main navigation and footer of every page of its language when it is a section of the
  home page, in the section navigation of its section when it is shown in menus;
- on every page that links to it or embeds it (Wagtail's reference index);
- wherever its model says it also appears (`cache_dependents()`: the home page's newest press
  releases, "Pressemitteilungen zum Thema", the downloads page);
- in the sitemap, the search results and the API.
A snippet, document or image is shown on the pages that reference it and where its model says
(`cache_dependents()`, e.g. the partner directory); the site's settings on every page.

`cache_dependents()` returns pages or address paths; the sections implement it on their models,
so this module needs no section's code.
"""

from django.contrib.contenttypes.models import ContentType
from django.urls import NoReverseMatch, reverse
from django.utils import translation

from wagtail.models import Locale, Page, ReferenceIndex, Site

API_PAGES = "/api/v3/pages/"


def page_paths(page):
    """The page's own addresses: its URL and the sub-addresses it declares."""
    parts = page.get_url_parts()
    if parts is None:
        return []
    base = parts[2]
    return [base + path.lstrip("/") for path in page.specific_deferred.get_cached_paths()]


def paths_of_pages(pages):
    paths = set()
    for page in pages:
        paths.update(page_paths(page))
    return paths


def search_paths():
    paths = set()
    for language in Locale.objects.values_list("language_code", flat=True):
        with translation.override(language):
            try:
                paths.add(reverse("search"))
            except NoReverseMatch:
                continue
    return paths


def site_wide_paths():
    """Addresses that list content of every kind: sitemap, search, the API's lists."""
    api = [API_PAGES, "/api/v3/press-releases/", "/api/v3/search/", "/api/v3/resolve/"]
    return {"/sitemap.xml", *api, *search_paths()}


def referencing_pages(obj):
    """Live pages whose content links to or embeds `obj` (Wagtail's reference index)."""
    page_type = ContentType.objects.get_for_model(Page)
    ids = (
        ReferenceIndex.get_references_to(obj)
        .filter(base_content_type=page_type)
        .values_list("object_id", flat=True)
    )
    return Page.objects.filter(pk__in=[int(pk) for pk in ids]).live()


def declared_dependents(obj):
    """What the model says shows it, split into pages and paths."""
    declared = getattr(obj, "cache_dependents", None)
    pages, paths = [], set()
    for item in declared() if declared else ():
        if isinstance(item, str):
            paths.add(item)
        else:
            pages.append(item)
    return pages, paths


def all_live_pages(locale=None):
    pages = Page.objects.live().filter(depth__gt=1)
    if locale is not None:
        pages = pages.filter(locale=locale)
    return pages.specific(defer=True)


def menu_pages_showing(page, was_in_menu=False):
    """Pages whose navigation names `page`: all of its language for a home page section, the
    section's pages for a page deeper down that is (or was) shown in menus."""
    if not (page.show_in_menus or was_in_menu) or page.depth < 3:
        return []
    if page.depth == 3:
        return all_live_pages(page.locale_id)
    section = page.get_ancestors().filter(depth=3).first()
    return section.get_descendants(inclusive=True).live() if section else []


def pages_showing_page(page, was_in_menu=False):
    specific = page.specific_deferred
    pages = [page, *page.get_translations()]
    parent = page.get_parent()
    if parent is not None and parent.depth > 1:
        pages.append(parent)
    pages.extend(page.get_descendants().live())
    pages.extend(menu_pages_showing(page, was_in_menu))
    declared_pages, paths = declared_dependents(specific)
    pages.extend(declared_pages)
    for referencing in referencing_pages(page):
        shown_on, declared_paths = pages_showing_content_of(referencing)
        pages.extend(shown_on)
        paths |= declared_paths
    return pages, paths


def paths_for_page(page, was_in_menu=False):
    pages, paths = pages_showing_page(page, was_in_menu)
    paths |= paths_of_pages(pages)
    paths |= site_wide_paths()
    paths |= {f"{API_PAGES}{shown.pk}/" for shown in pages}
    return paths


def pages_showing_content_of(page):
    """Where a page's content (not its title or address) appears: itself, its parent's listing
    and what its model names (a publication's cover and size on the home page)."""
    pages = [page]
    parent = page.get_parent()
    if parent is not None and parent.depth > 1:
        pages.append(parent)
    declared_pages, declared_paths = declared_dependents(page.specific_deferred)
    return pages + declared_pages, declared_paths


def paths_for_new_addresses(page):
    """A page and its descendants moved or renamed: their translations link to them."""
    moved = list(page.get_descendants(inclusive=True))
    pages = Page.objects.filter(translation_key__in=[item.translation_key for item in moved])
    paths = paths_of_pages(pages.specific(defer=True))
    return paths | {f"{API_PAGES}{item.pk}/" for item in pages}


def paths_for_object(obj):
    """A snippet, document or image: the pages that show it and its API addresses."""
    pages, paths = declared_dependents(obj)
    for page in referencing_pages(obj):
        shown_on, declared_paths = pages_showing_content_of(page)
        pages.extend(shown_on)
        paths |= declared_paths
    paths |= paths_of_pages(pages)
    paths |= {f"{API_PAGES}{shown.pk}/" for shown in pages}
    return paths | site_wide_paths()


def paths_for_everything():
    """The site's settings (publisher, footer) appear on every page."""
    return paths_of_pages(all_live_pages()) | site_wide_paths()


def default_root_url():
    site = Site.objects.filter(is_default_site=True).first() or Site.objects.first()
    return site.root_url if site else ""
