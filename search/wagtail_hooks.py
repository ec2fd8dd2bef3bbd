"""How the search section offers itself to the rest of the portal: its API endpoint."""

from wagtail import hooks

from portal.api_common import API_ROUTER_HOOK

from .api import router


@hooks.register(API_ROUTER_HOOK)
def search_api():
    return "/search/", router
