"""The shape of most pages of the portal, shared by every section: the bottom layer.

`ContentPage` (lead and body), `SidebarPage` (with the sidebar) and the list of child
topics. The sections'
page types build on these and never on each other's.
"""

from dataclasses import dataclass, field

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail.models import Page
from wagtail.search import index

from portal.api_common.fields import translations_field
from portal.blocks import BodyBlock
from portal.sidebar_blocks import SidebarBlock
from portal.slugs import GermanSlugMixin, page_form_class
from portal.translatable_fields import CONTENT_PAGE_FIELDS, SIDEBAR_PAGE_FIELDS
from portal.view_restrictions import CachedViewRestrictionsMixin, public

SIDEBAR_PANEL_HOOK = "register_sidebar_panel"
# The admin form of the portal's pages: Wagtail's, with address conflicts explained on top.
PAGE_FORM = page_form_class(WagtailAdminPageForm)

# What a section offers the home page's "newest" blocks (press: the newest releases), so the
# home page's blocks know no section: `hook(home, request, limit)` returns a `SidebarPanel`
# (its template shows the items under the block's heading) or None when there is nothing.
NEWEST_ITEMS_HOOK = "register_newest_items"


@dataclass
class SidebarPanel:
    """A panel a section adds to the sidebar: its template and what the template shows."""

    template_name: str
    context: dict = field(default_factory=dict)


def automatic_sidebar_panels(page, request):
    """The panels the sections add to `page`'s sidebar, in hook order; empty ones left out.

    A hook is called as `hook(page, request)` and returns a `SidebarPanel` or None.
    """
    panels = (hook(page, request) for hook in hooks.get_hooks(SIDEBAR_PANEL_HOOK))
    return [panel for panel in panels if panel is not None]


def newest_items_panels(home, request, limit):
    """The panels the sections offer for the home page's "newest" block, in hook order."""
    panels = (hook(home, request, limit) for hook in hooks.get_hooks(NEWEST_ITEMS_HOOK))
    return [panel for panel in panels if panel is not None]


class ContentPage(CachedViewRestrictionsMixin, GermanSlugMixin, Page):
    """A page with a lead paragraph and a body stream: the shape of most pages of the portal."""

    lead = models.TextField(
        blank=True,
        max_length=600,
        verbose_name=_("Vorspann"),
        help_text=_("Ein bis drei Sätze, die den Inhalt der Seite zusammenfassen."),
    )
    body = StreamField(BodyBlock(), blank=True, verbose_name=_("Inhalt"))

    content_panels = [*Page.content_panels, FieldPanel("lead"), FieldPanel("body")]
    base_form_class = PAGE_FORM
    search_fields = [
        *Page.search_fields,
        index.SearchField("lead"),
        index.SearchField("body"),
    ]
    api_fields = [APIField("lead"), APIField("body"), translations_field()]
    translatable_fields = CONTENT_PAGE_FIELDS

    class Meta:
        abstract = True

    def teaser_text(self):
        return self.search_description or self.lead


class SidebarPage(ContentPage):
    """A content page with the old site's sidebar: panels the sections add by themselves,
    then the panels the editor chose.

    Press releases add "Pressemitteilungen zum Thema" through the `register_sidebar_panel`
    hook (`automatic_sidebar_panels`), so a page type with a sidebar knows nothing of the
    press section, and press finds its topic pages as the subclasses of this one.
    """

    sidebar = StreamField(
        SidebarBlock(),
        blank=True,
        verbose_name=_("Seitenleiste"),
        help_text=_(
            "Weitere Informationen, Kontakt, Downloads und externe Links zum Thema. "
            "Pressemitteilungen zum Thema erscheinen von selbst."
        ),
    )

    content_panels = [*ContentPage.content_panels, FieldPanel("sidebar")]
    api_fields = [*ContentPage.api_fields, APIField("sidebar")]
    translatable_fields = SIDEBAR_PAGE_FIELDS

    class Meta:
        abstract = True

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["sidebar_panels"] = automatic_sidebar_panels(self, request)
        return context


class TopicListMixin:
    """Lists the live, public child pages as teasers: topics, and e.g. the partner directory.

    One query per page type among the children (`specific`), not per child.
    """

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["topics"] = public(self.get_children().live()).specific()
        return context
