"""What each role has to do, as lists for the dashboard (`portal.editorial.dashboard`).

Every list costs a fixed number of queries, however long it is: objects are loaded in bulk
(one query per model at most), titles and people come from joined rows, edit links are built
from primary keys. A list is cut at `LIMIT` rows; the panels say how many there are in all.
"""

import datetime
from dataclasses import dataclass

from django.contrib.admin.utils import quote
from django.contrib.contenttypes.models import ContentType
from django.db.models import CharField, Exists, OuterRef, Q
from django.db.models.functions import Cast
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.models import (
    ModelLogEntry,
    Page,
    PageLogEntry,
    TaskState,
    WorkflowState,
)

from .publishing import PUBLISH_WITHOUT_APPROVAL
from .setup import workflow_snippet_models

LIMIT = 20
SHORT_LIMIT = 10  # lists that link to a full report
RECENT_DAYS = 30  # finished submissions stay in "Meine Einreichungen" this long

SUBMISSION_STATES = {
    WorkflowState.STATUS_IN_PROGRESS: _("In Freigabe"),
    WorkflowState.STATUS_NEEDS_CHANGES: _("Änderungen angefordert"),
    WorkflowState.STATUS_APPROVED: _("Freigegeben"),
    WorkflowState.STATUS_CANCELLED: _("Zurückgezogen"),
}


@dataclass
class Row:
    """One line of a dashboard table: the object's title, kind, language and link."""

    title: str
    kind: str
    language: str
    edit_url: str
    when: datetime.datetime | None = None
    person: str = ""
    state: str = ""
    comment: str = ""
    progress: str = ""
    actions: tuple = ()  # (label, URL, opens a dialog)


def edit_url(model, pk):
    """The admin edit view of a page or a snippet, without a query."""
    if issubclass(model, Page):
        return reverse("wagtailadmin_pages:edit", args=[pk])
    return reverse(model.snippet_viewset.get_url_name("edit"), args=[quote(pk)])


def person(user):
    """How the admin names a user; empty for a deleted one."""
    if user is None:
        return ""
    return user.get_full_name() or user.get_username()


def language(instance):
    locale = getattr(instance, "locale", None)
    return locale.get_display_name() if locale is not None else ""


def kind(model):
    return str(model._meta.verbose_name)


def _in_workflow(model):
    """Whether an object of `model` has a workflow running or sent back (a subquery)."""
    base = Page if issubclass(model, Page) else model._meta.concrete_model
    return Exists(
        WorkflowState.objects.active().filter(
            base_content_type=ContentType.objects.get_for_model(base),
            object_id=Cast(OuterRef("pk"), output_field=CharField()),
        )
    )


# Redaktion ------------------------------------------------------------------------------------


def my_drafts(user):
    """Pages and workflow snippets whose newest, unpublished version `user` saved, outside a
    workflow (what is submitted or sent back has its own list); newest first."""
    pages = (
        Page.objects.filter(has_unpublished_changes=True, latest_revision__user=user)
        .exclude(_in_workflow(Page))
        .select_related("locale", "content_type", "latest_revision")
        .order_by("-latest_revision__created_at")[:LIMIT]
    )
    rows = [
        _draft_row(page.specific_class or Page, page.pk, page.get_admin_display_title(), page)
        for page in pages
    ]
    for model in workflow_snippet_models():
        snippets = (
            model._default_manager.filter(has_unpublished_changes=True, latest_revision__user=user)
            .exclude(_in_workflow(model))
            .select_related("locale", "latest_revision")
            .order_by("-latest_revision__created_at")[:LIMIT]
        )
        rows += [_draft_row(model, snippet.pk, str(snippet), snippet) for snippet in snippets]
    rows.sort(key=lambda row: row.when, reverse=True)
    return rows[:LIMIT]


def _draft_row(model, pk, title, instance):
    return Row(
        title=title,
        kind=kind(model),
        language=language(instance),
        edit_url=edit_url(model, pk),
        when=instance.latest_revision.created_at,
        state=_("Geänderte Fassung") if instance.live else _("Entwurf"),
    )


def my_submissions(user):
    """What `user` submitted: running, sent back, or finished in the last RECENT_DAYS days."""
    since = timezone.now() - datetime.timedelta(days=RECENT_DAYS)
    states = WorkflowState.objects.filter(requested_by=user).filter(
        Q(status__in=[WorkflowState.STATUS_IN_PROGRESS, WorkflowState.STATUS_NEEDS_CHANGES])
        | Q(current_task_state__finished_at__gte=since)
    )
    return _workflow_rows(states.order_by("-created_at", "-pk")[:LIMIT])


def sent_back_to(user):
    """`user`'s submissions an approver sent back, with who did it, when and their comment."""
    states = WorkflowState.objects.filter(
        requested_by=user, status=WorkflowState.STATUS_NEEDS_CHANGES
    ).order_by("-current_task_state__finished_at", "-pk")
    return _workflow_rows(states[:LIMIT])


