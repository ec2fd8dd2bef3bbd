"""The partner snippets in the admin: listing, filters, search, export."""

from django.utils.translation import gettext_lazy as _

from wagtail.admin.ui.tables import UpdatedAtColumn
from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from portal.translation.choosers import LocaleAwareSnippetChooserViewSet

from .models import Partner


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
