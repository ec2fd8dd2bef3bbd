from django.utils.translation import gettext_lazy as _

from wagtail.snippets.models import register_snippet
from wagtail.snippets.views.snippets import SnippetViewSet

from portal.models import PublisherDetails


class PublisherDetailsViewSet(SnippetViewSet):
    model = PublisherDetails
    icon = "site"
    menu_label = _("Herausgeber")
    list_display = ["name", "locale"]


register_snippet(PublisherDetailsViewSet)
