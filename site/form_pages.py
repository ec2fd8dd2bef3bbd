"""The base of every public form of the portal (contact, "Partner werden", orders, feedback).

Built on Wagtail's form builder (`AbstractEmailForm`) with:
- spam protection from wagtail-honeypot (hidden field plus minimum fill-in time, the time
  signed by the server: `portal.form_honeypot`): a bot's submission gets the thank-you page
  but nothing is stored or mailed;
- a per-address rate limit from django-ratelimit, answered with 429 and a readable page; the
  address is the client's, behind the trusted proxies (`RATELIMIT_IP_META_KEY`);
- mail sent only after the submission is committed, by the task backend
  (`portal.mail_delivery`), to the page's address or the site settings' form recipient; a
  failing mail server is logged, retried and loses nothing.
"""

from django.conf import settings
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.forms.forms import FormBuilder, WagtailAdminFormPageForm
from wagtail.contrib.forms.models import AbstractEmailForm, AbstractFormField
from wagtail.fields import RichTextField
from wagtail.models import Page, TranslatableMixin
from wagtail_localize.fields import SynchronizedField, TranslatableField

from django_ratelimit.core import is_ratelimited
from wagtail_honeypot.models import HoneypotFormMixin, HoneypotFormSubmissionMixin

from portal.form_honeypot import seconds_since_signed
from portal.mail_delivery import send_after_commit
from portal.slugs import GermanSlugMixin, page_form_class
from portal.translatable_fields import FORM_PAGE_FIELDS
from portal.view_restrictions import CachedViewRestrictionsMixin

MULTILINE_MAX_LENGTH = 5000


# Autofill tokens (WCAG 1.3.5, HTML's `autocomplete`) of form-builder fields, by what the field
# asks for: the first entry with a word that begins a word of the field's name (`clean_name`)
# or label, in either language, gives the token ("Telefonnummer" begins with "telefon").
# Order matters: "Vorname" before "Name", "Name der Organisation" is the organisation. Fields
# that ask for something else (a message, a consent, a date) get none.
AUTOCOMPLETE_TOKENS = (
    (("vorname", "given", "first"), "given-name"),
    (("nachname", "familienname", "family", "last", "surname"), "family-name"),
    (("mail", "email"), "email"),
    (("telefon", "phone", "mobil", "handy"), "tel"),
    (("postleitzahl", "plz", "postal", "postcode", "zip"), "postal-code"),
    (("straße", "strasse", "anschrift", "postanschrift", "street", "address"), "street-address"),
    (("ort", "wohnort", "stadt", "city", "town"), "address-level2"),
    (
        ("organisation", "organization", "behörde", "unternehmen", "firma", "verband"),
        "organization",
    ),
    (("name", "ansprechperson", "contact"), "name"),
)
AUTOCOMPLETE_FIELD_TYPES = {"singleline", "email", "multiline"}
# A text area holds an address, never a name or a number.
MULTILINE_AUTOCOMPLETE = {"street-address"}


def autocomplete_token(field):
    """The autofill token of a form-builder field, or "" (see AUTOCOMPLETE_TOKENS)."""
    if field.field_type not in AUTOCOMPLETE_FIELD_TYPES:
        return ""
    if field.field_type == "email":
        return "email"
    text = f"{field.clean_name or ''} {field.label}".lower()
    words = text.replace("_", " ").replace("-", " ").split()
    for keys, autofill in AUTOCOMPLETE_TOKENS:
        if any(word.startswith(key) for key in keys for word in words):
            if field.field_type == "multiline" and autofill not in MULTILINE_AUTOCOMPLETE:
                return ""
            return autofill
    return ""


def error_messages(field):
    """Clear German messages per field type instead of Django's "Dieses Feld muss ausgefüllt
    werden.": a ticked box asks for the confirmation, the others name what is missing."""
    kind = field.field_type
    if kind == "checkbox":
        label = str(field.label).lower()
        if "datenschutz" in label or "privacy" in label:
            required = _("Bitte bestätigen Sie, dass Sie die Datenschutzhinweise gelesen haben.")
        else:
            required = _("Bitte setzen Sie das Häkchen, um zuzustimmen.")
    elif kind in ("dropdown", "radio", "multiselect", "checkboxes"):
        required = _("Bitte wählen Sie eine Antwort aus.")
    elif kind == "email":
        required = _("Bitte geben Sie Ihre E-Mail-Adresse an.")
    else:
        required = _("Bitte füllen Sie dieses Feld aus.")
    messages = {
        "required": required,
        "max_length": _(
            "Bitte kürzen Sie Ihre Angabe auf höchstens %(limit_value)d Zeichen "
            "(jetzt %(show_value)d)."
        ),
    }
    if kind == "email":
        messages["invalid"] = _(
            "Bitte geben Sie eine E-Mail-Adresse im Format name@beispiel.de an."
        )
    elif kind == "url":
        messages["invalid"] = _(
            "Bitte geben Sie eine Internetadresse im Format https://www.beispiel.de an."
        )
    elif kind == "number":
        messages["invalid"] = _("Bitte geben Sie eine Zahl an, zum Beispiel 12.")
    elif kind in ("date", "datetime"):
        messages["invalid"] = _("Bitte geben Sie ein Datum im Format TT.MM.JJJJ an.")
    return messages


