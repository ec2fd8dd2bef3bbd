"""Wagtail's workflow notification mails, sent after the commit by the task backend.

Wagtail 8 connects four notifiers in `wagtail.admin.signal_handlers.register_signal_handlers`
(submitted to the approvers; approved and rejected to the editor); their `send_emails`
(`wagtail.admin.mail.EmailNotificationMixin`) talks SMTP inside the approval's transaction,
so a slow server held an approval for 10.6 s and a failure lost the mail with no more than
a log line. The portal keeps Wagtail's notifiers (recipients, notification preferences,
templates, the recipient's admin language) and replaces only the sending: each mail is
rendered in the transaction and handed to `portal.mail_delivery.send_after_commit`.

The mails speak the portal's vocabulary (README, "Glossar"): the portal's templates under
site/templates/wagtailadmin/notifications/ replace Wagtail's, with the context `mail_context`
adds (title, edit link, who did what when, the comment, a planned publication).

`replace_wagtail_notifiers` (from `PortalConfig.ready`) connects these subclasses under
Wagtail's own `dispatch_uid`s. Django keeps the first receiver per uid and sender, so
Wagtail's notifiers are not connected whether its app is ready before the portal or after.

Portal policy, not an upstream bug: Wagtail sends synchronously by design and leaves queueing
to the project (it dropped its own Celery sending in
https://github.com/wagtail/wagtail/pull/1120). If Wagtail starts sending after the commit
itself, `test_upstream_notifications_send_inside_the_transaction`
(tests/test_upstream_canaries.py) fails; then review this module.
"""

from django.conf import settings
from django.template.loader import render_to_string
from django.utils.translation import override

from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.admin.mail import (
    GroupApprovalTaskStateSubmissionEmailNotifier,
    WorkflowStateApprovalEmailNotifier,
    WorkflowStateRejectionEmailNotifier,
    WorkflowStateSubmissionEmailNotifier,
)
from wagtail.admin.utils import get_latest_str, get_user_display_name
from wagtail.models import TaskState, WorkflowState
from wagtail.signals import task_submitted, workflow_approved, workflow_rejected, workflow_submitted

from portal.mail_delivery import send_after_commit

from .feedback import planned_go_live


def person(user):
    return get_user_display_name(user) if user else ""


def mail_context(obj, task_state=None):
    """What every workflow mail of the portal names: the object, its edit link, the decision."""
    edit_url = AdminURLFinder().get_edit_url(obj) or ""
    base_url = getattr(settings, "WAGTAILADMIN_BASE_URL", "")
    context = {
        "title": get_latest_str(obj),
        "edit_link": f"{base_url}{edit_url}" if edit_url else "",
        "decided_by": "",
        "decided_at": None,
        "comment": "",
        "planned": None,
    }
    if task_state is not None and task_state.finished_at:
        context["decided_by"] = person(task_state.finished_by)
        context["decided_at"] = task_state.finished_at
        context["comment"] = task_state.comment
    return context


class PortalContextMixin:
    def get_context(self, instance, **kwargs):
        context = super().get_context(instance, **kwargs)
        workflow_state = getattr(instance, "workflow_state", instance)
        task_state = workflow_state.current_task_state
        context["portal"] = mail_context(context["object"], task_state)
        context["portal"]["requested_by"] = person(workflow_state.requested_by)
        return context


class AfterCommitEmailMixin:
    """Renders each recipient's mail as Wagtail does, and queues it instead of sending."""

    def send_emails(self, template_set, context, recipients, **kwargs):
        from_email = getattr(settings, "WAGTAILADMIN_NOTIFICATION_FROM_EMAIL", None)
        use_html = getattr(settings, "WAGTAILADMIN_NOTIFICATION_USE_HTML", False)
        for recipient in recipients:
            context["user"] = recipient
            with override(recipient.wagtail_userprofile.get_preferred_language()):
                subject = render_to_string(template_set["subject"], context).strip()
                body = render_to_string(template_set["text"], context).strip()
                html = render_to_string(template_set["html"], context) if use_html else None
            send_after_commit(
                subject,
                body,
                [recipient.email],
                from_email=from_email,
                html=html,
            )
        return True


class TaskSubmissionNotifier(
    PortalContextMixin, AfterCommitEmailMixin, GroupApprovalTaskStateSubmissionEmailNotifier
):
    pass


class WorkflowSubmissionNotifier(
    PortalContextMixin, AfterCommitEmailMixin, WorkflowStateSubmissionEmailNotifier
):
    pass


class WorkflowApprovalNotifier(
    PortalContextMixin, AfterCommitEmailMixin, WorkflowStateApprovalEmailNotifier
):
    def get_context(self, instance, **kwargs):
        context = super().get_context(instance, **kwargs)
        context["portal"]["planned"] = planned_go_live(context["object"])
        return context


class WorkflowRejectionNotifier(
    PortalContextMixin, AfterCommitEmailMixin, WorkflowStateRejectionEmailNotifier
):
    pass


# (signal, sender, Wagtail's dispatch_uid, the portal's notifier)
NOTIFIERS = (
    (
        task_submitted,
        TaskState,
        "group_approval_task_submitted_email_notification",
        TaskSubmissionNotifier(),
    ),
    (
        workflow_submitted,
        WorkflowState,
        "workflow_state_submitted_email_notification",
        WorkflowSubmissionNotifier(),
    ),
    (
        workflow_rejected,
        WorkflowState,
        "workflow_state_rejected_email_notification",
        WorkflowRejectionNotifier(),
    ),
    (
        workflow_approved,
        WorkflowState,
        "workflow_state_approved_email_notification",
        WorkflowApprovalNotifier(),
    ),
)


def replace_wagtail_notifiers():
    for signal, sender, dispatch_uid, notifier in NOTIFIERS:
        signal.disconnect(sender=sender, dispatch_uid=dispatch_uid)
        signal.connect(notifier, sender=sender, dispatch_uid=dispatch_uid)
