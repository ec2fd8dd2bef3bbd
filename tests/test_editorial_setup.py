"""`setup_editorial` keeps the groups and the workflow in shape, however often it runs."""

from io import StringIO

from django.contrib.auth.models import Group, Permission
from django.core.management import call_command

from wagtail.models import GroupPagePermission, Page, Workflow, WorkflowContentType, WorkflowPage

import pytest

from partners.models import Partner
from portal.contacts import ContactPerson
from portal.editorial.roles import EDITORS
from portal.editorial.setup import WORKFLOW_NAME

pytestmark = pytest.mark.django_db


def setup():
    output = StringIO()
    call_command("setup_editorial", stdout=output)
    return output.getvalue()


def test_running_again_changes_nothing(seeded):
    before = (Group.objects.count(), GroupPagePermission.objects.count(), Workflow.objects.count())
    assert WORKFLOW_NAME in setup()
    after = (Group.objects.count(), GroupPagePermission.objects.count(), Workflow.objects.count())
    assert before == after


def test_rights_granted_by_hand_are_taken_back(seeded):
    editors = Group.objects.get(name=EDITORS)
    editors.permissions.add(Permission.objects.get(codename="publish_partner"))
    GroupPagePermission.objects.create(
        group=editors,
        page=Page.get_first_root_node(),
        permission=Permission.objects.get(codename="publish_page"),
    )
    setup()
    assert not editors.permissions.filter(codename="publish_partner").exists()
    assert not GroupPagePermission.objects.filter(
        group=editors, permission__codename="publish_page"
    ).exists()


def test_the_workflow_covers_both_trees_and_the_snippets(seeded):
    workflow = Workflow.objects.get(name=WORKFLOW_NAME)
    homes = {home.pk for home in seeded.values()}
    assert homes <= set(
        WorkflowPage.objects.filter(workflow=workflow).values_list("page", flat=True)
    )
    models = {
        entry.content_type.model_class()
        for entry in WorkflowContentType.objects.filter(workflow=workflow)
    }
    assert {Partner, ContactPerson} <= models
    assert not Group.objects.filter(name__in=["Editors", "Moderators"]).exists()
    assert list(Workflow.objects.values_list("name", flat=True)) == [WORKFLOW_NAME]
