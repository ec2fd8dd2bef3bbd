"""Django form fields in KERN's markup (site/static/kern/): the widget with KERN's class, its
error state, and the help and error texts announced with it."""

import copy
import math

from django import template
from django.core.exceptions import ValidationError
from django.core.validators import URLValidator, validate_email

register = template.Library()

WIDGET_CLASSES = {
    "checkbox": "kern-form-check__checkbox",
    "select": "kern-form-input__select",
}


# Input types whose value HTML requires to be well-formed, with the keyboard to keep.
TYPED_INPUTS = {"email": "email", "url": "url", "number": "numeric"}
NUMBER_ONLY_ATTRS = ("min", "max", "step")


def _well_formed(input_type, value):
    try:
        if input_type == "email":
            validate_email(value)
        elif input_type == "url":
            URLValidator()(value)
        else:
            return math.isfinite(float(value))
    except (ValidationError, ValueError):
        return False
    return True


def _widget_for(field):
    """The field's widget; a text input instead when the visitor's refused value cannot stand
    in the typed one (HTML forbids `<input type="url" value="meine Seite">`), so the value is
    shown again for correction, with the keyboard (inputmode) of the type."""
    widget = field.field.widget
    input_type = getattr(widget, "input_type", None)
    value = field.value()
    if input_type not in TYPED_INPUTS or not field.errors or value in (None, ""):
        return widget, {}
    if _well_formed(input_type, str(value)):
        return widget, {}
    text = copy.copy(widget)
    text.input_type = "text"
    text.attrs = {k: v for k, v in widget.attrs.items() if k not in NUMBER_ONLY_ATTRS}
    return text, {"inputmode": TYPED_INPUTS[input_type]}


@register.filter
def kern_widget(field):
    """The field's widget with KERN's class; when the field has errors, KERN's error modifier,
    aria-invalid, and the error text (id `<auto_id>_error`) in aria-describedby beside the help."""
    css = WIDGET_CLASSES.get(field.widget_type, "kern-form-input__input")
    widget, attrs = _widget_for(field)
    attrs["class"] = css
    described_by = []
    if field.help_text:
        described_by.append(f"{field.auto_id}_helptext")
    if field.errors:
        attrs["class"] = f"{css} {css}--error"
        attrs["aria-invalid"] = "true"
        described_by.append(f"{field.auto_id}_error")
    if described_by:
        attrs["aria-describedby"] = " ".join(described_by)
    return field.as_widget(widget=widget, attrs=attrs)


@register.filter
def cut_final_stop(label):
    """A label as the start of "Label: error" in the error summary, without its own full stop."""
    return str(label).rstrip().removesuffix(".")
