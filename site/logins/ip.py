"""The client's address as the login throttles see it.

Behind `PORTAL_TRUSTED_PROXY_COUNT` trusted proxies (each appends the address it received the
request from to `X-Forwarded-For`), the client is the entry that the outermost trusted proxy
wrote: the N-th from the right. Entries further left were written by the client itself and
are ignored. With 0 (the default) only `REMOTE_ADDR` counts and the header is ignored.
"""

import ipaddress
import os

from django.conf import settings


def trusted_proxy_count():
    value = getattr(settings, "PORTAL_TRUSTED_PROXY_COUNT", None)
    if value is None:
        value = os.environ.get("PORTAL_TRUSTED_PROXY_COUNT", "0")
    try:
        return max(int(value), 0)
    except (TypeError, ValueError):
        return 0


def _valid(address):
    try:
        return str(ipaddress.ip_address(address.strip()))
    except ValueError:
        return None


def client_ip(request):
    """The client address: REMOTE_ADDR, or the trusted proxies' entry in X-Forwarded-For."""
    remote = request.META.get("REMOTE_ADDR", "")
    count = trusted_proxy_count()
    if count:
        forwarded = [
            entry.strip()
            for entry in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",")
            if entry.strip()
        ]
        if len(forwarded) >= count:
            address = _valid(forwarded[-count])
            if address:
                return address
    return _valid(remote) or remote or "0.0.0.0"  # noqa: S104 – a key, not a bind address


def ratelimit_key(group, request):
    """django-ratelimit's key: the same client address axes uses."""
    return client_ip(request)
