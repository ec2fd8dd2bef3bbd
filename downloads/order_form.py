"""The order form for printed copies: fixed fields, so its limits hold whatever editors change."""

from django import forms
from django.utils.translation import gettext_lazy as _

from wagtail.contrib.forms.forms import BaseForm


class PublicationOrderForm(BaseForm):
    """An order of printed copies: how many, for whom, where to."""

    quantity = forms.IntegerField(
        label=_("Anzahl der Exemplare"),
        error_messages={"required": _("Bitte geben Sie an, wie viele Exemplare Sie möchten.")},
    )
    name = forms.CharField(
        label=_("Name"),
        max_length=200,
        error_messages={"required": _("Bitte geben Sie Ihren Namen an.")},
    )
    organisation = forms.CharField(
        label=_("Organisation"),
        max_length=200,
        required=False,
        help_text=_(
            "Behörde, Unternehmen oder Verband, falls Sie für eine Organisation bestellen."
        ),
    )
    postal_address = forms.CharField(
        label=_("Postanschrift"),
        max_length=500,
        widget=forms.Textarea(attrs={"rows": 4, "autocomplete": "street-address"}),
        help_text=_("Straße und Hausnummer, Postleitzahl und Ort."),
        error_messages={
            "required": _("Bitte geben Sie die Anschrift an, an die wir die Exemplare senden.")
        },
    )
    email = forms.EmailField(
        label=_("E-Mail-Adresse"),
        max_length=254,
        help_text=_("Für Rückfragen zu Ihrer Bestellung."),
        widget=forms.EmailInput(attrs={"autocomplete": "email"}),
        error_messages={
            "required": _("Bitte geben Sie Ihre E-Mail-Adresse an."),
            "invalid": _("Bitte geben Sie eine E-Mail-Adresse im Format name@beispiel.de an."),
        },
    )
    consent = forms.BooleanField(
        label=_(
            "Ich bin einverstanden, dass meine Angaben zur Bearbeitung dieser Bestellung "
            "gespeichert und verwendet werden."
        ),
        error_messages={
            "required": _("Ohne Ihr Einverständnis können wir die Bestellung nicht bearbeiten.")
        },
    )

    def __init__(self, *args, max_quantity=50, **kwargs):
        super().__init__(*args, **kwargs)
        self.max_quantity = max_quantity
        quantity = self.fields["quantity"]
        quantity.help_text = _("Höchstens %(max)s Exemplare je Bestellung.") % {"max": max_quantity}
        quantity.widget.attrs.update({"min": 1, "max": max_quantity, "inputmode": "numeric"})
        quantity.error_messages["invalid"] = _("Bitte geben Sie die Anzahl als ganze Zahl an.")
        self.fields["name"].widget.attrs["autocomplete"] = "name"
        self.fields["organisation"].widget.attrs["autocomplete"] = "organization"

    def clean_quantity(self):
        quantity = self.cleaned_data["quantity"]
        if not 1 <= quantity <= self.max_quantity:
            raise forms.ValidationError(
                _("Bitte bestellen Sie mindestens 1 und höchstens %(max)s Exemplare."),
                code="quantity_range",
                params={"max": self.max_quantity},
            )
        return quantity

    @classmethod
    def data_fields(cls):
        """(name, label) of the stored fields, for the admin's submission list and export."""
        return [(name, field.label) for name, field in cls.base_fields.items()]
