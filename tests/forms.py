"""Helpers for posting the portal's public forms as a browser that loaded them would."""

import time

from django.core import signing

from portal.form_honeypot import SALT


def honeypot_fields(honeypot="", seconds_ago=10):
    """wagtail-honeypot's fields as the form renders them `seconds_ago` (the time signed)."""
    shown = signing.dumps(int(time.time()) - seconds_ago, salt=SALT)
    return {"whf_name": honeypot, "whf_time": shown}
