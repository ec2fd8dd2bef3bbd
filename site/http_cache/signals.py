"""Every change a visitor could see purges the addresses that show it (`dependents`).

Pages: published (also by the scheduler), unpublished, moved, renamed (the old addresses too)
and deleted. Snippets: published or unpublished (those with drafts), saved (those without),
deleted. Documents and images: saved or deleted. Site settings: saved. Drafts, revisions and
workflow steps change nothing public and purge nothing.
"""

from django.db.models.signals import post_save, pre_delete, pre_save

from wagtail.contrib.settings.models import BaseSiteSetting
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.models import DraftStateMixin, Page
from wagtail.signals import (
    page_published,
    page_slug_changed,
    page_unpublished,
    post_page_move,
    published,
    unpublished,
)
from wagtail.snippets.models import get_snippet_models

from . import dependents
from .purging import purge_after_commit

API_DOCUMENTS = "/api/v3/documents/"
API_IMAGES = "/api/v3/images/"


def remember_live_state(sender, instance, update_fields=None, **kwargs):
    """Before a page's row changes: was it in the menus? (Publishing may untick it.)"""
    if not isinstance(instance, Page) or not instance.pk or update_fields is not None:
        return
    before = Page.objects.filter(pk=instance.pk).values("show_in_menus").first()
    instance._portal_was_in_menu = bool(before and before["show_in_menus"])


def page_changed(sender, instance, was_in_menu=False, **kwargs):
    was_in_menu = was_in_menu or getattr(instance, "_portal_was_in_menu", False)
    purge_after_commit(dependents.paths_for_page(instance, was_in_menu=was_in_menu))


def moved_paths(instance, old_base, new_base):
    """The addresses the page and its descendants had before a move or a new slug."""
    paths = set()
    for page in [instance, *instance.get_descendants()]:
        for path in dependents.page_paths(page):
            if path.startswith(new_base):
                paths.add(old_base + path[len(new_base) :])
    return paths


def page_base(page):
    parts = page.get_url_parts()
    return parts[2] if parts else None


def slug_changed(sender, instance, instance_before, **kwargs):
    old_base, new_base = page_base(instance_before), page_base(instance)
    if old_base and new_base:
        purge_after_commit(moved_paths(instance, old_base, new_base))
    purge_after_commit(dependents.paths_for_new_addresses(instance))
    page_changed(sender, instance)


def page_moved(sender, instance, parent_page_before, url_path_before, url_path_after, **kwargs):
    # The former parent's listing and section navigation no longer show it.
    purge_after_commit(
        dependents.paths_for_page(parent_page_before, was_in_menu=instance.show_in_menus)
    )
    if url_path_before == url_path_after:
        # Reordered: the navigation and the parent's listing show the new order.
        page_changed(sender, instance)
        return
    before = Page.objects.get(pk=instance.pk)
    before.url_path = url_path_before
    old_base, new_base = page_base(before), page_base(instance)
    if old_base and new_base:
        purge_after_commit(moved_paths(instance, old_base, new_base))
    purge_after_commit(dependents.paths_for_new_addresses(instance))
    page_changed(sender, instance, was_in_menu=instance.show_in_menus)


def page_deleted(sender, instance, **kwargs):
    if isinstance(instance, Page) and instance.live:
        purge_after_commit(dependents.paths_for_page(instance))


def object_changed(sender, instance, **kwargs):
    if isinstance(instance, Page):
        return  # pages have their own signals
    purge_after_commit(dependents.paths_for_object(instance))


def is_snippet(instance):
    return type(instance) in get_snippet_models()


def snippet_saved(sender, instance, **kwargs):
    """Snippets without drafts change when saved; those with drafts when published."""
    if is_snippet(instance) and not isinstance(instance, DraftStateMixin):
        object_changed(sender, instance)


def snippet_deleted(sender, instance, **kwargs):
    if is_snippet(instance) and (not isinstance(instance, DraftStateMixin) or instance.live):
        object_changed(sender, instance)


def document_or_image_changed(sender, instance, **kwargs):
    api = API_IMAGES if isinstance(instance, get_image_model()) else API_DOCUMENTS
    purge_after_commit({api, f"{api}{instance.pk}/", *dependents.paths_for_object(instance)})


def setting_saved(sender, instance, **kwargs):
    if isinstance(instance, BaseSiteSetting):
        purge_after_commit(dependents.paths_for_everything())


def connect():
    pre_save.connect(remember_live_state, dispatch_uid="http_cache_live_state")
    page_published.connect(page_changed, dispatch_uid="http_cache_published")
    page_unpublished.connect(page_changed, dispatch_uid="http_cache_unpublished")
    page_slug_changed.connect(slug_changed, dispatch_uid="http_cache_slug")
    post_page_move.connect(page_moved, dispatch_uid="http_cache_move")
    pre_delete.connect(page_deleted, dispatch_uid="http_cache_page_deleted")
    published.connect(object_changed, dispatch_uid="http_cache_object_published")
    unpublished.connect(object_changed, dispatch_uid="http_cache_object_unpublished")
    post_save.connect(snippet_saved, dispatch_uid="http_cache_snippet_saved")
    pre_delete.connect(snippet_deleted, dispatch_uid="http_cache_snippet_deleted")
    for model in (get_document_model(), get_image_model()):
        post_save.connect(document_or_image_changed, sender=model)
        pre_delete.connect(document_or_image_changed, sender=model)
    post_save.connect(setting_saved, dispatch_uid="http_cache_settings")
