"""Shared models: the image model (alternative text is required) and the site settings."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.images.models import AbstractImage, AbstractRendition
from wagtail.images.models import Image as WagtailImage


class PortalImage(AbstractImage):
    """An image whose alternative text is required and which carries a credit line."""

    description = models.CharField(
        max_length=255,
        default="",
        verbose_name=_("Alternativtext"),
        help_text=_(
            "Beschreibt, was das Bild zeigt, für Menschen, die es nicht sehen können. "
            "Pflichtfeld (BITV 2.0)."
        ),
    )
    credit = models.CharField(
        max_length=255,
        blank=True,
        verbose_name=_("Bildnachweis"),
        help_text=_("Urheber oder Rechteinhaber, z. B. „Foto: MKJFGFI NRW“."),
    )

    admin_form_fields = (
        "title",
        "file",
        "description",
        "credit",
        *WagtailImage.admin_form_fields[3:],
    )

    @property
    def default_alt_text(self):
        return self.description

    class Meta(AbstractImage.Meta):
        verbose_name = _("Bild")
        verbose_name_plural = _("Bilder")
        permissions = [("choose_image", "Can choose image")]


class PortalRendition(AbstractRendition):
    image = models.ForeignKey(PortalImage, on_delete=models.CASCADE, related_name="renditions")

    class Meta:
        unique_together = (("image", "filter_spec", "focal_point_key"),)


@register_setting(icon="site")
class PortalSettings(BaseSiteSetting):
    """Facts about the publisher that several pages show or use."""

    organisation_name = models.CharField(
        max_length=255,
        default="Landesregierung Nordrhein-Westfalen",
        verbose_name=_("Herausgeber"),
    )
    postal_address = models.TextField(
        blank=True,
        verbose_name=_("Postanschrift"),
        help_text=_("Mehrzeilig, wie auf einem Briefumschlag."),
    )
    contact_email = models.EmailField(
        blank=True,
        verbose_name=_("Allgemeine Kontaktadresse"),
        help_text=_("Wird Besucherinnen und Besuchern als E-Mail-Adresse angezeigt."),
    )
    form_recipient_email = models.EmailField(
        blank=True,
        verbose_name=_("Empfänger der Formulare"),
        help_text=_(
            "Formular-Eingänge (Kontakt, Partner werden, Bestellungen) gehen an diese Adresse, "
            "sofern das Formular keine eigene nennt."
        ),
    )

    panels = [
        FieldPanel("organisation_name"),
        FieldPanel("postal_address"),
        MultiFieldPanel(
            [FieldPanel("contact_email"), FieldPanel("form_recipient_email")],
            heading=_("E-Mail-Adressen"),
        ),
    ]

    class Meta:
        verbose_name = _("Portal-Einstellungen")
