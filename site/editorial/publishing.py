"""Publishing outside the approval workflow is possible for Administration only, and never silent.

Decision: approvers publish by approving in the workflow "Redaktionelle Freigabe"; the admin
offers them no direct "Publish" (`portal.wagtail_hooks`) and the API refuses it
(`portal.editorial.actions`). Administration keeps direct publishing
for emergencies. Every publish by a person that did not come out of an approval (admin, API,
bulk action, copy) is written to the audit log as "Ohne Freigabe veröffentlicht" and reported
to the approvers by e-mail.
"""

import logging
from contextlib import contextmanager
from contextvars import ContextVar

from django.contrib.auth import get_user_model
from django.core.mail import send_mail
from django.db import transaction
from django.db.models.signals import post_save
from django.dispatch import receiver
from django.utils.translation import gettext, gettext_lazy, override

from wagtail.log_actions import log
from wagtail.models import ModelLogEntry, PageLogEntry, WorkflowMixin

from .roles import ADMINISTRATION, APPROVERS

logger = logging.getLogger(__name__)

PUBLISH_WITHOUT_APPROVAL = "portal.publish_without_approval"
PUBLISH_ACTIONS = ("wagtail.publish", "wagtail.publish.schedule")
DIRECT_PUBLISH_REFUSED = gettext_lazy(
    "Veröffentlicht wird über den Workflow „Redaktionelle Freigabe“: bitte zur Freigabe "
    "einreichen. Direkt veröffentlichen darf nur die Administration."
)

_approved_publish = ContextVar("approved_publish", default=False)


@contextmanager
def approved_publish():
    """Marks the publishes inside the block as the outcome of a finished approval."""
    token = _approved_publish.set(True)
    try:
        yield
    finally:
        _approved_publish.reset(token)


def is_administrator(user):
    return user.is_superuser or user.groups.filter(name=ADMINISTRATION).exists()


def has_workflow(obj):
    """Whether the object is under an approval workflow (pages and workflow snippets)."""
    return isinstance(obj, WorkflowMixin) and obj.get_workflow() is not None


def requires_approval(obj, user):
    """Whether `user` publishing `obj` now would skip the approval the portal requires."""
    return not _approved_publish.get() and has_workflow(obj) and not is_administrator(user)


@receiver(post_save, sender=PageLogEntry)
@receiver(post_save, sender=ModelLogEntry)
def record_publish_without_approval(sender, instance, created, **kwargs):
    """Audit-log and report a publish (or scheduled publish) by a person that skipped approval.

    Wagtail writes a "wagtail.publish" log entry for every publish, whatever the path, with
    the person who did it; that entry is the hook, since the `published` signal knows no user.
    """
    entry = instance
    if not created or entry.action not in PUBLISH_ACTIONS or entry.user_id is None:
        return
    if _approved_publish.get():
        return
    obj = (
        entry.page.specific
        if sender is PageLogEntry
        else entry.content_type.get_object_for_this_type(pk=entry.object_id)
    )
    if not has_workflow(obj):
        return
    log(instance=obj, action=PUBLISH_WITHOUT_APPROVAL, user=entry.user, revision=entry.revision)
    logger.warning("%s published %r without approval", entry.user, obj)
    publisher = entry.user
    transaction.on_commit(lambda: notify_approvers(obj, publisher))


def notify_approvers(instance, publisher):
    recipients = list(
        get_user_model()
        .objects.filter(groups__name=APPROVERS, is_active=True)
        .exclude(pk=publisher.pk)
        .exclude(email="")
        .values_list("email", flat=True)
    )
    if not recipients:
        return
    with override("de"):
        subject = gettext("Ohne Freigabe veröffentlicht: %(title)s") % {"title": instance}
        body = gettext(
            "%(user)s hat „%(title)s“ veröffentlicht, ohne dass es den Workflow "
            "„Redaktionelle Freigabe“ durchlaufen hat. Der Eintrag steht im Protokoll."
        ) % {"user": publisher.get_username(), "title": instance}
    send_mail(subject, body, None, recipients, fail_silently=True)