class PortalFormBuilder(FormBuilder):
    """Wagtail's form builder with a length limit on multi-line fields too, clear German
    messages per field type and autofill tokens on personal fields."""

    def get_field_options(self, field):
        options = super().get_field_options(field)
        options["error_messages"] = error_messages(field)
        return options

    def create_multiline_field(self, field, options):
        options["max_length"] = MULTILINE_MAX_LENGTH
        return super().create_multiline_field(field, options)

    @property
    def formfields(self):
        formfields = super().formfields
        for field in self.fields:
            token = autocomplete_token(field)
            clean_name = field.clean_name or field.get_field_clean_name()
            if token and clean_name in formfields:
                formfields[clean_name].widget.attrs["autocomplete"] = token
        return formfields


FORM_TEXT_FEATURES = ["bold", "italic", "link", "ul", "ol"]


def form_page_panels(*panels):
    """The editor's panels of a form page: title, introduction, then the page's own
    `panels`, the privacy notice, the thank-you text and where the mail goes."""
    return [
        *Page.content_panels,
        FieldPanel("intro"),
        *panels,
        FieldPanel("privacy_notice"),
        FieldPanel("thank_you_text"),
        MultiFieldPanel(
            [FieldPanel("to_address"), FieldPanel("subject"), FieldPanel("honeypot")],
            heading=_("Zustellung"),
        ),
    ]


class PortalFormField(TranslatableMixin, AbstractFormField):
    """A field an editor adds to a form page; subclasses add the `page` key.

    Translators translate the label, help text, choices and default; the field name
    (`clean_name`) keys the stored submissions and stays the same in every language.
    """

    translatable_fields = [
        TranslatableField("label"),
        TranslatableField("help_text"),
        TranslatableField("choices"),
        TranslatableField("default_value"),
        SynchronizedField("clean_name", overridable=False),
        SynchronizedField("field_type", overridable=False),
        SynchronizedField("required", overridable=False),
    ]

    class Meta(TranslatableMixin.Meta, AbstractFormField.Meta):
        abstract = True


class PortalFormPage(
    CachedViewRestrictionsMixin,
    GermanSlugMixin,
    HoneypotFormMixin,
    HoneypotFormSubmissionMixin,
    AbstractEmailForm,
):
    base_form_class = page_form_class(WagtailAdminFormPageForm)
    intro = RichTextField(blank=True, features=FORM_TEXT_FEATURES, verbose_name=_("Einleitung"))
    privacy_notice = RichTextField(
        blank=True,
        features=FORM_TEXT_FEATURES,
        verbose_name=_("Datenschutzhinweis"),
        help_text=_(
            "Wofür die Angaben verwendet und wie lange sie gespeichert werden (Art. 13 DSGVO)."
        ),
    )
    thank_you_text = RichTextField(
        blank=True, features=FORM_TEXT_FEATURES, verbose_name=_("Dank nach dem Absenden")
    )

    form_builder = PortalFormBuilder
    rate_limited_template = "components/form_rate_limited.html"
    translatable_fields = FORM_PAGE_FIELDS

    class Meta:
        abstract = True

    def serve(self, request, *args, **kwargs):
        if request.method == "POST" and self.is_rate_limited(request):
            return TemplateResponse(
                request, self.rate_limited_template, self.get_context(request), status=429
            )
        return super().serve(request, *args, **kwargs)

    def is_rate_limited(self, request):
        return is_ratelimited(
            request,
            group=f"form-page-{self.pk}",
            key="ip",
            rate=settings.PORTAL_FORM_RATE,
            method="POST",
            increment=True,
        )

    def time_diff(self, value, interval):
        """wagtail-honeypot's fill-in time check, on the signed time the form carried."""
        seconds = seconds_since_signed(value)
        return seconds is not None and seconds > interval

    def notification_addresses(self):
        from portal.publisher import PortalSettings

        if self.to_address:
            return [address.strip() for address in self.to_address.split(",")]
        recipient = PortalSettings.for_site(self.get_site()).form_recipient_email
        return [recipient] if recipient else []

    def process_form_submission(self, form):
        """Store the submission (unless the honeypot caught it); mail it once committed."""
        submission = super().process_form_submission(form)  # mails itself with `to_address`
        if submission is not None and not self.to_address and self.notification_addresses():
            self.send_mail(form)
        return submission

    def send_mail(self, form):
        addresses = self.notification_addresses()
        subject = self.subject or str(_("Neue Nachricht über „%(page)s“") % {"page": self.title})
        body = self.render_email(form)
        send_after_commit(subject, body, addresses, from_email=self.from_address or None)
