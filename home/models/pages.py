"""The home page and the general content pages: section, topic and standard pages."""

from django.core.exceptions import ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.api import APIField
from wagtail.fields import StreamField
from wagtail_localize.fields import SynchronizedField, TranslatableField

from home.blocks import HomeBlock
from portal.pages import ContentPage, SidebarPage, TopicListMixin
from portal.routing import route_from_home
from portal.structured_data import organization
from portal.translatable_fields import CONTENT_PAGE_FIELDS
from portal.view_restrictions import private_q


class HomePage(ContentPage):
    """The entry page of one language: the root of the `/de/` or `/en/` tree.

    Below the lead, the blocks editors compose (`home.blocks`): sections, a publication,
    the newest press releases, a call to action, contact. Translators translate their texts
    with the page; chosen pages are shown in the reader's language.
    """

    home_blocks = StreamField(
        HomeBlock(),
        blank=True,
        verbose_name=_("Startseiten-Blöcke"),
        help_text=_(
            "Bereiche, Publikation, aktuelle Pressemitteilungen, Handlungsaufforderung und "
            "Kontakt – in der Reihenfolge, in der sie erscheinen sollen."
        ),
    )

    content_panels = [*ContentPage.content_panels, FieldPanel("home_blocks")]
    api_fields = [*ContentPage.api_fields, APIField("home_blocks")]
    translatable_fields = [*CONTENT_PAGE_FIELDS, TranslatableField("home_blocks")]

    admin_icon = "home"
    page_description = _(
        "Die Startseite einer Sprache (/de/ oder /en/); es gibt genau eine je Sprache."
    )

    parent_page_types = ["wagtailcore.Page"]
    subpage_types = [
        "home.SectionPage",
        "home.StandardPage",
        "home.ContactPage",
        "press.PressReleaseIndexPage",
        "downloads.DownloadIndexPage",
    ]

    class Meta:
        verbose_name = _("Startseite")
        verbose_name_plural = _("Startseiten")

    @classmethod
    def can_create_at(cls, parent):
        return super().can_create_at(parent) and parent.is_root()

    def clean(self):
        super().clean()
        others = HomePage.objects.filter(depth=2, locale_id=self.locale_id).exclude(pk=self.pk)
        if others.exists():
            raise ValidationError(_("Für diese Sprache gibt es bereits eine Startseite."))

    def route(self, request, path_components):
        if not path_components:
            return super().route(request, path_components)
        return route_from_home(self, request, path_components)

    def structured_data(self, request):
        """For search engines: the publisher of the portal (JSON-LD in the head)."""
        return organization(request)


class SectionPage(TopicListMixin, SidebarPage):
    """A section of the portal, e.g. "Integration und Arbeit", with teasers to its topics."""

    admin_icon = "folder-open-inverse"
    page_description = _(
        "Ein Bereich des Portals, z. B. „Integration und Arbeit“, "
        "mit Anrisstexten zu seinen Themen."
    )

    parent_page_types = ["home.HomePage"]
    subpage_types = ["home.TopicPage"]

    class Meta:
        verbose_name = _("Bereichsseite")
        verbose_name_plural = _("Bereichsseiten")


class TopicPage(TopicListMixin, SidebarPage):
    """A topic within a section, e.g. "Interkulturelle Öffnung"; topics may nest."""

    admin_icon = "doc-full-inverse"
    page_description = _(
        "Ein Thema innerhalb eines Bereichs, z. B. „Interkulturelle Öffnung“; "
        "Themen lassen sich verschachteln."
    )

    parent_page_types = ["home.SectionPage", "home.TopicPage"]
    subpage_types = ["home.TopicPage", "partners.PartnerIndexPage"]

    class Meta:
        verbose_name = _("Themenseite")
        verbose_name_plural = _("Themenseiten")


class StandardPage(ContentPage):
    """Impressum, Datenschutz, Erklärung zur Barrierefreiheit and similar pages.

    The role tells the site frame where to link the page: legal pages in the footer, the
    pages in Leichte Sprache and Gebärdensprache also at the top of every page.
    """

    admin_icon = "doc-empty"
    page_description = _("Eine einfache Textseite wie Impressum, Datenschutz oder Leichte Sprache.")

    class Role(models.TextChoices):
        OTHER = "", _("Andere Seite")
        IMPRINT = "imprint", _("Impressum")
        PRIVACY = "privacy", _("Datenschutzerklärung")
        ACCESSIBILITY = "accessibility", _("Erklärung zur Barrierefreiheit")
        EASY_LANGUAGE = "easy_language", _("Leichte Sprache")
        SIGN_LANGUAGE = "sign_language", _("Gebärdensprache")

    SERVICE_ROLES = (Role.EASY_LANGUAGE, Role.SIGN_LANGUAGE)

    role = models.CharField(
        max_length=20,
        choices=Role.choices,
        blank=True,
        default=Role.OTHER,
        verbose_name=_("Rolle"),
        help_text=_(
            "Rechtliche Seiten erscheinen in der Fußzeile; Leichte Sprache und "
            "Gebärdensprache zusätzlich oben auf jeder Seite."
        ),
    )

    parent_page_types = ["home.HomePage"]
    subpage_types = ["home.ContactPage"]
    settings_panels = [*ContentPage.settings_panels, FieldPanel("role")]
    api_fields = [*ContentPage.api_fields, APIField("role")]
    translatable_fields = [
        *CONTENT_PAGE_FIELDS,
        SynchronizedField("role", overridable=False),
    ]

    class Meta:
        verbose_name = _("Standardseite")
        verbose_name_plural = _("Standardseiten")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["subpages"] = self.get_children().live().exclude(private_q())
        return context
