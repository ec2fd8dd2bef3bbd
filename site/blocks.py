"""The portal's content blocks, composed into the stream blocks that page bodies use.

Every block renders through its own template under `blocks/` and describes itself for
Wagtail's block picker (`description`, `preview_value`).
"""

from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.blocks.struct_block import StructBlockValidationError
from wagtail.documents import get_document_model
from wagtail.documents.blocks import DocumentChooserBlock
from wagtail.images import get_image_model
from wagtail.images.blocks import ImageBlock

RICH_TEXT_FEATURES = ["bold", "italic", "h3", "h4", "ol", "ul", "link", "document-link"]


def newest(model):
    """The newest image or document of the library, for block previews with real media."""
    return model.objects.order_by("-created_at").first()


class HeadingBlock(blocks.StructBlock):
    text = blocks.CharBlock(label=_("Überschrift"), max_length=200)
    level = blocks.ChoiceBlock(
        choices=[("h2", _("Ebene 2")), ("h3", _("Ebene 3"))],
        default="h2",
        label=_("Ebene"),
        help_text=_("Ebene 2 für Abschnitte, Ebene 3 für Unterabschnitte."),
    )

    class Meta:
        icon = "title"
        template = "blocks/heading_block.html"
        label = _("Überschrift")
        description = _("Eine Zwischenüberschrift, die den Text gliedert.")
        preview_value = {"text": "Initiative zur interkulturellen Öffnung", "level": "h2"}


class ParagraphBlock(blocks.RichTextBlock):
    def __init__(self, **kwargs):
        super().__init__(features=RICH_TEXT_FEATURES, **kwargs)

    class Meta:
        icon = "pilcrow"
        template = "blocks/paragraph_block.html"
        label = _("Text")
        description = _("Fließtext mit Hervorhebungen, Listen und Links.")
        preview_value = (
            "<p>Die gleichberechtigte Teilhabe am Erwerbsleben ist eine wesentliche "
            "Voraussetzung für gelingende Integration und Teilhabe.</p>"
        )


class CaptionedImageBlock(blocks.StructBlock):
    image = ImageBlock(label=_("Bild"))
    caption = blocks.CharBlock(required=False, max_length=300, label=_("Bildunterschrift"))

    class Meta:
        icon = "image"
        template = "blocks/captioned_image_block.html"
        label = _("Bild")
        description = _("Ein Bild mit Alternativtext, Bildunterschrift und Bildnachweis.")

    def get_api_representation(self, value, context=None):
        """The image as a rendition with its alternative text (empty when decorative)."""
        from portal.api_common.representations import rendition_data

        image = value["image"]
        rendition = rendition_data(image)
        if rendition:
            decorative = getattr(image, "decorative", False)
            alt = getattr(image, "contextual_alt_text", None) or rendition["alt"]
            rendition["alt"] = "" if decorative else alt
        return {"image": rendition, "caption": value["caption"]}

    def get_preview_value(self):
        """The newest image in the library, so the preview shows a real picture."""
        image = newest(get_image_model())
        if image is None:
            return self.get_default()
        return self.to_python(
            {
                "image": {"image": image.pk, "decorative": False, "alt_text": ""},
                "caption": image.title,
            }
        )


class QuoteBlock(blocks.StructBlock):
    text = blocks.TextBlock(label=_("Zitat"))
    source = blocks.CharBlock(required=False, max_length=200, label=_("Quelle"))

    class Meta:
        icon = "openquote"
        template = "blocks/quote_block.html"
        label = _("Zitat")
        description = _("Ein hervorgehobenes Zitat mit Quelle.")
        preview_value = {
            "text": "Interkulturelle Öffnung ist ein Erfolgsfaktor!",
            "source": "Landesregierung Nordrhein-Westfalen",
        }


