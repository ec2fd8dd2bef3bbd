"""The portal's image model: the alternative text is required, a credit line goes with it."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.api import APIField
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

    # The API's image answers: the alternative text is Wagtail's `description` already.
    api_fields = [APIField("credit")]

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
