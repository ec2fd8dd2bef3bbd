"""The downloads page, publication pages and the order form for printed copies."""

from functools import partial
from html import unescape

from django.core.paginator import Paginator
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.db.models import Prefetch
from django.utils.functional import SimpleLazyObject, cached_property
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.fields import RichTextField, StreamField
from wagtail.images import get_image_model
from wagtail.models import Page
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from downloads.api_fields import DownloadGroupsField
from downloads.blocks import DownloadGroupsBlock
from downloads.order_form import PublicationOrderForm
from portal.api_common.fields import DocumentField, RenditionField, translations_field
from portal.form_pages import PortalFormPage, form_page_panels
from portal.pages import PAGE_FORM, ContentPage
from portal.slugs import GermanSlugMixin
from portal.structured_data import media_object, page_facts
from portal.translatable_fields import CONTENT_PAGE_FIELDS, FORM_PAGE_FIELDS, PAGE_FIELDS
from portal.view_restrictions import CachedViewRestrictionsMixin, private_q

PUBLICATIONS_PER_PAGE = 20
RICH_TEXT_FEATURES = ["bold", "italic", "link", "ul", "ol"]


class DownloadIndexPage(ContentPage):
    """The page "Downloads": the publications below it and documents grouped by topic."""

    admin_icon = "download"
    page_description = _("Die Seite „Downloads“: Publikationen und Dokumente nach Themen.")

    groups = StreamField(
        DownloadGroupsBlock(),
        blank=True,
        verbose_name=_("Dokumente nach Themen"),
        help_text=_(
            "Einzelne Dokumente, nach Themen gruppiert. Publikationen erscheinen von selbst."
        ),
    )

    content_panels = [*ContentPage.content_panels, FieldPanel("groups")]
    # The publications: /api/v3/pages/?type=downloads.PublicationPage&child_of=<id>.
    api_fields = [*ContentPage.api_fields, APIField("groups", serializer=DownloadGroupsField())]
    translatable_fields = [*CONTENT_PAGE_FIELDS, TranslatableField("groups")]

    parent_page_types = ["home.HomePage"]
    subpage_types = ["downloads.PublicationPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("Downloadseite")
        verbose_name_plural = _("Downloadseiten")

    def publications(self):
        """Live, public publications below this page, newest first, covers and files included."""
        return (
            PublicationPage.objects.child_of(self)
            .live()
            .exclude(private_q())
            .select_related("document")
            .prefetch_related(
                Prefetch("cover", queryset=get_image_model().objects.prefetch_renditions()),
                Prefetch(
                    "document__cover", queryset=get_image_model().objects.prefetch_renditions()
                ),
            )
            .order_by("-first_published_at", "path")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        paginator = Paginator(self.publications(), PUBLICATIONS_PER_PAGE)
        # Read when the template asks (not when its content comes from the fragment cache).
        context["publications"] = SimpleLazyObject(
            partial(paginator.get_page, request.GET.get("seite"))
        )
        return context


class PublicationPage(CachedViewRestrictionsMixin, GermanSlugMixin, Page):
    """A publication such as the employer guide: cover, summary, the file and a print order."""

    admin_icon = "doc-full"
    page_description = _(
        "Eine Publikation mit Titelbild, Zusammenfassung, Datei und Bestellmöglichkeit."
    )
    base_form_class = PAGE_FORM

    cover = models.ForeignKey(
        "portal.PortalImage",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("Titelbild"),
        help_text=_("Das Titelblatt der Publikation."),
    )
    summary = RichTextField(
        features=RICH_TEXT_FEATURES,
        verbose_name=_("Zusammenfassung"),
        help_text=_("Worum es in der Publikation geht und für wen sie gedacht ist."),
    )
    document = models.ForeignKey(
        "downloads.PortalDocument",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("Datei"),
        help_text=_(
            "Die Publikation zum Herunterladen; Format, Größe und Seitenzahl stehen dabei."
        ),
    )

    content_panels = [
        *Page.content_panels,
        FieldPanel("cover"),
        FieldPanel("summary"),
        FieldPanel("document"),
    ]
    search_fields = [*Page.search_fields, index.SearchField("summary")]
    # An English publication may point to an English file and cover (overridable).
    translatable_fields = [
        *PAGE_FIELDS,
        TranslatableField("summary"),
        SynchronizedField("cover"),
        SynchronizedField("document"),
    ]
    api_fields = [
        APIField("cover", serializer=RenditionField("max-800x1200")),
        APIField("summary"),
        APIField("document", serializer=DocumentField()),
        translations_field(),
    ]

    parent_page_types = ["downloads.DownloadIndexPage"]
    subpage_types = ["downloads.PublicationOrderPage"]

    class Meta:
        verbose_name = _("Publikation")
        verbose_name_plural = _("Publikationen")

    @cached_property
    def cover_image(self):
        """The cover the editor chose, else the first page of the PDF (downloads.covers), with
        its renditions: the page's cover and its share image (Open Graph) cost no query more."""
        if self.cover_id:
            owner, cover_id = self, self.cover_id
        elif self.document_id and self.document:
            owner, cover_id = self.document, self.document.cover_id
        else:
            return None
        if cover_id is None:
            return None
        if owner._meta.get_field("cover").is_cached(owner):  # prefetched by a listing
            return owner.cover
        return get_image_model().objects.prefetch_renditions().filter(pk=cover_id).first()

    def share_image(self):
        """Link previews (Open Graph, Twitter card) show the publication's cover."""
        return self.cover_image

    def share_image_alt(self):
        return _("Titelseite: %(title)s") % {"title": self.title}

    def teaser_text(self):
        if self.search_description:
            return self.search_description
        text = unescape(strip_tags(self.summary.replace("</p>", "</p> ")))
        return Truncator(text).words(30)

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["order_page"] = SimpleLazyObject(
            PublicationOrderPage.objects.child_of(self).live().exclude(private_q()).first
        )
        return context

    def cache_dependents(self):
        """For the HTTP cache: the home page shows the newest publication with its cover."""
        return list(self.get_ancestors().filter(depth=2))

    def structured_data(self, request):
        """For search engines: the publication as a document to download (JSON-LD)."""
        data = {"@type": "DigitalDocument", "name": self.title, **page_facts(self, request)}
        data.setdefault("description", self.teaser_text())
        if self.document is not None:
            data["encoding"] = media_object(request, self.document)
        return data


class PublicationOrderPage(PortalFormPage):
    """The order form for printed copies of its parent publication.

    The fields are fixed in `downloads.order_form.PublicationOrderForm` (quantity, name, address,
    e-mail, consent), so the quantity limit holds whatever an editor changes here.
    """

    admin_icon = "clipboard-list"
    page_description = _(
        "Das Bestellformular für gedruckte Exemplare der darüberliegenden Publikation."
    )

    max_quantity = models.PositiveSmallIntegerField(
        default=50,
        validators=[MinValueValidator(1), MaxValueValidator(1000)],
        verbose_name=_("Höchstens bestellbare Exemplare"),
        help_text=_("Je Bestellung; größere Mengen bitte per E-Mail anfragen lassen."),
    )

    content_panels = form_page_panels(FieldPanel("max_quantity"))

    translatable_fields = [*FORM_PAGE_FIELDS, SynchronizedField("max_quantity")]

    parent_page_types = ["downloads.PublicationPage"]
    subpage_types = []
    max_count_per_parent = 1
    api_fields = [
        APIField("intro"),
        APIField("max_quantity"),
        APIField("privacy_notice"),
        translations_field(),
    ]

    class Meta:
        verbose_name = _("Bestellformular")
        verbose_name_plural = _("Bestellformulare")

    def get_form_fields(self):
        return []

    def get_form_class(self):
        return PublicationOrderForm

    def get_form_parameters(self):
        return {"max_quantity": self.max_quantity}

    def get_data_fields(self):
        return [
            ("submit_time", _("Eingangsdatum")),
            *PublicationOrderForm.data_fields(),
        ]

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["publication"] = self.get_parent().specific
        return context