class LinkBlock(blocks.StructBlock):
    """A link to a page of the portal or to an external address – exactly one of both."""

    text = blocks.CharBlock(max_length=200, label=_("Linktext"))
    page = blocks.PageChooserBlock(required=False, label=_("Seite im Portal"))
    url = blocks.URLBlock(required=False, label=_("Externe Adresse"))

    class Meta:
        icon = "link"
        template = "blocks/link_block.html"
        label = _("Link")
        description = _("Ein Link auf eine Portalseite oder eine externe Adresse.")
        preview_value = {"text": "Zum Landesportal", "url": "https://www.land.nrw/"}

    def get_api_representation(self, value, context=None):
        """The link's target as a URL: a live page's path or the external address."""
        from portal.api_common.representations import page_link

        representation = super().get_api_representation(value, context)
        request = context.get("request") if context else None
        page = page_link(value.get("page"), request)
        representation["page"] = page
        representation["href"] = page["url"] if page else (value.get("url") or None)
        return representation

    def clean(self, value):
        value = super().clean(value)
        if bool(value.get("page")) == bool(value.get("url")):
            message = _(
                "Bitte genau eines angeben: eine Seite im Portal oder eine externe Adresse."
            )
            raise StructBlockValidationError(
                block_errors={
                    "page": ValidationError(message),
                    "url": ValidationError(message),
                }
            )
        return value


class CallToActionBlock(LinkBlock):
    description_text = blocks.TextBlock(required=False, max_length=300, label=_("Erläuterung"))

    class Meta:
        icon = "pick"
        template = "blocks/call_to_action_block.html"
        label = _("Handlungsaufforderung")
        description = _("Ein hervorgehobener Kasten mit einem Link, z. B. „Partner werden“.")
        preview_value = {
            "text": "Jetzt Partner werden",
            "url": "https://www.chancen.nrw/",
            "description_text": "Schließen Sie sich der Initiative des Landes an.",
        }


class DocumentLinkBlock(blocks.StructBlock):
    document = DocumentChooserBlock(label=_("Dokument"))
    text = blocks.CharBlock(
        required=False,
        max_length=200,
        label=_("Linktext"),
        help_text=_("Leer lassen, um den Titel des Dokuments zu verwenden."),
    )

    class Meta:
        icon = "doc-full"
        template = "blocks/document_link_block.html"
        label = _("Dokument-Link")
        description = _("Ein Download-Link mit Format, Größe und Sprache des Dokuments.")

    def get_api_representation(self, value, context=None):
        """The document with URL, format, size and language; None when it is not public."""
        from portal.api_common.representations import document_data

        request = context.get("request") if context else None
        document = document_data(value["document"], request)
        return {"document": document, "text": value["text"] or (document or {}).get("title", "")}

    def get_preview_value(self):
        """The newest document in the library, so the preview shows a real download link."""
        document = newest(get_document_model())
        if document is None:
            return self.get_default()
        return self.to_python({"document": document.pk, "text": ""})


class RelatedLinksBlock(blocks.StructBlock):
    heading = blocks.CharBlock(
        max_length=200, default=_("Weitere Informationen"), label=_("Überschrift")
    )
    links = blocks.ListBlock(LinkBlock(), min_num=1, label=_("Links"))

    class Meta:
        icon = "list-ul"
        template = "blocks/related_links_block.html"
        label = _("Weiterführende Links")
        description = _("Eine Liste von Links zu verwandten Seiten und Angeboten.")
        preview_value = {
            "heading": "Weitere Informationen",
            "links": [
                {"text": "Landesportal Nordrhein-Westfalen", "url": "https://www.land.nrw/"},
                {"text": "Bundesagentur für Arbeit", "url": "https://www.arbeitsagentur.de/"},
            ],
        }


class BodyBlock(blocks.StreamBlock):
    """The body of section, topic and standard pages."""

    heading = HeadingBlock()
    paragraph = ParagraphBlock()
    image = CaptionedImageBlock()
    quote = QuoteBlock()
    call_to_action = CallToActionBlock()
    document = DocumentLinkBlock()
    related_links = RelatedLinksBlock()

    class Meta:
        template = "blocks/body_block.html"
