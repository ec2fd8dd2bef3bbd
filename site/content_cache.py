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
"""

import uuid

from django.core.cache import caches
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save

from wagtail.signals import post_page_move

CACHE_ALIAS = "content"  # settings.CACHES: shared by every process that serves or changes content
GENERATION_KEY = "portal:content-generation"
ENTRY_TIMEOUT = 24 * 60 * 60

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


def _cache():
    return caches[CACHE_ALIAS]


def generation():
    """The current content generation (a new one if the cache has none)."""
    cache = _cache()
    token = cache.get(GENERATION_KEY)
    if token is None:
        token = uuid.uuid4().hex
        if not cache.add(GENERATION_KEY, token, timeout=None):
            token = cache.get(GENERATION_KEY, token)
    return token


def bump():
    """Start a new generation: every entry kept so far is out of reach."""
    _cache().set(GENERATION_KEY, uuid.uuid4().hex, timeout=None)


def bump_now_and_on_commit():
    bump()
    transaction.on_commit(bump)


def cached(name, compute, *parts):
    """`compute()`, kept under `name` and `parts` until the content next changes.

    `parts` tell apart entries of one name (a site, a language, a page); they must be
    plain values with a stable text form.
    """
    key = ":".join(["portal:content", generation(), name, *map(str, parts)])
    kept = _cache().get(key)
    if kept is None:
        kept = (compute(),)  # in a tuple: a computed None is kept too
        _cache().set(key, kept, timeout=ENTRY_TIMEOUT)
    return kept[0]


def cached_many(name, ids, compute):
    """`{id: value}` for `ids`, each kept under `name` and its id until the content next
    changes; `compute(missing_ids)` returns `{id: value}` for those not kept yet."""
    prefix = ":".join(["portal:content", generation(), name])
    keys = {f"{prefix}:{pk}": pk for pk in ids}
    values = {keys[key]: value for key, value in _cache().get_many(list(keys)).items()}
    missing = [pk for pk in ids if pk not in values]
    if missing:
        computed = compute(missing)
        _cache().set_many(
            {f"{prefix}:{pk}": computed[pk] for pk in computed}, timeout=ENTRY_TIMEOUT
        )
        values.update(computed)
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
    post_save.connect(_content_saved_or_deleted, dispatch_uid=f"{uid}.save")
    post_delete.connect(_content_saved_or_deleted, dispatch_uid=f"{uid}.delete")
    m2m_changed.connect(_relation_changed, dispatch_uid=f"{uid}.m2m")
    post_page_move.connect(_page_moved, dispatch_uid=f"{uid}.move")
