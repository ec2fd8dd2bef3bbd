from django.utils.translation import gettext_lazy as _

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from home.models import ContactPerson
from portal.translation.choosers import LocaleAwareSnippetChooserViewSet


class ContactPersonViewSet(SnippetViewSet):
    model = ContactPerson
    chooser_viewset_class = LocaleAwareSnippetChooserViewSet
    icon = "user"
    menu_label = _("Kontaktpersonen")
    menu_order = 300
    add_to_admin_menu = True
    list_display = ["name", "role", "unit", "email"]
    search_fields = ["name", "unit"]
    list_export = ["name", "role", "unit", "phone", "email"]


register_snippet(ContactPersonViewSet)
