"""Contact persons: shown on contact pages, in sidebars and on press releases.

A snippet every section may name, so it lives in the bottom layer; published through the
editorial workflow like pages.
"""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
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


class ContactPerson(
    WorkflowMixin,
    DraftStateMixin,
    LockableMixin,
    RevisionMixin,
    PreviewableMixin,
    TranslatableMixin,
    index.Indexed,
    models.Model,
):
    """A person visitors may contact, e.g. "Kerstin Peters"; published through approval."""

    name = models.CharField(max_length=200, verbose_name=_("Name"))
    role = models.CharField(
        max_length=200, blank=True, verbose_name=_("Funktion"), help_text=_("z. B. Referentin")
    )
    unit = models.CharField(
        max_length=300,
        blank=True,
        verbose_name=_("Organisationseinheit"),
        help_text=_("Referat oder Abteilung"),
    )
    phone = models.CharField(max_length=50, blank=True, verbose_name=_("Telefon"))
    email = models.EmailField(blank=True, verbose_name=_("E-Mail"))

    # Names, telephone numbers and addresses are the same in every language.
    translatable_fields = [
        SynchronizedField("name"),
        TranslatableField("role"),
        TranslatableField("unit"),
        SynchronizedField("phone"),
        SynchronizedField("email"),
    ]
    panels = [
        FieldPanel("name"),
        MultiFieldPanel([FieldPanel("role"), FieldPanel("unit")], heading=_("Funktion")),
        MultiFieldPanel([FieldPanel("phone"), FieldPanel("email")], heading=_("Erreichbarkeit")),
    ]
    search_fields = [
        index.SearchField("name"),
        index.SearchField("unit"),
        index.FilterField("locale_id"),
    ]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("Kontaktperson")
        verbose_name_plural = _("Kontaktpersonen")
        ordering = ["name"]

    def __str__(self):
        return self.name

    def get_preview_template(self, request, mode_name):
        return "components/contact_person_preview.html"

    def cache_dependents(self):
        """For the HTTP cache, besides the pages that name the person: the API."""
        return ["/api/v3/contact-persons/", f"/api/v3/contact-persons/{self.pk}/"]
