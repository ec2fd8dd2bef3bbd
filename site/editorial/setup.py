"""Put the editorial groups, their permissions and the approval workflow in place.

Idempotent: `manage.py setup_editorial` runs on every `make run` and every deployment and
brings the database back to what `roles` defines. It replaces Wagtail's starter groups
("Editors", "Moderators") and its "Moderators approval" workflow while nobody uses them.
"""

from django.contrib.auth.models import Group, Permission
from django.contrib.contenttypes.models import ContentType
from django.db import transaction

from wagtail.models import (
    Collection,
    GroupCollectionPermission,
    GroupPagePermission,
    Page,
    Workflow,
    WorkflowContentType,
    WorkflowMixin,
    WorkflowPage,
    WorkflowTask,
)
from wagtail.snippets.models import get_snippet_models

from .approval import FourEyesApprovalTask
from .files import pending_collection
from .roles import ADMINISTRATION, ADMINISTRATION_PAGE_PERMISSIONS, ALL_TREES, APPROVERS, ROLES

WORKFLOW_NAME = "Redaktionelle Freigabe"
TASK_NAME = "Freigabe"
WAGTAIL_STARTER_GROUPS = ("Editors", "Moderators")
WAGTAIL_STARTER_WORKFLOW = "Moderators approval"


def permission(label):
    """The Permission for "app_label.codename"."""
    app_label, codename = label.split(".")
    return Permission.objects.get(content_type__app_label=app_label, codename=codename)


def page_permission(codename):
    return Permission.objects.get(content_type__app_label="wagtailcore", codename=codename)


def tree_roots():
    """The pages whose subtrees the roles refer to: the root and each language's home."""
    root = Page.get_first_root_node()
    roots = {ALL_TREES: root}
    for home in root.get_children().select_related("locale"):
        roots.setdefault(home.locale.language_code, home)
    return roots


@transaction.atomic
def setup_editorial():
    """Create or correct the groups and the workflow; returns the groups by name."""
    roots = tree_roots()
    groups = {role.name: apply_role(role, roots) for role in ROLES}
    groups[ADMINISTRATION] = apply_administration(roots)
    pending_collection()  # its view restriction names the groups: after they exist
    remove_wagtail_starter_setup()
    setup_workflow(groups[APPROVERS], roots)
    return groups


def apply_role(role, roots):
    group, _ = Group.objects.get_or_create(name=role.name)
    group.permissions.set([permission(label) for label in role.model_permissions])
    pages = [roots[tree] for tree in role.page_trees if tree in roots]
    set_page_permissions(group, pages, role.page_permissions)
    set_collection_permissions(
        group,
        {
            Collection.get_first_root_node(): role.collection_permissions,
            pending_collection(): role.pending_collection_permissions,
        },
    )
    return group


def apply_administration(roots):
    group, _ = Group.objects.get_or_create(name=ADMINISTRATION)
    group.permissions.set(Permission.objects.all())
    set_page_permissions(group, [roots[ALL_TREES]], ADMINISTRATION_PAGE_PERMISSIONS)
    codenames = Permission.objects.filter(
        content_type__app_label__in=["wagtailimages", "wagtaildocs"],
        content_type__model__in=["image", "document"],
    ).values_list("content_type__app_label", "codename")
    labels = [f"{app}.{codename}" for app, codename in codenames]
    set_collection_permissions(group, {Collection.get_first_root_node(): labels})
    return group


def set_page_permissions(group, pages, codenames):
    wanted = {(page.pk, page_permission(codename).pk) for page in pages for codename in codenames}
    existing = GroupPagePermission.objects.filter(group=group)
    existing.exclude(
        pk__in=[grant.pk for grant in existing if (grant.page_id, grant.permission_id) in wanted]
    ).delete()
    for page_id, permission_id in wanted:
        GroupPagePermission.objects.get_or_create(
            group=group, page_id=page_id, permission_id=permission_id
        )


def set_collection_permissions(group, labels_by_collection):
    """Exactly these rights in these collections; any other grant is taken back."""
    wanted = {
        (collection.pk, permission(label).pk)
        for collection, labels in labels_by_collection.items()
        for label in labels
    }
    existing = GroupCollectionPermission.objects.filter(group=group)
    existing.exclude(
        pk__in=[
            grant.pk for grant in existing if (grant.collection_id, grant.permission_id) in wanted
        ]
    ).delete()
    for collection_id, permission_id in wanted:
        GroupCollectionPermission.objects.get_or_create(
            group=group, collection_id=collection_id, permission_id=permission_id
        )


def remove_wagtail_starter_setup():
    """Wagtail's initial groups and workflow, unless someone has started to use them."""
    Group.objects.filter(name__in=WAGTAIL_STARTER_GROUPS, user__isnull=True).delete()
    starter = Workflow.objects.filter(name=WAGTAIL_STARTER_WORKFLOW).first()
    if starter is not None and not starter.workflow_states.exists():
        tasks = [workflow_task.task for workflow_task in starter.workflow_tasks.all()]
        starter.delete()
        for task in tasks:
            if not task.task_states.exists():
                task.delete()


def setup_workflow(approvers, roots):
    """One approval step by the approvers, on every page tree and every workflow snippet."""
    task = FourEyesApprovalTask.objects.filter(name=TASK_NAME).first()
    if task is None:
        task = FourEyesApprovalTask.objects.create(name=TASK_NAME)
    task.active = True
    task.save()
    task.groups.set([approvers])
    workflow, _ = Workflow.objects.get_or_create(name=WORKFLOW_NAME)
    workflow.active = True
    workflow.save()
    WorkflowTask.objects.get_or_create(workflow=workflow, task=task, defaults={"sort_order": 0})
    for page in roots.values():
        WorkflowPage.objects.update_or_create(page=page, defaults={"workflow": workflow})
    for model in workflow_snippet_models():
        WorkflowContentType.objects.update_or_create(
            content_type=ContentType.objects.get_for_model(model),
            defaults={"workflow": workflow},
        )
    return workflow


def workflow_snippet_models():
    """The registered snippets that go through approval (those with WorkflowMixin)."""
    return [model for model in get_snippet_models() if issubclass(model, WorkflowMixin)]
