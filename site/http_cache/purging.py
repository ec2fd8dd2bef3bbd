"""Purging, once the change is committed: before that, a request could cache the old state.

The app's page cache is purged at once (a few cache deletes). Every frontend cache configured in
WAGTAILFRONTENDCACHE (Varnish in the stack, or a CDN through Wagtail's Cloudflare, CloudFront or
Azure backends) is purged through Wagtail's own task, which the task worker runs: one absolute
URL per address at the site's root URL. A purge of an address without query string also drops
its query variants (the stack's Varnish bans them; CDNs purge by prefix where configured).
"""

import logging

from django.conf import settings
from django.db import transaction

from wagtail.contrib.frontend_cache.utils import purge_urls_from_cache

from . import page_cache
from .dependents import default_root_url

logger = logging.getLogger(__name__)


def purge_now(paths):
    paths = sorted(paths)
    if not paths:
        return
    page_cache.purge_paths(paths)
    if getattr(settings, "WAGTAILFRONTENDCACHE", None):
        root_url = default_root_url()
        purge_urls_from_cache([root_url + path for path in paths])
    logger.debug("Purged %d addresses", len(paths))


def purge_after_commit(paths):
    paths = set(paths)
    transaction.on_commit(lambda: purge_now(paths))
