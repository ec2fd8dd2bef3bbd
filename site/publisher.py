"""Who publishes the portal (per language) and the addresses it uses (per site)."""

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.contrib.settings.models import BaseSiteSetting, register_setting
from wagtail.models import Page, TranslatableMixin
from wagtail_localize.fields import TranslatableField

from portal.content_cache import cached


class PublisherDetails(TranslatableMixin, models.Model):
    """Who publishes the portal, in each language: shown in the footer and on contact pages.

    A translatable snippet rather than a site setting, because Wagtail's settings are per
    site, not per language, and wagtail-localize cannot translate them.
    """

    name = models.CharField(
        max_length=255,
        verbose_name=_("Herausgeber"),
        help_text=_("z. B. „Landesregierung Nordrhein-Westfalen“"),
    )
    postal_address = models.TextField(
        blank=True,
        verbose_name=_("Postanschrift"),
        help_text=_("Mehrzeilig, wie auf einem Briefumschlag."),
    )

    panels = [FieldPanel("name"), FieldPanel("postal_address")]
    translatable_fields = [TranslatableField("name"), TranslatableField("postal_address")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("Herausgeber")
        verbose_name_plural = _("Herausgeber")

    def __str__(self):
        return self.name

    def clean(self):
        super().clean()
        others = PublisherDetails.objects.filter(locale_id=self.locale_id).exclude(pk=self.pk)
        if self.locale_id and others.exists():
            raise ValidationError(_("Für diese Sprache gibt es die Angaben zum Herausgeber schon."))

    def cache_dependents(self):
        """For the HTTP cache: the footer of every page names the publisher (the English
        pages too while no English details exist)."""
        return Page.objects.live().filter(depth__gt=1).specific(defer=True)

    @classmethod
    def for_active_language(cls):
        """The details in the visitor's language, else in the default language."""
        details = {item.locale.language_code: item for item in cls.objects.select_related("locale")}
        return details.get(get_language()) or details.get(settings.LANGUAGE_CODE)


def publisher_for(request):
    """`PublisherDetails.for_active_language()`, looked up once per content generation and
    language: the footer, the feeds and the structured data share it."""
    if request is None:
        return PublisherDetails.for_active_language()
    cache = request.__dict__.setdefault("_portal_publisher", {})
    language = get_language()
    if language not in cache:
        cache[language] = cached("publisher", PublisherDetails.for_active_language, language)
    return cache[language]


@register_setting(icon="site")
class PortalSettings(BaseSiteSetting):
    """Addresses the portal uses; texts visitors read are in the translatable publisher details."""

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

    panels = [FieldPanel("contact_email"), FieldPanel("form_recipient_email")]

    class Meta:
        verbose_name = _("Portal-Einstellungen")
