"""The approval step of "Redaktionelle Freigabe": a group approval under the four-eyes rule.

Wagtail's GroupApprovalTask lets any member of the group approve anything, their own
submission included. Here nobody approves or rejects a change they submitted or in which
they wrote any revision since the live version — four eyes on the text, not on the click:
an approver who wrote the text and had an editor submit it unchanged does not approve it.
They see no approval actions on it, it is not in their review list, and a crafted
request is refused.

The actions speak the portal's vocabulary (README, "Glossar"): "Freigeben" asks for
confirmation in Wagtail's action dialog, with an optional comment, and says what will happen
(published now or on the planned date); "Änderungen anfordern" needs a comment, which the
editor then sees on top of the edit form (`portal.editorial.feedback`).
"""

import datetime

from django import forms
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from wagtail.models import AbstractGroupApprovalTask, Revision

from .feedback import record_outcome

APPROVE = "approve"
REQUEST_CHANGES = "reject"  # Wagtail's name for the action
ACTION_TEMPLATE = "portal/editorial/workflow_action_modal.html"
COMMENT_REQUIRED = _("Bitte schreiben Sie, welche Änderungen nötig sind.")


# What a save changes besides the content: Wagtail's bookkeeping of drafts, publishing and
# locks (DraftStateMixin, RevisionMixin, LockableMixin; Page's tree and title copies).
BOOKKEEPING = frozenset(
    {
        "latest_revision",
        "latest_revision_created_at",
        "has_unpublished_changes",
        "live",
        "live_revision",
        "first_published_at",
        "last_published_at",
        "expired",
        "locked",
        "locked_at",
        "locked_by",
        "numchild",
        "draft_title",
    }
)


def _content(revision_content):
    return {key: value for key, value in revision_content.items() if key not in BOOKKEEPING}


def _authored(revisions, user_id, live):
    """Whether a revision by `user_id` after `live` changed the content. `revisions`: the
    object's revisions as (created_at, pk, user_id, content), oldest first.

    A save that changes nothing is no authorship: the snippet edit form writes a revision on
    every submit, so an approver who approves from the form (Wagtail saves the form first)
    saves an unchanged copy of the submitted text – that does not make them its co-author.
    """
    previous = None
    for created_at, pk, author, content in revisions:
        changed = previous is None or _content(content) != _content(previous)
        if author == user_id and (created_at, pk) > live and changed:
            return True
        previous = content
    return False


def wrote_pending_change(obj, user):
    """Whether `user` wrote a revision of `obj` after its live version (all, if never live)
    that changed its content."""
    revisions = Revision.objects.for_instance(obj)
    live = getattr(obj, "live_revision", None)
    if live is not None:
        revisions = revisions.filter(
            Q(created_at__gt=live.created_at) | Q(created_at=live.created_at, pk__gte=live.pk)
        )
    if not revisions.filter(user=user).exclude(pk=getattr(live, "pk", None)).exists():
        return False
    never = (datetime.datetime.min.replace(tzinfo=datetime.UTC), 0)
    after = (live.created_at, live.pk) if live is not None else never
    rows = revisions.order_by("created_at", "pk").values_list(
        "created_at", "pk", "user_id", "content"
    )
    return _authored(rows, user.pk, after)


def states_with_pending_changes_by(states, user):
    """The pks of the task states whose object has a revision by `user` after its live
    version that changed the content: `wrote_pending_change` for a whole list in a few
    queries (one for the states, one for the user's revisions, one per model with such
    revisions, one for those objects' revisions), not a few per state.
    """
    rows = list(
        states.values_list(
            "pk", "workflow_state__base_content_type_id", "workflow_state__object_id"
        )
    )
    keys = {(content_type_id, object_id) for _pk, content_type_id, object_id in rows}
    written = {}
    revisions = Revision.objects.filter(
        user=user,
        base_content_type_id__in={content_type_id for content_type_id, _id in keys},
        object_id__in={object_id for _ct, object_id in keys},
    ).values_list("base_content_type_id", "object_id", "created_at", "pk")
    for content_type_id, object_id, created_at, pk in revisions:
        if (content_type_id, object_id) in keys:
            written.setdefault((content_type_id, object_id), []).append((created_at, pk))
    live = _live_revisions(written)
    candidates = {key for key, mine in written.items() if any(rev > live.get(key) for rev in mine)}
    own = _changed_by(candidates, user, live)
    return [pk for pk, content_type_id, object_id in rows if (content_type_id, object_id) in own]


