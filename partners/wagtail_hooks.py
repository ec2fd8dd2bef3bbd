"""The partner snippets in the admin (listing, filters, search, export); the partners in
the site search (after pages) and the API."""

from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.ui.tables import UpdatedAtColumn
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from portal.api_common import API_ROUTER_HOOK
from portal.choosers import LocaleAwareSnippetChooserViewSet
from portal.search_hits import SEARCH_SOURCE_HOOK

from .api import router
from .models import Partner
from .search import partner_results


class PartnerViewSet(SnippetViewSet):
    model = Partner
    chooser_viewset_class = LocaleAwareSnippetChooserViewSet
    icon = "group"
    menu_label = _("Partner")
    menu_order = 250
    add_to_admin_menu = True
    list_display = ["name", "kind", "place", "joined_on", UpdatedAtColumn()]
    list_filter = ["kind"]
    list_export = ["name", "kind", "place", "website", "joined_on", "time_frame"]
    export_filename = "partner"
    # Plain database filtering: finds parts of names and copes with quotes and umlauts.
    search_fields = ["name", "place"]
    search_backend_name = None
    ordering = ["name"]


register_snippet(PartnerViewSet)


@hooks.register(API_ROUTER_HOOK)
def partners_api():
    return "/partners/", router


@hooks.register(SEARCH_SOURCE_HOOK, order=10)
def partners_in_site_search(search):
    return partner_results(search)
