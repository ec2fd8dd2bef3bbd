"""A signed fill-in time for wagtail-honeypot.

wagtail-honeypot 1.3.1 renders the time the form was shown as a plain number and accepts any
number at least `HONEYPOT_TIME_INTERVAL` seconds away from now (in either direction), so a
bot that sends `now - 10` passes without ever loading the form. The portal renders the time
signed with the secret key instead (`{% signed_honeypot_fields %}` in
`portal.templatetags.form_honeypot`) and `PortalFormPage.time_diff` accepts only a signature
of this site that is old enough: a missing, forged or altered time counts as a bot (thank-you
page, nothing stored or mailed).
"""

import time

from django.core import signing

SALT = "portal.form_honeypot"


def signed_now():
    """The current time in seconds, signed: what the form carries as its fill-in start."""
    return signing.dumps(int(time.time()), salt=SALT)


def seconds_since_signed(value):
    """Seconds since `value` was issued by `signed_now`, or None if it is not a valid one."""
    try:
        issued = signing.loads(str(value), salt=SALT)
    except signing.BadSignature:
        return None
    if not isinstance(issued, int) or isinstance(issued, bool):
        return None
    return int(time.time()) - issued
