"""The partner directory: partner organisations, the page that lists them, "Partner werden"."""

from urllib.parse import urlsplit

from django.core.validators import URLValidator
from django.db import models
from django.utils.functional import SimpleLazyObject
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import (
    FieldPanel,
    FieldRowPanel,
    InlinePanel,
    MultiFieldPanel,
    PublishingPanel,
)
from wagtail.api import APIField
from wagtail.fields import RichTextField
from wagtail.images import get_image_model_string
from wagtail.models import (
    DraftStateMixin,
    LockableMixin,
    PreviewableMixin,
    RevisionMixin,
    TranslatableMixin,
    WorkflowMixin,
)
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from modelcluster.fields import ParentalKey

from portal.api_common.fields import translations_field
from portal.form_pages import PortalFormField, PortalFormPage, form_page_panels
from portal.pages import SidebarPage
from portal.translatable_fields import FORM_BUILDER_PAGE_FIELDS

from .fields import FoldedField
from .folding import PLACE_KEY_LENGTH, SORT_NAME_LENGTH

SHORT_RICH_TEXT = ["bold", "italic", "link"]


class PartnerKind(models.TextChoices):
    """What kind of organisation a partner is; the values appear in URLs (`?art=polizei`)."""

    AUTHORITY = "behoerde", _("Behörde")
    DISTRICT_OR_CITY = "kreis-stadt", _("Kreis oder Stadt")
    JOB_CENTRE = "jobcenter", _("Jobcenter")
    POLICE = "polizei", _("Polizei")
    WELFARE_OR_SPORTS = "wohlfahrt-sport", _("Wohlfahrts- oder Sportverband")
    CHAMBER = "kammer", _("Kammer")
    BROADCASTER = "rundfunk", _("Rundfunkanstalt")
    COMPANY = "unternehmen", _("Unternehmen")
    ASSOCIATION = "verband", _("Verband oder Verein")
    OTHER = "sonstige", _("Sonstige")


