"""Django form fields in KERN's markup (site/static/kern/): the widget with KERN's class, its
error state, and the help and error texts announced with it."""

from django import template

register = template.Library()

WIDGET_CLASSES = {
    "checkbox": "kern-form-check__checkbox",
    "select": "kern-form-input__select",
}


@register.filter
def kern_widget(field):
    """The field's widget with KERN's class; when the field has errors, KERN's error modifier,
    aria-invalid, and the error text (id `<auto_id>_error`) in aria-describedby beside the help."""
    css = WIDGET_CLASSES.get(field.widget_type, "kern-form-input__input")
    attrs = {"class": css}
    described_by = []
    if field.help_text:
        described_by.append(f"{field.auto_id}_helptext")
    if field.errors:
        attrs["class"] = f"{css} {css}--error"
        attrs["aria-invalid"] = "true"
        described_by.append(f"{field.auto_id}_error")
    if described_by:
        attrs["aria-describedby"] = " ".join(described_by)
    return field.as_widget(attrs=attrs)


@register.filter
def cut_final_stop(label):
    """A label as the start of "Label: error" in the error summary, without its own full stop."""
    return str(label).rstrip().removesuffix(".")
