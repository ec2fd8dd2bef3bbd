"""The blocks editors compose the home page from: sections, a publication, the newest press
releases, a call to action and a contact teaser.

The home section imports no other section: the publication is chosen with a
`PageChooserBlock` of the type "downloads.PublicationPage" (a string, no import), and the
newest press releases come from the press section through the `register_newest_items` hook
(`portal.pages.newest_items_panels`), with a template of its own.

Chosen pages stay the German pages in the English translation (wagtail-localize synchronises
page choosers); each block shows the chosen page's translation in the home page's language
and nothing when the page is unpublished or deleted. Every block costs at most one query of
its own (besides loading the chosen pages, one query per block type), however much it shows.
"""

from django.apps import apps
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.models import Locale, Page

from portal.pages import newest_items_panels
from portal.view_restrictions import private_q

PUBLICATION_PAGE_TYPE = "downloads.PublicationPage"


def home_of(parent_context):
    """The home page being rendered; in the admin's block preview the active language's."""
    page = (parent_context or {}).get("page")
    if page is not None and page.depth == 2:
        return page
    from home.models import HomePage

    return HomePage.objects.filter(depth=2, locale=Locale.get_active()).first()


def localized(page, home, queryset=None):
    """The chosen page in the home page's language: its translation where there is one.

    None when the page is deleted or unpublished (the block then shows nothing). One query
    when a translation is looked up; with `queryset` given, always that one query (e.g. to
    load related objects with the page).
    """
    if page is None or home is None:
        return None
    if page.locale_id != home.locale_id or queryset is not None:
        queryset = queryset if queryset is not None else Page.objects.all()
        candidates = queryset.filter(translation_key=page.translation_key).filter(
            locale_id__in=[home.locale_id, page.locale_id]
        )
        # The translation if there is one, else the chosen page itself.
        found = {candidate.locale_id: candidate for candidate in candidates}
        page = found.get(home.locale_id) or found.get(page.locale_id)
    if page is None or not page.live:
        return None
    return page


class PublicationChooserBlock(blocks.PageChooserBlock):
    """Chooses a publication; loads it with its cover and document in the same query."""

    def bulk_to_python(self, values):
        objects = self.model_class.objects.select_related("cover", "document__cover").in_bulk(
            [value for value in values if value is not None]
        )
        return [objects.get(value) for value in values]


class HomeBlockMixin:
    """The id of the block's heading (`aria-labelledby`), unique on the page."""

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        block_id = (parent_context or {}).get("block_id") or self.name or "block"
        context["heading_id"] = f"home-{block_id}"
        context["home"] = home_of(parent_context)
        return context


class SectionTeasersBlock(HomeBlockMixin, blocks.StructBlock):
    heading = blocks.CharBlock(max_length=200, default=_("Themen"), label=_("Überschrift"))
    pages = blocks.ListBlock(
        blocks.PageChooserBlock(),
        required=False,
        default=[],
        label=_("Ausgewählte Seiten"),
        help_text=_("Leer lassen, um alle veröffentlichten Bereichsseiten zu zeigen."),
    )

    class Meta:
        icon = "folder-open-inverse"
        template = "home/blocks/section_teasers_block.html"
        label = _("Bereiche")
        description = _(
            "Karten zu den Bereichen des Portals oder zu ausgewählten Seiten, mit Kurztext."
        )
        preview_value = {"heading": "Themen", "pages": []}

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        home = context["home"]
        chosen = [page for page in value["pages"] if page is not None]
        if home is None:
            context["teasers"] = []
        elif chosen:
            context["teasers"] = self._chosen(chosen, home)
        else:
            section_model = apps.get_model("home", "SectionPage")
            context["teasers"] = section_model.objects.child_of(home).live().exclude(private_q())
        return context

    @staticmethod
    def _chosen(chosen, home):
        """The chosen pages in the home page's language (else as chosen), in their order."""
        keys = [page.translation_key for page in chosen]
        pages = (
            Page.objects.live()
            .filter(translation_key__in=keys)
            .filter(locale_id__in={home.locale_id, *(page.locale_id for page in chosen)})
            .specific()
        )
        by_key = {}
        for page in pages:
            if page.translation_key not in by_key or page.locale_id == home.locale_id:
                by_key[page.translation_key] = page
        teasers = [by_key.get(key) for key in dict.fromkeys(keys)]
        return [page for page in teasers if page is not None]


