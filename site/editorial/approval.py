"""The approval step of "Redaktionelle Freigabe": a group approval under the four-eyes rule.

Wagtail's GroupApprovalTask lets any member of the group approve anything, their own
submission included. Here nobody approves or rejects a change they submitted or in which
they wrote any revision since the live version — four eyes on the text, not on the click:
an approver who wrote the text and had an editor submit it unchanged does not approve it.
They see no moderation actions on it, it is not in their review list, and a crafted
request is refused.
"""

from django.core.exceptions import PermissionDenied
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from wagtail.models import AbstractGroupApprovalTask, Revision


def wrote_pending_change(obj, user):
    """Whether `user` wrote any revision of `obj` after its live version (all, if never live)."""
    revisions = Revision.objects.for_instance(obj).filter(user=user)
    live = getattr(obj, "live_revision", None)
    if live is not None:
        revisions = revisions.filter(
            Q(created_at__gt=live.created_at) | Q(created_at=live.created_at, pk__gt=live.pk)
        )
    return revisions.exists()


def is_own_work(obj, user):
    """Whether `user` submitted the object's running workflow or wrote part of the change."""
    state = obj.current_workflow_state
    if state is not None and state.requested_by_id == user.pk:
        return True
    return wrote_pending_change(obj, user)


class FourEyesApprovalTask(AbstractGroupApprovalTask):
    """Members of the chosen groups approve, but never their own work."""

    def get_actions(self, obj, user):
        if is_own_work(obj, user):
            return []
        return super().get_actions(obj, user)

    def on_action(self, task_state, user, action_name, **kwargs):
        obj = task_state.workflow_state.content_object
        if is_own_work(obj, user):
            raise PermissionDenied(_("Eigene Änderungen gibt eine zweite Person frei."))
        return super().on_action(task_state, user, action_name, **kwargs)

    def get_task_states_user_can_moderate(self, user, **kwargs):
        states = super().get_task_states_user_can_moderate(user, **kwargs)
        states = states.exclude(workflow_state__requested_by=user)
        own = [
            state.pk
            for state in states.select_related("workflow_state")
            if wrote_pending_change(state.workflow_state.content_object, user)
        ]
        return states.exclude(pk__in=own)

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
