"""The portal's document model and its download statistics.

Format, size, page count and (for PDFs) the text are filled from the file itself when it is
uploaded (`downloads.forms.PortalDocumentForm`); editors state only title, description and
language. The text feeds the site search.
"""

from pathlib import PurePosixPath

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.template.defaultfilters import filesizeformat
from django.utils.translation import get_language_info, ngettext
from django.utils.translation import gettext_lazy as _

from wagtail.api import APIField
from wagtail.documents.models import AbstractDocument
from wagtail.documents.models import Document as WagtailDocument
from wagtail.search import index

from downloads.covers import queue_cover
from downloads.files import FORMATS, FileFacts, extension_of, extract_pdf_text, inspect_document


class PortalDocument(AbstractDocument):
    description = models.TextField(
        blank=True,
        verbose_name=_("Beschreibung"),
        help_text=_("Worum es in dem Dokument geht; erscheint in Download-Listen."),
    )
    language = models.CharField(
        max_length=8,
        # Named in the admin's language ("Englisch"); LANGUAGES keeps each language's own name.
        choices=settings.WAGTAIL_CONTENT_LANGUAGES,
        default=settings.LANGUAGE_CODE,
        verbose_name=_("Sprache"),
        help_text=_("Die Sprache des Dokuments selbst."),
    )
    file_format = models.CharField(
        max_length=8,
        blank=True,
        editable=False,
        choices=[(fmt.extension, fmt.label) for fmt in FORMATS.values()],
        verbose_name=_("Format"),
        help_text=_("Beim Hochladen aus dem Inhalt der Datei bestimmt."),
    )
    page_count = models.PositiveIntegerField(
        null=True, blank=True, editable=False, verbose_name=_("Seitenzahl")
    )
    download_count = models.PositiveIntegerField(
        default=0, editable=False, verbose_name=_("Downloads")
    )
    extracted_text = models.TextField(
        blank=True,
        editable=False,
        verbose_name=_("Text der Datei"),
        help_text=_("Beim Hochladen aus PDF-Dateien gelesen; die Website-Suche findet ihn."),
    )

    replaces = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="replacements",
        verbose_name=_("Ersetzt nach der Freigabe"),
        help_text=_(
            "Das veröffentlichte Dokument, dessen Datei diese ersetzen soll. Es behält seine "
            "Adresse und zeigt bis zur Freigabe weiter die bisherige Datei."
        ),
    )
    cover = models.ForeignKey(
        "portal.PortalImage",
        null=True,
        blank=True,
        editable=False,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("Titelblatt"),
        help_text=_("Die erste Seite einer PDF-Datei, beim Hochladen gezeichnet."),
    )
    former_file_names = models.JSONField(
        default=list,
        blank=True,
        editable=False,
        verbose_name=_("Frühere Dateinamen"),
        help_text=_("Adressen ersetzter Dateien leiten auf die aktuelle Datei weiter."),
    )

    admin_form_fields = (
        *WagtailDocument.admin_form_fields,
        "description",
        "language",
        "replaces",
    )
    # What the API shows besides title and download URL (the text of the file stays out).
    api_fields = [
        APIField("description"),
        APIField("language"),
        APIField("file_format"),
        APIField("file_size"),
        APIField("page_count"),
    ]

    search_fields = [
        *AbstractDocument.search_fields,
        index.SearchField("description"),
        index.SearchField("extracted_text"),
        index.FilterField("language"),
        index.FilterField("file_format"),
    ]

    class Meta(AbstractDocument.Meta):
        verbose_name = _("Dokument")
        verbose_name_plural = _("Dokumente")
        permissions = [("choose_document", "Can choose document")]

    def save(self, *args, **kwargs):
        self.remember_former_file_name()
        super().save(*args, **kwargs)
        if getattr(self, "_new_file", False):
            self._new_file = False
            # A replacement hands its file to the published document, which draws it then.
            if self.file_format == "pdf" and self.replaces_id is None:
                queue_cover(self)
        if self.cover_id:
            # The cover follows its document, out of the pending collection on release.
            type(self.cover).objects.filter(pk=self.cover_id).exclude(
                collection_id=self.collection_id
            ).update(collection_id=self.collection_id)

    def remember_former_file_name(self):
        """A replaced file's name keeps working: `downloads.views` redirects it."""
        if self.pk is None:
            return
        stored = type(self).objects.filter(pk=self.pk).values_list("file", flat=True).first()
        former = PurePosixPath(stored or "").name
        if former and former != self.filename and former not in self.former_file_names:
            self.former_file_names.append(former)

    def clean(self):
        # Wagtail's extension check, unless the upload form has refused the file already
        # (it would add "extension „“ not allowed" to the form's own, clearer message).
        if self.file:
            super().clean()

    @property
    def format_label(self):
        fmt = FORMATS.get(self.file_format or self.file_extension.lower())
        return fmt.label if fmt else self.file_extension.upper()

    @property
    def content_type(self):
        """The verified format's media type; Python's guess by extension only as a fallback."""
        fmt = FORMATS.get(self.file_format)
        return fmt.mime_type if fmt else super().content_type

    def get_facts(self):
        """Format, size, pages and language, as a download link states them."""
        facts = [self.format_label]
        size = self.get_file_size()
        if size:
            facts.append(str(filesizeformat(size)))
        if self.page_count:
            facts.append(
                ngettext("%(count)s Seite", "%(count)s Seiten", self.page_count)
                % {"count": self.page_count}
            )
        facts.append(str(get_language_info(self.language)["name_translated"]))
        return facts

    @property
    def facts_text(self):
        """The facts in one line: "PDF, 1,2 MB, 24 Seiten, Deutsch"."""
        return ", ".join(self.get_facts())

    def remember_file_facts(self, file, facts):
        """Keep the facts the upload form verified, so saving need not read the file again."""
        self._verified_file_facts = (file, facts)

    def _set_document_file_metadata(self):
        """Wagtail's size and hash, plus format, page count and text from the file's content.

        Every way a file gets into the library calls this: the single and the multiple
        upload, replacing a file and the seed. Uploads through the admin form were verified
        already; a file that comes any other way is inspected here and keeps what can be
        read from it.
        """
        super()._set_document_file_metadata()
        file, facts = getattr(self, "_verified_file_facts", (None, None))
        if facts is None or file is not getattr(self.file, "_file", None):
            facts = self._inspect_leniently()
        self.file_format = facts.file_format
        self.page_count = facts.page_count
        self.extracted_text = self._read_text() if facts.file_format == "pdf" else ""
        self._new_file = True  # save() queues the cover (downloads.covers)

    def _read_text(self):
        with self.open_file() as file:
            return extract_pdf_text(file)

    def _inspect_leniently(self):
        try:
            with self.open_file() as file:
                return inspect_document(file)
        except ValidationError:
            extension = extension_of(self.file.name)
            return FileFacts(extension if extension in FORMATS else "")


class DocumentDownloadMonth(models.Model):
    """How often a document was downloaded in one calendar month (Europe/Berlin)."""

    document = models.ForeignKey(
        PortalDocument,
        on_delete=models.CASCADE,
        related_name="download_months",
        verbose_name=_("Dokument"),
    )
    month = models.DateField(verbose_name=_("Monat"), help_text=_("Der erste Tag des Monats."))
    count = models.PositiveIntegerField(default=0, verbose_name=_("Downloads"))

    class Meta:
        verbose_name = _("Downloads im Monat")
        verbose_name_plural = _("Downloads je Monat")
        constraints = [
            models.UniqueConstraint(fields=["document", "month"], name="unique_document_month")
        ]
        indexes = [models.Index(fields=["month"], name="downloads_month_idx")]

    def __str__(self):
        return f"{self.document_id} {self.month:%Y-%m}: {self.count}"
