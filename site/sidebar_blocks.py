"""The sidebar editors fill: panels of chosen pages, contact persons, documents and links.

Each panel renders under its own heading through its template under `blocks/`; panels the
sections add by themselves (e.g. "Pressemitteilungen zum Thema") come from
`portal.pages.automatic_sidebar_panels`, not from here.
"""

from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.snippets.blocks import SnippetChooserBlock


class ExternalLinkBlock(blocks.StructBlock):
    title = blocks.CharBlock(max_length=200, label=_("Titel"))
    url = blocks.URLBlock(label=_("Adresse"))

    class Meta:
        icon = "link-external"
        label = _("Externer Link")
        description = _("Ein Link auf ein Angebot außerhalb des Portals, mit Titel.")


class SidebarPanelBlock(blocks.ListBlock):
    """A sidebar panel listing chosen items; unpublished pages and snippets are left out.

    Rendered in the frame every sidebar panel shares (`components/sidebar_panel.html`):
    the label is the heading, `body` the template that shows the items.
    """

    class Meta:
        template = "blocks/sidebar_panel_block.html"
        body = None

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["items"] = [item for item in value if getattr(item, "live", True)]
        context["heading"] = self.label
        context["body"] = self.meta.body
        # One panel of each kind per sidebar (`block_counts`): the name is unique on the page.
        context["panel_id"] = f"sidebar-{self.name}"
        return context

    def get_api_representation(self, value, context=None):
        """Pages as links, contact persons and documents with their details; drafts left out."""
        from wagtail.documents.models import AbstractDocument
        from wagtail.models import Page

        from portal.api_common.representations import contact_person_data, document_data, page_link
        from portal.contacts import ContactPerson

        request = context.get("request") if context else None
        items = []
        for item in value:
            if isinstance(item, Page):
                items.append(page_link(item, request))
            elif isinstance(item, AbstractDocument):
                items.append(document_data(item, request))
            elif isinstance(item, ContactPerson):
                items.append(contact_person_data(item))
            else:
                items.append(self.child_block.get_api_representation(item, context))
        return [item for item in items if item is not None]


class SidebarBlock(blocks.StreamBlock):
    """The old site's sidebar panels that editors fill, at most one of each kind."""

    related_pages = SidebarPanelBlock(
        blocks.PageChooserBlock(),
        label=_("Weitere Informationen zum Thema"),
        icon="doc-empty",
        body="components/sidebar/page_links.html",
        description=_("Verwandte Seiten des Portals."),
    )
    contacts = SidebarPanelBlock(
        SnippetChooserBlock("portal.ContactPerson"),
        label=_("Kontakt"),
        icon="user",
        body="components/sidebar/contact_persons.html",
        description=_("Ansprechpersonen zu diesem Thema."),
    )
    downloads = SidebarPanelBlock(
        DocumentChooserBlock(),
        label=_("Downloads"),
        icon="download",
        body="components/sidebar/documents.html",
        description=_("Dokumente zum Herunterladen, mit Format, Größe und Sprache."),
    )
    external_links = SidebarPanelBlock(
        ExternalLinkBlock(),
        label=_("Externe Links"),
        icon="link-external",
        body="components/sidebar/external_links.html",
        description=_("Links zu Angeboten außerhalb des Portals."),
    )

    class Meta:
        block_counts = {
            "related_pages": {"max_num": 1},
            "contacts": {"max_num": 1},
            "downloads": {"max_num": 1},
            "external_links": {"max_num": 1},
        }
