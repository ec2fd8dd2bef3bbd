"""Data derived from the published content, kept between requests and never stale.

Every entry is keyed by the *content generation*: a token in Django's cache that changes
whenever anything a visitor can see may have changed – a page saved, published, unpublished,
moved or deleted, a view restriction, a snippet, a setting, a document, an image, a locale or
a site (any model saved or deleted, except the few that visitors' own requests write, below).
A new token makes every older entry unreachable at once; they expire by themselves.

The token is bumped at once (so the writing request and tests see the change) and again when
the transaction commits (so a request that read the old rows between the two cannot leave
them under the new token). Writes that bypass model signals (`QuerySet.update()`) are not
seen: Wagtail's own (descendants' URL paths, tree moves) happen inside a page save or move,
which is.

The cache (`CACHES["content"]`) must be shared by every process that serves or changes
content: Redis in production, files in the embedded default (its server and scheduler), the
process's memory in the tests (each test process has its own database).

Two shortcuts keep a warm page from paying a cache round trip per entry:
- a request reads the token once, when it first needs it, and keeps it to its end (one
  consistent view of the content per request; its own changes start a new one at once);
- each process keeps the entries of the current generation it has read in its own memory
  (`LOCAL_ENTRIES` at most): the same token finds the same values, so this copy can never be
  older than the shared one, and a new token drops it. The values are shared by the process's
  requests: they are read, never changed.
"""

import functools
import hashlib
import threading
import uuid
from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.core.cache import caches
from django.core.signals import request_finished, request_started
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.utils.functional import SimpleLazyObject

from wagtail.signals import post_page_move

CACHE_ALIAS = "content"  # settings.CACHES: shared by every process that serves or changes content
GENERATION_KEY = "portal:content-generation"
ENTRY_TIMEOUT = 24 * 60 * 60
LOCAL_ENTRIES = 3000  # per process; past it the local copy starts again empty

# Written by visitors' requests or by the machinery, never shown as content: a change of
# these leaves every page as it is (sessions, search statistics, download counts, form
# submissions, logins, the search index, renditions, tasks, logs and drafts' bookkeeping).
UNSHOWN_APPS = {
    "sessions",
    "axes",
    "admin",
    "wagtailsearch",
    "wagtailforms",
    "django_tasks_db",
    "otp_static",
    "otp_totp",
}
UNSHOWN_MODELS = {
    "wagtailcore.revision",
    "wagtailcore.pagelogentry",
    "wagtailcore.modellogentry",
    "wagtailcore.referenceindex",
    "wagtailcore.workflowstate",
    "wagtailcore.taskstate",
    "wagtailcore.pagesubscription",
    "wagtailcore.comment",
    "wagtailcore.commentreply",
    "wagtailcore.uploadedfile",
    "wagtailsearchpromotions.query",
    "wagtailsearchpromotions.querydailyhits",
    "wagtailimages.rendition",
    "portal.portalrendition",
    "downloads.documentdownloadmonth",
}


class _RequestToken(threading.local):
    """The token a request works with: read once per request, None outside requests."""

    in_request = False
    token = None


class _LocalEntries:
    """The entries of one generation this process has read or computed."""

    def __init__(self):
        self.generation = None
        self.values = {}

    def of(self, token):
        if token != self.generation or len(self.values) >= LOCAL_ENTRIES:
            self.generation, self.values = token, {}
        return self.values


_request_token = _RequestToken()
_local_entries = _LocalEntries()


def _cache():
    return caches[CACHE_ALIAS]


def _read_generation():
    cache = _cache()
    token = cache.get(GENERATION_KEY)
    if token is None:
        token = uuid.uuid4().hex
        if not cache.add(GENERATION_KEY, token, timeout=None):
            token = cache.get(GENERATION_KEY, token)
    return token


def generation():
    """The current content generation (a new one if the cache has none), for this code."""
    return f"{_stored_generation()}.{code_version()}"


def _stored_generation():
    if not _request_token.in_request:
        return _read_generation()
    if _request_token.token is None:
        _request_token.token = _read_generation()
    return _request_token.token


@functools.cache
def code_version():
    """The portal's code as a short token: a deploy that changes a template or a module
    starts its own generation, whatever the content (and is never served what older code
    rendered). From the names, sizes and times of the portal's own files, once per process."""
    digest = hashlib.sha256()
    for config in apps.get_app_configs():
        folder = Path(config.path)
        if not folder.is_relative_to(settings.PROJECT_DIR.parent) or ".venv" in folder.parts:
            continue
        for path in sorted(folder.rglob("*")):
            if path.suffix in {".py", ".html", ".mo"}:
                stat = path.stat()
                digest.update(f"{path}:{stat.st_size}:{stat.st_mtime_ns}".encode())
    return digest.hexdigest()[:12]


