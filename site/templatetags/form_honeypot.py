"""`{% signed_honeypot_fields enabled %}`: wagtail-honeypot's fields with a signed time, in
the portal's valid markup (components/honeypot_fields.html)."""

from django import template
from django.conf import settings
from django.utils.text import slugify

from portal.form_honeypot import signed_now

register = template.Library()


@register.inclusion_tag("components/honeypot_fields.html")
def signed_honeypot_fields(enabled):
    return {
        "honeypot_name_field": slugify(getattr(settings, "HONEYPOT_NAME_FIELD", "whf_name")),
        "honeypot_time_field": slugify(getattr(settings, "HONEYPOT_TIME_FIELD", "whf_time")),
        "time": signed_now(),
        "enabled": enabled,
    }
