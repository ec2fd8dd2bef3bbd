"""The contact page: contact persons, the postal address and a contact form."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, InlinePanel
from wagtail.api import APIField
from wagtail.models import (
    Orderable,
)
from wagtail_localize.fields import SynchronizedField

from modelcluster.fields import ParentalKey

from portal.api_common.fields import ContactPersonsField, translations_field
from portal.contacts import ContactPerson
from portal.form_pages import PortalFormField, PortalFormPage, form_page_panels
from portal.translatable_fields import FORM_BUILDER_PAGE_FIELDS


class ContactFormField(PortalFormField):
    """A field of a contact form."""

    page = ParentalKey("home.ContactPage", on_delete=models.CASCADE, related_name="form_fields")


class ContactPagePerson(Orderable):
    page = ParentalKey("home.ContactPage", on_delete=models.CASCADE, related_name="persons")
    person = models.ForeignKey(
        ContactPerson, on_delete=models.CASCADE, related_name="+", verbose_name=_("Person")
    )

    panels = [FieldPanel("person")]


class ContactPage(PortalFormPage):
    """Contact persons, the postal address from the site settings and a contact form.

    Also used for the feedback form of the accessibility statement ("Barriere melden").
    """

    admin_icon = "mail"
    page_description = _(
        "Kontaktformular mit Ansprechpersonen und Postanschrift, "
        "z. B. „Kontakt“ oder „Barriere melden“."
    )

    show_postal_address = models.BooleanField(
        default=True,
        verbose_name=_("Postanschrift zeigen"),
        help_text=_("Die Anschrift aus den Portal-Einstellungen."),
    )

    parent_page_types = ["home.HomePage", "home.StandardPage"]
    subpage_types = []

    api_fields = [
        APIField("intro"),
        APIField("contact_persons", serializer=ContactPersonsField(lambda p: p.persons_shown())),
        APIField("show_postal_address"),
        APIField("privacy_notice"),
        translations_field(),
    ]
    translatable_fields = [
        *FORM_BUILDER_PAGE_FIELDS,
        SynchronizedField("show_postal_address"),
        SynchronizedField("persons"),
    ]

    content_panels = form_page_panels(
        InlinePanel("persons", label=_("Kontaktpersonen")),
        FieldPanel("show_postal_address"),
        InlinePanel("form_fields", label=_("Formularfelder")),
    )

    class Meta:
        verbose_name = _("Kontaktseite")
        verbose_name_plural = _("Kontaktseiten")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["contact_persons"] = self.persons_shown()
        return context

    def persons_shown(self):
        """The page's published contact persons, in the editor's order."""
        persons = self.persons.select_related("person__locale")
        return [link.person for link in persons if link.person.live]