def bump():
    """Start a new generation: every entry kept so far is out of reach."""
    token = uuid.uuid4().hex
    _cache().set(GENERATION_KEY, token, timeout=None)
    if _request_token.in_request:
        _request_token.token = token


def _request_started(**kwargs):
    _request_token.in_request, _request_token.token = True, None


def _request_finished(**kwargs):
    _request_token.in_request, _request_token.token = False, None


def template_context(request):
    """`content_generation` for templates: the first part of every fragment cache key
    (`{% wagtailcache … content_generation … using="content" %}`), so a fragment is rendered
    once per generation and never outlives the content it shows."""
    return {"content_generation": SimpleLazyObject(generation)}


def bump_now_and_on_commit():
    bump()
    transaction.on_commit(bump)


def cached(name, compute, *parts, local=True):
    """`compute()`, kept under `name` and `parts` until the content next changes.

    `parts` tell apart entries of one name (a site, a language, a page); they must be
    plain values with a stable text form. Large values (`local=False`) are kept in the
    shared cache only, not in every process's memory.
    """
    kept = peek(name, *parts, local=local)
    if kept is None:
        kept = keep(name, compute(), *parts, local=local)
    return kept[0]


def _entry(name, parts, local):
    token = generation()
    key = ":".join(["portal:content", token, name, *map(str, parts)])
    return key, _local_entries.of(token) if local else {}


def peek(name, *parts, local=True):
    """`(value,)` if kept under `name` and `parts` in this generation, else None."""
    key, memory = _entry(name, parts, local)
    kept = memory.get(key)
    if kept is None:
        kept = _cache().get(key)
        if kept is not None:
            memory[key] = kept
    return kept


def keep(name, value, *parts, local=True):
    """Keep `value` under `name` and `parts` in this generation; returns `(value,)`."""
    key, memory = _entry(name, parts, local)
    kept = (value,)  # in a tuple: a computed None is kept too
    _cache().set(key, kept, timeout=ENTRY_TIMEOUT)
    memory[key] = kept
    return kept


def cached_many(name, ids, compute):
    """`{id: value}` for `ids`, each kept under `name` and its id until the content next
    changes; `compute(missing_ids)` returns `{id: value}` for those not kept yet."""
    token = generation()
    prefix = ":".join(["portal:content", token, name])
    keys = {f"{prefix}:{pk}": pk for pk in ids}
    local = _local_entries.of(token)
    found = {key: local[key] for key in keys if key in local}
    absent = [key for key in keys if key not in found]
    if absent:
        found.update(_cache().get_many(absent))
    values = {keys[key]: value for key, value in found.items()}
    missing = [pk for pk in ids if pk not in values]
    if missing:
        computed = compute(missing)
        _cache().set_many(
            {f"{prefix}:{pk}": computed[pk] for pk in computed}, timeout=ENTRY_TIMEOUT
        )
        values.update(computed)
    local.update({f"{prefix}:{pk}": value for pk, value in values.items()})
    return values


def is_shown_content(model):
    meta = model._meta
    return meta.app_label not in UNSHOWN_APPS and meta.label_lower not in UNSHOWN_MODELS


def _content_saved_or_deleted(sender, **kwargs):
    if is_shown_content(sender):
        bump_now_and_on_commit()


def _relation_changed(sender, action, **kwargs):
    if action.startswith("post_") and is_shown_content(sender):
        bump_now_and_on_commit()


def _page_moved(sender, **kwargs):
    bump_now_and_on_commit()


def connect_receivers():
    """Bump the generation on every change of shown content (called from `ready()`)."""
    uid = "portal.content_cache"
    request_started.connect(_request_started, dispatch_uid=f"{uid}.request_started")
    request_finished.connect(_request_finished, dispatch_uid=f"{uid}.request_finished")
    post_save.connect(_content_saved_or_deleted, dispatch_uid=f"{uid}.save")
    post_delete.connect(_content_saved_or_deleted, dispatch_uid=f"{uid}.delete")
    m2m_changed.connect(_relation_changed, dispatch_uid=f"{uid}.m2m")
    post_page_move.connect(_page_moved, dispatch_uid=f"{uid}.move")
