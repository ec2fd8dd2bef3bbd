"""Publishing outside the approval workflow is possible for Administration only, and never silent.

Decision: approvers publish by approving in the workflow "Redaktionelle Freigabe"; the admin
offers them no direct "Publish" (`portal.wagtail_hooks`) and the API refuses it
(`portal.editorial.actions`). Administration keeps direct publishing
for emergencies. Every publish by a person that did not come out of an approval (admin, API,
bulk action, live copy or alias, removed view restriction, move out of a restricted
section) is written to the audit log as "Ohne Freigabe veröffentlicht" and reported to the
approvers by e-mail.
"""

import logging
from contextlib import contextmanager
from contextvars import ContextVar

from django.contrib.auth import get_user_model
from django.db import transaction
from django.db.models.signals import post_save
from django.dispatch import receiver
from django.utils.translation import gettext, gettext_lazy, override

from wagtail.log_actions import log
from wagtail.models import ModelLogEntry, Page, PageLogEntry, PageViewRestriction, WorkflowMixin

from portal.mail_delivery import send_after_commit

from .roles import ADMINISTRATION, APPROVERS

logger = logging.getLogger(__name__)

PUBLISH_WITHOUT_APPROVAL = "portal.publish_without_approval"
DIRECT_PUBLISH_REFUSED = gettext_lazy(
    "Veröffentlicht wird über den Workflow „Redaktionelle Freigabe“: bitte zur Freigabe "
    "einreichen. Direkt veröffentlichen darf nur die Administration."
)
LIVE_COPY_REFUSED = gettext_lazy(
    "Eine Kopie oder ein Alias dieser veröffentlichten Seite wäre sofort öffentlich. Kopieren "
    "Sie ohne „Kopien veröffentlichen“ und reichen Sie die Kopie zur Freigabe ein; Aliasse "
    "veröffentlichter Seiten legt nur die Administration an."
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


def goes_public(page, entry=None):
    """Whether a page is live and no restriction on an ancestor keeps it from visitors."""
    ancestors = page.get_ancestors()
    return page.live and not PageViewRestriction.objects.filter(page__in=ancestors).exists()


def moved_out_of_a_restriction(page, entry):
    """Whether a move took a live page from a restricted section to where visitors see it."""
    source = Page.objects.filter(pk=(entry.data.get("source") or {}).get("id")).first()
    if source is None or PageViewRestriction.objects.filter(page=page).exists():
        return False
    before = source.get_ancestors(inclusive=True)
    was_restricted = PageViewRestriction.objects.filter(page__in=before).exists()
    return was_restricted and goes_public(page)


# Log actions after which content can be in front of visitors without an approval, with the
# test (object, log entry) that says whether it is: a publish always is; a new alias and a
# translation turned into an alias (wagtail-localize) when live; a removed view restriction
# and a move out of a restricted section when the page is then public.
RELEASING_ACTIONS = {
    "wagtail.publish": lambda obj, entry: True,
    "wagtail.publish.schedule": lambda obj, entry: True,
    "wagtail.create_alias": lambda page, entry: page.live,
    "wagtail_localize.convert_to_alias": lambda page, entry: page.live,
    "wagtail.view_restriction.delete": goes_public,
    "wagtail.move": moved_out_of_a_restriction,
}


def would_go_live(page, recursive=False):
    """Whether a copy or alias of `page` (with its subpages) could be live at once."""
    return page.live or (recursive and page.get_descendants().live().exists())


@receiver(post_save, sender=PageLogEntry)
@receiver(post_save, sender=ModelLogEntry)
def record_publish_without_approval(sender, instance, created, **kwargs):
    """Audit-log and report what a person released without approval (see RELEASING_ACTIONS).

    Wagtail writes a log entry for every publish, whatever the path, with the person who did
    it; that entry is the hook, since the `published` signal knows no user. Aliases, view
    restrictions and wagtail-localize's "convert to alias" log their own actions.
    """
    entry = instance
    if not created or entry.action not in RELEASING_ACTIONS or entry.user_id is None:
        return
    if _approved_publish.get():
        return
    obj = logged_object(sender, entry)
    if has_workflow(obj) and RELEASING_ACTIONS[entry.action](obj, entry):
        record_release_without_approval(obj, entry.user, revision=entry.revision)


def logged_object(sender, entry):
    """The object as stored now: a view's copy in memory can be stale (wagtail-localize's
    "convert to alias" logs the page object it had before making it live)."""
    if sender is PageLogEntry:
        return Page.objects.get(pk=entry.page_id).specific
    return entry.content_type.get_object_for_this_type(pk=entry.object_id)


def record_release_without_approval(obj, user, revision=None):
    """Write "Ohne Freigabe veröffentlicht" to the audit log and mail the approvers."""
    log(instance=obj, action=PUBLISH_WITHOUT_APPROVAL, user=user, revision=revision)
    logger.warning("%s published %r without approval", user, obj)
    transaction.on_commit(lambda: notify_approvers(obj, user))


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
    send_after_commit(subject, body, recipients)  # logged and retried (portal.mail_delivery)