class FeaturedPublicationBlock(HomeBlockMixin, blocks.StructBlock):
    heading = blocks.CharBlock(max_length=200, default=_("Publikation"), label=_("Überschrift"))
    publication = PublicationChooserBlock(
        page_type=PUBLICATION_PAGE_TYPE,
        label=_("Publikation"),
        help_text=_("Titelbild, Kurztext und Download-Link kommen von der Publikationsseite."),
    )

    class Meta:
        icon = "doc-full-inverse"
        template = "home/blocks/featured_publication_block.html"
        label = _("Publikation")
        description = _(
            "Eine Publikation mit Titelbild, Kurztext und Download-Link (Format und Größe)."
        )

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        publication = value["publication"]
        queryset = None
        home = context["home"]
        if publication is not None and home is not None and publication.locale_id != home.locale_id:
            # One query: the translation with its cover and document.
            queryset = type(publication).objects.select_related("cover", "document__cover")
        context["publication"] = localized(publication, context["home"], queryset)
        return context

    def get_preview_value(self):
        """The newest publication, so the preview shows a real cover and download."""
        model = apps.get_model(PUBLICATION_PAGE_TYPE)
        publication = model.objects.live().order_by("-first_published_at").first()
        return self.to_python(
            {"heading": "Publikation", "publication": publication.pk if publication else None}
        )


class NewestItemsBlock(HomeBlockMixin, blocks.StructBlock):
    heading = blocks.CharBlock(
        max_length=200, default=_("Aktuelle Pressemitteilungen"), label=_("Überschrift")
    )
    number = blocks.IntegerBlock(min_value=1, max_value=6, default=3, label=_("Anzahl"))

    class Meta:
        icon = "date"
        template = "home/blocks/newest_items_block.html"
        label = _("Aktuelle Pressemitteilungen")
        description = _(
            "Die neuesten Pressemitteilungen in der Sprache der Seite, mit Link zum Archiv."
        )
        preview_value = {"heading": "Aktuelle Pressemitteilungen", "number": 3}

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        home = context["home"]
        request = (parent_context or {}).get("request")
        number = value["number"] or 3
        context["panels"] = newest_items_panels(home, request, number) if home else []
        return context


class PageLinkTeaserBlock(HomeBlockMixin, blocks.StructBlock):
    """A heading, a text and a link to a page of the portal."""

    heading = blocks.CharBlock(max_length=200, label=_("Überschrift"))
    text = blocks.TextBlock(required=False, max_length=400, label=_("Text"))
    page = blocks.PageChooserBlock(label=_("Seite"))
    link_text = blocks.CharBlock(
        max_length=100,
        required=False,
        label=_("Linktext"),
        help_text=_("Leer lassen, um den Titel der Seite zu verwenden."),
    )

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["target"] = localized(value.get("page"), context["home"])
        return context

    def get_preview_value(self):
        """The preview links the home page: the block then shows with its button or link."""
        home = home_of(None)
        return self.to_python({**self.meta.preview_value, "page": home.pk if home else None})


class HomeCallToActionBlock(PageLinkTeaserBlock):
    class Meta:
        icon = "pick"
        template = "home/blocks/call_to_action_block.html"
        label = _("Handlungsaufforderung")
        description = _(
            "Ein hervorgehobener Kasten mit Text und Schaltfläche, z. B. „Partner werden“."
        )
        preview_value = {
            "heading": "Partner werden",
            "text": "Schließen Sie sich der Initiative des Landes an.",
            "link_text": "Jetzt Partner werden",
        }


class ContactTeaserBlock(PageLinkTeaserBlock):
    class Meta:
        icon = "mail"
        template = "home/blocks/contact_teaser_block.html"
        label = _("Kontakt")
        description = _("Ein Hinweis auf die Kontaktseite mit kurzem Text und Link.")
        preview_value = {
            "heading": "Kontakt",
            "text": "Sie haben Fragen? Schreiben Sie uns.",
            "link_text": "Zum Kontaktformular",
        }


class HomeBlock(blocks.StreamBlock):
    """The home page's blocks, in the order the editor chooses."""

    sections = SectionTeasersBlock()
    publication = FeaturedPublicationBlock()
    newest_press_releases = NewestItemsBlock()
    call_to_action = HomeCallToActionBlock()
    contact = ContactTeaserBlock()

    class Meta:
        template = "home/blocks/home_block.html"