def _changed_by(keys, user, live):
    """Those of `keys` in which a revision of `user` after `live[key]` changed the content."""
    if not keys:
        return set()
    history = {}
    rows = (
        Revision.objects.filter(
            base_content_type_id__in={content_type_id for content_type_id, _id in keys},
            object_id__in={object_id for _ct, object_id in keys},
        )
        .order_by("created_at", "pk")
        .values_list("base_content_type_id", "object_id", "created_at", "pk", "user_id", "content")
    )
    for content_type_id, object_id, created_at, pk, author, content in rows:
        key = (content_type_id, object_id)
        if key in keys and (created_at, pk) >= live[key]:
            history.setdefault(key, []).append((created_at, pk, author, content))
    return {key for key, revisions in history.items() if _authored(revisions, user.pk, live[key])}


def _live_revisions(keys):
    """(created_at, pk) of the live revision per (base content type id, object id); the
    smallest possible value where there is none, so that every revision counts as after it."""
    never = (datetime.datetime.min.replace(tzinfo=datetime.UTC), 0)
    live = dict.fromkeys(keys, never)
    by_type = {}
    for content_type_id, object_id in keys:
        by_type.setdefault(content_type_id, []).append(object_id)
    for content_type_id, object_ids in by_type.items():
        model = ContentType.objects.get_for_id(content_type_id).model_class()
        if model is None or not hasattr(model, "live_revision"):
            continue
        objects = model._default_manager.filter(
            pk__in=object_ids, live_revision__isnull=False
        ).values_list("pk", "live_revision__created_at", "live_revision_id")
        for pk, created_at, revision_pk in objects:
            live[(content_type_id, str(pk))] = (created_at, revision_pk)
    return live


def is_own_work(obj, user):
    """Whether `user` submitted the object's running workflow or wrote part of the change."""
    state = obj.current_workflow_state
    if state is not None and state.requested_by_id == user.pk:
        return True
    return wrote_pending_change(obj, user)


class ApprovalForm(forms.Form):
    comment = forms.CharField(
        label=_("Kommentar (freiwillig)"),
        required=False,
        widget=forms.Textarea({"rows": 3}),
        help_text=_("Die Redaktion erhält ihn mit der Nachricht über die Freigabe."),
    )


class ChangesRequestForm(forms.Form):
    comment = forms.CharField(
        label=_("Welche Änderungen sind nötig?"),
        required=True,
        widget=forms.Textarea({"rows": 5}),
        error_messages={"required": COMMENT_REQUIRED},
        help_text=_("Die Redaktion sieht ihn oben im Bearbeitungsformular und per E-Mail."),
    )

    def clean_comment(self):
        comment = self.cleaned_data["comment"].strip()
        if not comment:
            raise forms.ValidationError(COMMENT_REQUIRED)
        return comment


class FourEyesApprovalTask(AbstractGroupApprovalTask):
    """Members of the chosen groups approve, but never their own work."""

    def get_actions(self, obj, user):
        if is_own_work(obj, user) or not super().get_actions(obj, user):
            return []
        return self.portal_actions()

    @staticmethod
    def portal_actions():
        """Both open Wagtail's action dialog (modal=True): a confirmation before publishing,
        a comment before sending the work back."""
        return [
            (REQUEST_CHANGES, _("Änderungen anfordern"), True),
            (APPROVE, _("Freigeben"), True),
        ]

    def get_form_for_action(self, action):
        return ChangesRequestForm if action == REQUEST_CHANGES else ApprovalForm

    def get_template_for_action(self, action):
        return ACTION_TEMPLATE

    def on_action(self, task_state, user, action_name, **kwargs):
        obj = task_state.workflow_state.content_object
        if is_own_work(obj, user):
            raise PermissionDenied(_("Eigene Änderungen gibt eine zweite Person frei."))
        if action_name == REQUEST_CHANGES and not (kwargs.get("comment") or "").strip():
            # The dialog insists on a comment; this refuses a request that skipped it.
            raise PermissionDenied(COMMENT_REQUIRED)
        result = super().on_action(task_state, user, action_name, **kwargs)
        record_outcome(task_state, action_name)
        return result

    def get_task_states_user_can_moderate(self, user, **kwargs):
        states = super().get_task_states_user_can_moderate(user, **kwargs)
        states = states.exclude(workflow_state__requested_by=user)
        return states.exclude(pk__in=states_with_pending_changes_by(states, user))

    def get_review_actions(self, user):
        """The moderation actions on any state of `get_task_states_user_can_moderate`: those
        states exclude the user's own work already, so no per-object check (the dashboard)."""
        return self.portal_actions() if super().get_actions(None, user) else []

    @classmethod
    def get_description(cls):
        return _(
            "Mitglieder der gewählten Gruppen geben frei – nie ihre eigenen Einreichungen "
            "oder Änderungen (Vier-Augen-Prinzip)."
        )

    class Meta:
        app_label = "portal"
        verbose_name = _("Freigabe nach dem Vier-Augen-Prinzip")
        verbose_name_plural = _("Freigaben nach dem Vier-Augen-Prinzip")