class Partner(
    WorkflowMixin,
    DraftStateMixin,
    LockableMixin,
    RevisionMixin,
    PreviewableMixin,
    TranslatableMixin,
    index.Indexed,
    models.Model,
):
    """An organisation that joined the initiative with a self-commitment; approved like pages.

    Names are proper names: a partner needs no English translation, the English directory
    shows the German entry until a translation is published.
    """

    name = models.CharField(max_length=255, verbose_name=_("Name"))
    kind = models.CharField(
        max_length=20,
        choices=PartnerKind.choices,
        default=PartnerKind.OTHER,
        verbose_name=_("Art"),
    )
    place = models.CharField(
        max_length=100,
        blank=True,
        verbose_name=_("Ort"),
        help_text=_("Stadt, Kreis oder Region, z. B. „Dortmund“ oder „Kreis Soest“."),
    )
    website = models.URLField(
        blank=True,
        validators=[URLValidator(schemes=["http", "https"])],
        verbose_name=_("Website"),
        help_text=_("Vollständige Adresse mit https://"),
    )
    logo = models.ForeignKey(
        get_image_model_string(),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("Logo"),
    )
    joined_on = models.DateField(null=True, blank=True, verbose_name=_("Partner seit"))
    # No links: the directory renders every partner's text, each link would cost a query.
    measures = RichTextField(
        blank=True,
        features=["bold", "italic", "ul", "ol"],
        verbose_name=_("Maßnahmen"),
        help_text=_("Die Maßnahmen und Projekte aus der Erklärung des Partners."),
    )
    time_frame = models.CharField(
        max_length=255,
        blank=True,
        verbose_name=_("Zeitrahmen"),
        help_text=_("Zeitraum der Selbstverpflichtung, z. B. „2024 bis 2026“."),
    )
    # For the directory, derived from name and place on every write (partners/folding.py):
    # sorting, the A–Z navigation, the text search and the place filter run in the database.
    sort_name = FoldedField(source="name", function="sort_name", max_length=SORT_NAME_LENGTH)
    sort_letter = FoldedField(source="name", function="sort_letter", max_length=1)
    place_key = FoldedField(source="place", function="place_key", max_length=PLACE_KEY_LENGTH)

    # Name and place are proper names: kept in sync, a translator may still override them.
    translatable_fields = [
        SynchronizedField("name"),
        SynchronizedField("kind", overridable=False),
        SynchronizedField("place"),
        SynchronizedField("website"),
        SynchronizedField("logo"),
        SynchronizedField("joined_on", overridable=False),
        TranslatableField("measures"),
        TranslatableField("time_frame"),
    ]

    panels = [
        FieldPanel("name"),
        FieldRowPanel([FieldPanel("kind"), FieldPanel("place")]),
        FieldPanel("website"),
        FieldRowPanel([FieldPanel("logo"), FieldPanel("joined_on")]),
        MultiFieldPanel(
            [FieldPanel("measures"), FieldPanel("time_frame")],
            heading=_("Selbstverpflichtung"),
        ),
        PublishingPanel(),
    ]
    search_fields = [
        index.SearchField("name"),
        index.AutocompleteField("name"),
        index.SearchField("place"),
        index.SearchField("measures"),
        index.SearchField("time_frame"),
        index.FilterField("kind"),
        index.FilterField("locale_id"),
        index.FilterField("live"),
        index.FilterField("id"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("Partner")
        verbose_name_plural = _("Partner")
        ordering = ["name"]
        indexes = [
            models.Index(
                fields=["locale", "live", "sort_letter", "sort_name"], name="partner_directory"
            ),
        ]

    def __str__(self):
        return self.name

    @property
    def website_host(self):
        """The address without scheme, as link text: "www.wdr.de"."""
        return urlsplit(self.website).netloc or self.website

    @property
    def has_self_commitment(self):
        return bool(self.measures or self.time_frame)

    def get_preview_template(self, request, mode_name):
        return "partners/partner_preview.html"

    def cache_dependents(self):
        """For the HTTP cache: the directories of every language list it (English shows German
        entries without translation), and the API."""
        return [
            *PartnerIndexPage.objects.live(),
            "/api/v3/partners/",
            f"/api/v3/partners/{self.pk}/",
        ]


class PartnerIndexPage(SidebarPage):
    """ "Wir sind Partner": the initiative's goals and terms, then the partners by kind."""

    admin_icon = "group"
    page_description = _(
        "Das Partnerverzeichnis „Wir sind Partner“: Ziele, Bedingungen und die Partner nach Art."
    )

    # The partners themselves: /api/v3/partners/ (published ones, filterable).

    parent_page_types = ["home.TopicPage"]
    subpage_types = ["partners.PartnerFormPage"]

    class Meta:
        verbose_name = _("Partnerverzeichnis")
        verbose_name_plural = _("Partnerverzeichnisse")

    @classmethod
    def can_create_at(cls, parent):
        """One directory per language: it lists every partner of that language."""
        return (
            super().can_create_at(parent)
            and not cls.objects.filter(locale_id=parent.locale_id).exists()
        )

    def get_context(self, request, *args, **kwargs):
        from .directory import PartnerDirectory

        context = super().get_context(request, *args, **kwargs)
        directory = PartnerDirectory(self, request.GET, self.get_url(request))
        context["directory"] = directory
        context["filter_form"] = directory.form
        # For base.html: the view as shown, and the same view in the other language.
        context["canonical_url"] = directory.canonical_url
        context["language_links"] = directory.language_links(request)
        context["form_page"] = SimpleLazyObject(
            PartnerFormPage.objects.child_of(self).live().public().first
        )
        return context


class PartnerFormField(PortalFormField):
    """A field of the "Partner werden" form."""

    page = ParentalKey(
        "partners.PartnerFormPage", on_delete=models.CASCADE, related_name="form_fields"
    )


class PartnerFormPage(PortalFormPage):
    """ "Partner werden": an organisation declares its measures and time frame."""

    admin_icon = "form"
    page_description = _(
        "Das Formular „Partner werden“, mit dem sich eine Organisation als Partner meldet."
    )

    content_panels = form_page_panels(InlinePanel("form_fields", label=_("Formularfelder")))
    translatable_fields = FORM_BUILDER_PAGE_FIELDS
    api_fields = [APIField("intro"), APIField("privacy_notice"), translations_field()]

    parent_page_types = ["partners.PartnerIndexPage"]
    subpage_types = []
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("Formular „Partner werden“")
        verbose_name_plural = _("Formulare „Partner werden“")
