"""Contact persons (shown in sidebars, on press releases) and the contact page."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.api import APIField
from wagtail.contrib.forms.models import AbstractFormField
from wagtail.models import (
    DraftStateMixin,
    LockableMixin,
    Orderable,
    PreviewableMixin,
    RevisionMixin,
    TranslatableMixin,
    WorkflowMixin,
)
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from modelcluster.fields import ParentalKey

from portal.api.serializers import ContactPersonsField, translations_field
from portal.form_pages import PortalFormPage
from portal.translation import fields


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


class ContactFormField(TranslatableMixin, AbstractFormField):
    """A field of a contact form; translators translate its label, the stored name stays."""

    page = ParentalKey("home.ContactPage", on_delete=models.CASCADE, related_name="form_fields")

    translatable_fields = [
        TranslatableField("label"),
        TranslatableField("help_text"),
        TranslatableField("choices"),
        TranslatableField("default_value"),
        SynchronizedField("clean_name"),
        SynchronizedField("field_type"),
        SynchronizedField("required"),
    ]

    class Meta(TranslatableMixin.Meta, AbstractFormField.Meta):
        pass


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
        *fields.FORM_BUILDER_PAGE_FIELDS,
        SynchronizedField("show_postal_address"),
        SynchronizedField("persons"),
    ]

    content_panels = [
        *PortalFormPage.content_panels,
        FieldPanel("intro"),
        InlinePanel("persons", label=_("Kontaktpersonen")),
        FieldPanel("show_postal_address"),
        InlinePanel("form_fields", label=_("Formularfelder")),
        FieldPanel("privacy_notice"),
        FieldPanel("thank_you_text"),
        MultiFieldPanel(
            [
                FieldPanel("to_address"),
                FieldPanel("subject"),
                FieldPanel("honeypot"),
            ],
            heading=_("Zustellung"),
        ),
    ]

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
