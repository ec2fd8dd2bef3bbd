"""Files follow the workflow: what an editor uploads is not public until it is released.

- Editors upload into the collection "Zur Freigabe" (`PENDING_COLLECTION`), which only the
  editorial groups may view: visitors cannot download its documents, and the site search
  and the API leave it out. Editors cannot change files outside it.
- A file is released when a page that uses it is published – which only an approval or
  Administration (recorded) can do – or in the admin list "Dateien zur Freigabe" by an
  approver who did not upload it (Administration always; recorded like a direct publish).
- A document that replaces a published one (`PortalDocument.replaces`) hands its file over
  on release: the published document keeps its id and address and serves the approved
  file until then; its former file names redirect to the new one.
- Restricted collections stay closed in the admin too: `RestrictedCollectionPolicy`.
"""

from types import SimpleNamespace

from django.contrib.auth.models import Group
from django.db import transaction
from django.db.models.signals import post_save
from django.dispatch import receiver

from wagtail.api.v3.permissions import get_restricted_collection_ids
from wagtail.documents import get_document_model
from wagtail.images import get_image_model
from wagtail.log_actions import log
from wagtail.models import Collection, CollectionViewRestriction, ModelLogEntry, ReferenceIndex
from wagtail.permission_policies.collections import CollectionOwnershipPermissionPolicy
from wagtail.permissions import register_permission_policy
from wagtail.signals import page_published, published

from .publishing import PUBLISH_WITHOUT_APPROVAL, is_administrator, notify_approvers
from .roles import APPROVERS, EDITORIAL_GROUPS

PENDING_COLLECTION = "Zur Freigabe"
FILE_RELEASED = "portal.file_released"
FILE_CHANGE_ACTIONS = ("wagtail.create", "wagtail.edit")


def pending_collection():
    """The collection of unreleased uploads, created with its view restriction."""
    collection = find_pending_collection()
    if collection is None:
        collection = Collection.get_first_root_node().add_child(name=PENDING_COLLECTION)
    restriction, _created = CollectionViewRestriction.objects.get_or_create(
        collection=collection, defaults={"restriction_type": CollectionViewRestriction.GROUPS}
    )
    restriction.restriction_type = CollectionViewRestriction.GROUPS
    restriction.save()
    restriction.groups.set(Group.objects.filter(name__in=EDITORIAL_GROUPS))
    return collection


def find_pending_collection():
    return Collection.get_first_root_node().get_children().filter(name=PENDING_COLLECTION).first()


def pending_collection_ids():
    pending = find_pending_collection()
    if pending is None:
        return []
    return list(
        Collection.objects.descendant_of(pending, inclusive=True).values_list("pk", flat=True)
    )


def file_models():
    return (get_document_model(), get_image_model())


def hidden_collection_ids(user):
    """Collections behind a view restriction the user does not pass; who may change
    restrictions (Administration) sees behind all of them. Kept on the user object for the
    request, as Wagtail keeps its permission caches: listings ask once per row."""
    hidden = getattr(user, "_portal_hidden_collection_ids", None)
    if hidden is None:
        if user.is_superuser or user.has_perm("wagtailcore.change_collectionviewrestriction"):
            hidden = set()
        else:
            hidden = get_restricted_collection_ids(SimpleNamespace(user=user, session={}))
        user._portal_hidden_collection_ids = hidden
    return hidden


class RestrictedCollectionPolicy(CollectionOwnershipPermissionPolicy):
    """Wagtail's collection rights, minus the collections the user may not view.

    A grant on the root collection covers every collection below it, restricted ones
    included: an editor who could not open a document restricted to Freigabe could still
    edit it and move it to the public root. Registered for documents and images.
    """

    def _check_perm(self, user, actions, collection=None):
        if collection is not None and collection.pk in hidden_collection_ids(user):
            return False
        return super()._check_perm(user, actions, collection=collection)

    def _collections_with_perm(self, user, actions):
        collections = super()._collections_with_perm(user, actions)
        return collections.exclude(pk__in=hidden_collection_ids(user))


