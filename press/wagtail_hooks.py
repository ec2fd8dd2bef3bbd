"""How the press section offers itself to the rest of the portal: its sidebar panel and its
API endpoint."""

from functools import partial

from wagtail import hooks

from portal.api_common import API_ROUTER_HOOK
from portal.content_cache import cached
from portal.pages import NEWEST_ITEMS_HOOK, SIDEBAR_PANEL_HOOK, SidebarPanel

from .api import router
from .queries import latest_press_releases_on_topic, newest_press_releases


@hooks.register(SIDEBAR_PANEL_HOOK)
def press_releases_on_topic(page, request):
    """ "Pressemitteilungen zum Thema": the newest releases naming the page as a topic (kept
    per content generation; a preview of a page never saved asks each time)."""
    find = partial(latest_press_releases_on_topic, page)
    releases = cached("topic-releases", find, page.pk) if page.pk else find()
    if not releases:
        return None
    return SidebarPanel("press/components/topic_press_releases.html", {"press_releases": releases})


@hooks.register(NEWEST_ITEMS_HOOK)
def newest_press_releases_on_home(home, request, limit):
    """The home page's block "Aktuelle Pressemitteilungen": the newest releases as cards (kept
    per content generation)."""
    releases = cached(
        "newest-releases", partial(newest_press_releases, home, limit), home.pk, limit
    )
    if not releases:
        return None
    return SidebarPanel("press/components/newest_press_releases.html", {"press_releases": releases})


@hooks.register(API_ROUTER_HOOK)
def press_api():
    return "/press-releases/", router
