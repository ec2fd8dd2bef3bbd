"""What the admin tells people about an approval: the outcome after acting, the request for
changes on the editor's form, the status names.

Wagtail's own feedback after a workflow action is "Seite ‚…‘ wurde aktualisiert." in the
editor and nothing at all from the dashboard, because `Task.on_action` gets no request.
`WorkflowFeedbackMiddleware` gives each admin request a list that `record_outcome` (called by
`FourEyesApprovalTask.on_action`) fills; when the view is done, the middleware replaces
Wagtail's generic success message with the outcome: "„…“ wurde freigegeben und
veröffentlicht." (or the planned publication), "Änderungen an „…“ angefordert." – one place
for every path (page and snippet editor, dashboard).
"""

from contextvars import ContextVar

from django.contrib import messages as django_messages
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext, gettext_lazy

from wagtail.admin import messages
from wagtail.admin.utils import get_latest_str, get_user_display_name
from wagtail.models import Revision, TaskState, WorkflowState

# The portal's words for the states of content (README, "Glossar").
STATUS_IN_REVIEW = gettext_lazy("In Freigabe")
STATUS_CHANGES_REQUESTED = gettext_lazy("Änderungen angefordert")

_outcomes = ContextVar("workflow_outcomes", default=None)


def german_datetime(value):
    """A moment as the admin writes it: "12. Mai 2026, 10:30" (in the active language)."""
    return date_format(timezone.localtime(value), "j. F Y, H:i")


def planned_go_live(obj):
    """When an approved revision of `obj` is planned to go live, or None."""
    return (
        Revision.objects.for_instance(obj)
        .filter(approved_go_live_at__gt=timezone.now())
        .values_list("approved_go_live_at", flat=True)
        .first()
    )


def approval_outcome(task_state):
    """The success message after `task_state` was approved: published, or planned."""
    obj = task_state.workflow_state.content_object
    title = get_latest_str(obj)
    scheduled = planned_go_live(obj)
    if scheduled:
        return gettext("„%(title)s“ wurde freigegeben; Veröffentlichung geplant am %(date)s.") % {
            "title": title,
            "date": german_datetime(scheduled),
        }
    if task_state.workflow_state.status == WorkflowState.STATUS_APPROVED:
        return gettext("„%(title)s“ wurde freigegeben und veröffentlicht.") % {"title": title}
    return gettext("„%(title)s“ wurde freigegeben.") % {"title": title}


def rejection_outcome(task_state):
    title = get_latest_str(task_state.workflow_state.content_object)
    return gettext(
        "Änderungen an „%(title)s“ angefordert. Die Redaktion sieht Ihren Kommentar oben im "
        "Bearbeitungsformular."
    ) % {"title": title}


def record_outcome(task_state, action_name):
    """Note the result of a workflow action for the message of this request (if any)."""
    outcomes = _outcomes.get()
    if outcomes is None:
        return
    if action_name == "approve":
        outcomes.append(approval_outcome(task_state))
    elif action_name == "reject":
        outcomes.append(rejection_outcome(task_state))


def announce(request, outcomes):
    """Wagtail's generic "updated" message gives way to the outcome of the action."""
    storage = django_messages.get_messages(request)
    others = [message for message in storage if message.level != django_messages.SUCCESS]
    for message in others:
        storage.add(message.level, message.message, message.extra_tags)
    for outcome in outcomes:
        messages.success(request, outcome)


class WorkflowFeedbackMiddleware:
    """Collects the outcomes of workflow actions during a request and announces them.

    Sits inside Django's MessageMiddleware, so the messages are stored with the response.
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        token = _outcomes.set([])
        try:
            response = self.get_response(request)
            outcomes = _outcomes.get()
            if outcomes:
                announce(request, outcomes)
        finally:
            _outcomes.reset(token)
        return response


def changes_request(obj):
    """The rejected task state while `obj` waits for its editor's changes, else None."""
    state = obj.current_workflow_state
    if state is None or state.status != WorkflowState.STATUS_NEEDS_CHANGES:
        return None
    task_state = state.current_task_state
    if task_state is None or task_state.status != TaskState.STATUS_REJECTED:
        return None
    return task_state


def changes_requested_line(task_state):
    """ "von <Name> am <Datum>" of a request for changes."""
    name = (
        get_user_display_name(task_state.finished_by)
        if task_state.finished_by
        else gettext("unbekannt")
    )
    return gettext("von %(name)s am %(date)s") % {
        "name": name,
        "date": german_datetime(task_state.finished_at),
    }


def changes_request_notice(task_state):
    """ "Änderungen angefordert von <Name> am <Datum>: <Kommentar>" for the editor's form."""
    notice = gettext("Änderungen angefordert %(by_whom_when)s: %(comment)s") % {
        "by_whom_when": changes_requested_line(task_state),
        "comment": task_state.comment or gettext("(ohne Kommentar)"),
    }
    return notice + " " + gettext("Nach dem Überarbeiten erneut zur Freigabe einreichen.")


def show_changes_request(request, obj):
    """Put the request for changes on top of the edit form (a GET of the editor)."""
    if request.method != "GET" or request.headers.get("x-requested-with") == "XMLHttpRequest":
        return
    task_state = changes_request(obj)
    if task_state is not None:
        messages.warning(request, changes_request_notice(task_state))


def status_label(workflow_state):
    """The side panel's name for a running workflow: "In Freigabe" or "Änderungen angefordert"."""
    if workflow_state.status == WorkflowState.STATUS_NEEDS_CHANGES:
        return STATUS_CHANGES_REQUESTED
    return STATUS_IN_REVIEW


def action_intro(obj, action_name):
    """What the action dialog says will happen, before the person confirms."""
    title = get_latest_str(obj)
    if action_name != "approve":
        return gettext(
            "„%(title)s“ geht mit Ihrem Kommentar an die Redaktion zurück; der Status wird "
            "„Änderungen angefordert“, bis sie erneut zur Freigabe einreicht."
        ) % {"title": title}
    latest = obj.get_latest_revision_as_object()
    go_live_at = getattr(latest, "go_live_at", None)
    if go_live_at and go_live_at > timezone.now():
        return gettext(
            "„%(title)s“ freigeben? Die Veröffentlichung ist für den %(date)s geplant."
        ) % {"title": title, "date": german_datetime(go_live_at)}
    return gettext("„%(title)s“ freigeben? Es wird sofort veröffentlicht.") % {"title": title}
