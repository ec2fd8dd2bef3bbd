"""The portal's document model: description, language, page count and download count."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.documents.models import AbstractDocument
from wagtail.documents.models import Document as WagtailDocument
from wagtail.search import index


class PortalDocument(AbstractDocument):
    description = models.TextField(
        blank=True,
        verbose_name=_("Beschreibung"),
        help_text=_("Worum es in dem Dokument geht; erscheint in Download-Listen."),
    )
    language = models.CharField(
        max_length=8,
        choices=settings.LANGUAGES,
        default=settings.LANGUAGE_CODE,
        verbose_name=_("Sprache"),
        help_text=_("Die Sprache des Dokuments selbst."),
    )
    page_count = models.PositiveIntegerField(
        null=True, blank=True, editable=False, verbose_name=_("Seitenzahl")
    )
    download_count = models.PositiveIntegerField(
        default=0, editable=False, verbose_name=_("Downloads")
    )

    admin_form_fields = (*WagtailDocument.admin_form_fields, "description", "language")

    search_fields = [
        *AbstractDocument.search_fields,
        index.SearchField("description"),
        index.FilterField("language"),
    ]

    class Meta(AbstractDocument.Meta):
        verbose_name = _("Dokument")
        verbose_name_plural = _("Dokumente")
        permissions = [("choose_document", "Can choose document")]