def _workflow_rows(states):
    states = list(
        states.select_related(
            "content_type",
            "current_task_state__finished_by",
            "current_task_state__revision",
        )
    )
    objects = _objects(
        (state.content_type.model_class(), state.object_id)
        for state in states
        if state.content_type.model_class() is not None
    )
    rows = []
    for state in states:
        model = state.content_type.model_class()
        instance = objects.get((model, state.object_id))
        if instance is None:
            continue  # deleted since
        task_state = state.current_task_state
        revision = task_state.revision if task_state else None
        rejected = state.status == WorkflowState.STATUS_NEEDS_CHANGES and task_state
        rows.append(
            Row(
                title=revision.object_str if revision else str(instance),
                kind=kind(model),
                language=language(instance),
                edit_url=edit_url(model, instance.pk),
                when=task_state.finished_at if rejected else state.created_at,
                person=person(task_state.finished_by) if rejected else "",
                state=SUBMISSION_STATES.get(state.status, state.status),
                comment=(task_state.comment or "") if rejected else "",
            )
        )
    return rows


def _objects(keys):
    """{(model, object id as text): instance} in one query per model (pages: one query for
    all page types, as Page with its locale)."""
    by_model = {}
    for model, object_id in keys:
        base = Page if issubclass(model, Page) else model
        by_model.setdefault(base, set()).add(object_id)
    found = {}
    for base, object_ids in by_model.items():
        for instance in base._default_manager.filter(pk__in=object_ids).select_related("locale"):
            model = instance.specific_class if isinstance(instance, Page) else base
            found[(model or base, str(instance.pk))] = instance
    return found


# Freigabe -------------------------------------------------------------------------------------


def awaiting_review(user):
    """Task states `user` may approve, oldest first, with who submitted and since when."""
    states = (
        TaskState.objects.reviewable_by(user)
        .filter(status=TaskState.STATUS_IN_PROGRESS)
        .select_related(
            "task",
            "revision",
            "workflow_state__requested_by",
            "workflow_state__content_type",
        )
        .order_by("started_at", "pk")
    )
    total = states.count()
    states = list(states[:LIMIT])
    objects = _objects(
        (state.workflow_state.content_type.model_class(), state.workflow_state.object_id)
        for state in states
    )
    actions = {}
    rows = []
    for state in states:
        model = state.workflow_state.content_type.model_class()
        instance = objects.get((model, state.workflow_state.object_id))
        if instance is None:
            continue
        if state.task_id not in actions:
            actions[state.task_id] = _review_actions(state.task.specific, user)
        rows.append(
            Row(
                title=state.revision.object_str if state.revision else str(instance),
                kind=kind(model),
                language=language(instance),
                edit_url=edit_url(model, instance.pk),
                when=state.started_at,
                person=person(state.workflow_state.requested_by),
                actions=tuple(
                    (label, _workflow_action_url(model, instance.pk, name, state.pk), modal)
                    for name, label, modal in actions[state.task_id]
                ),
            )
        )
    return rows, total


def _review_actions(task, user):
    """(name, label, opens a dialog) of the task's moderation actions for `user`."""
    review_actions = getattr(task, "get_review_actions", None)
    return review_actions(user) if review_actions else []


def _workflow_action_url(model, pk, action, task_state_pk):
    if issubclass(model, Page):
        name = "wagtailadmin_pages:workflow_action"
    else:
        name = model.snippet_viewset.get_url_name("workflow_action")
    return reverse(name, args=[quote(pk), action, task_state_pk])


# Administration -------------------------------------------------------------------------------


def start_of_month():
    """Midnight on the first of the current month, in the portal's time zone."""
    now = timezone.localtime()
    return now.replace(day=1, hour=0, minute=0, second=0, microsecond=0)


def published_without_approval(since=None):
    """What was released without approval since `since` (this month): the log entries
    `portal.editorial.publishing` writes for it, for pages and snippets; newest first."""
    since = since or start_of_month()
    entries = []
    for log_model in (PageLogEntry, ModelLogEntry):
        entries += list(
            log_model.objects.filter(action=PUBLISH_WITHOUT_APPROVAL, timestamp__gte=since)
            .select_related("user", "content_type")
            .order_by("-timestamp")[:LIMIT]
        )
    entries.sort(key=lambda entry: entry.timestamp, reverse=True)
    entries = entries[:LIMIT]
    existing = _existing(entries)
    rows = []
    for entry in entries:
        model = entry.content_type.model_class()
        object_id = str(entry.page_id if isinstance(entry, PageLogEntry) else entry.object_id)
        link = ""
        if model is not None and (model, object_id) in existing:
            link = edit_url(model, object_id)
        rows.append(
            Row(
                title=entry.label,
                kind=kind(model) if model else "",
                language=existing.get((model, object_id), ""),
                edit_url=link,
                when=entry.timestamp,
                person=person(entry.user),
            )
        )
    return rows


def _existing(entries):
    """{(model, object id): language} of the logged objects that still exist."""
    keys = []
    for entry in entries:
        model = entry.content_type.model_class()
        if model is not None:
            object_id = entry.page_id if isinstance(entry, PageLogEntry) else entry.object_id
            keys.append((model, str(object_id)))
    return {key: language(instance) for key, instance in _objects(keys).items()}
