"""The approval step of "Redaktionelle Freigabe": a group approval under the four-eyes rule.

Wagtail's GroupApprovalTask lets any member of the group approve anything, their own
submission included. Here nobody approves or rejects work they submitted or last changed
themselves: they see no moderation actions on it, it is not in their review list, and a
crafted request is refused.
"""

from django.core.exceptions import PermissionDenied
from django.utils.translation import gettext_lazy as _

from wagtail.models import AbstractGroupApprovalTask


def is_own_work(obj, user):
    """Whether `user` submitted the object's running workflow or wrote its latest revision."""
    state = obj.current_workflow_state
    if state is not None and state.requested_by_id == user.pk:
        return True
    revision = obj.get_latest_revision()
    return revision is not None and revision.user_id == user.pk


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
        return states.exclude(workflow_state__requested_by=user)

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