def can_release(user, file):
    """Approvers release what others uploaded; Administration releases anything."""
    if is_administrator(user):
        return True
    in_approvers = user.groups.filter(name=APPROVERS).exists()
    return in_approvers and file.uploaded_by_user_id != user.pk


@transaction.atomic
def release(file, user=None, approved=True):
    """Make a pending document or image public; returns the file visitors now get."""
    target = getattr(file, "replaces", None)
    if target is not None:
        released = hand_over(file, target)
    else:
        file.collection = Collection.get_first_root_node()
        file.save(update_fields=["collection"])
        released = file
    log(instance=released, action=FILE_RELEASED, user=user)
    if user is not None and not approved:
        log(instance=released, action=PUBLISH_WITHOUT_APPROVAL, user=user)
        transaction.on_commit(lambda: notify_approvers(released, user))
    return released


def hand_over(replacement, target):
    """The replacement's file becomes the target's; the target keeps id and address."""
    old_file = target.file.name
    target.file = replacement.file
    target.file_size = None
    target.file_hash = ""
    target._set_document_file_metadata()
    target.save()
    # The replacement's row leaves with the old file: Wagtail deletes a deleted document's
    # file from storage after the commit, and the new file now belongs to the target.
    rows = type(replacement).objects.filter(pk=replacement.pk)
    rows.update(file=old_file)
    rows.delete()
    return target


def release_files_used_by(obj, user=None):
    """Release the pending files a just-published page or snippet refers to. A replacement
    is released on its own: handing its file over would leave the page a deleted id."""
    pending = pending_collection_ids()
    if not pending:
        return []
    released = []
    for model in file_models():
        files = model.objects.filter(pk__in=referenced_ids(obj, model), collection_id__in=pending)
        if hasattr(model, "replaces"):
            files = files.filter(replaces__isnull=True)
        released += [release(file, user=user) for file in files]
    return released


def referenced_ids(obj, model):
    """Primary keys of `model` objects that `obj`'s content refers to: foreign keys,
    StreamField blocks and rich text, as Wagtail's reference index reads them (its
    extraction is a private method; this is what the index itself stores)."""
    wanted = ReferenceIndex._get_base_content_type(model).pk
    references = ReferenceIndex._extract_references_from_object(obj)
    return {
        int(object_id)
        for content_type_id, object_id, *_paths in references
        if content_type_id == wanted and object_id.isdigit()
    }


@receiver(post_save, sender=ModelLogEntry)
def record_public_file_change(sender, instance, created, **kwargs):
    """A file created or changed outside "Zur Freigabe" is visible at once. Only
    Administration uploads there, and approvers correct or delete public files: such a
    change is recorded and mailed like a direct publish. Wagtail's create and edit actions
    (admin and API) write the log entry with the person; `release()` writes none."""
    entry = instance
    if not created or entry.action not in FILE_CHANGE_ACTIONS or entry.user_id is None:
        return
    model = entry.content_type.model_class()
    if model not in file_models():
        return
    file = model.objects.filter(pk=entry.object_id).first()
    if file is None or file.collection_id in pending_collection_ids():
        return
    log(instance=file, action=PUBLISH_WITHOUT_APPROVAL, user=entry.user)
    person = entry.user
    transaction.on_commit(lambda: notify_approvers(file, person))


@receiver(page_published)
@receiver(published)
def release_files_of_published_content(sender, instance, **kwargs):
    release_files_used_by(instance)


def register_policies():
    """Called from `PortalConfig.ready()`, after Wagtail registered its own policies."""
    for model, auth_model in (
        (get_document_model(), "wagtaildocs.Document"),
        (get_image_model(), "wagtailimages.Image"),
    ):
        policy = RestrictedCollectionPolicy(
            model, auth_model=auth_model, owner_field_name="uploaded_by_user"
        )
        register_permission_policy(model, policy, exact_class=True)
