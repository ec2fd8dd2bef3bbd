"""Four eyes on the text, not the click; and no silent overwrite from a stale edit form.

Nobody approves a change in which they wrote any revision since the live version, whoever
submitted it. An edit form loaded before someone else saved is refused, not written over
the newer draft.
"""

import json
import re

from django.urls import reverse

from wagtail.models import Page, PageLogEntry, Revision, WorkflowState

import pytest
from bs4 import BeautifulSoup

from partners.models import Partner
from portal.editorial.publishing import approved_publish
from tests.factories import ContactPersonFactory, PartnerFactory
from tests.helpers import (
    edit_url,
    partner_form,
    partner_url,
    second_editor,
    submit,
    topic_form,
    topic_page,
    workflow_action,
)

pytestmark = pytest.mark.django_db

STALE_EDIT_KEPT = "portal.stale_edit_kept"  # the audit log action of a kept stale input

APPROVER_TEXT = "Vom Freigeber geschrieben, unverändert eingereicht."


def live_lead(page):
    return Page.objects.get(pk=page.pk).specific.lead


def approver_writes_editor_submits(client, users, page):
    """The approver saves a draft; the editor submits it without changing a word."""
    client.force_login(users["approver"])
    client.post(edit_url(page), topic_form(page, APPROVER_TEXT))
    client.force_login(users["editor"])
    submit(client, page, APPROVER_TEXT)
    assert page.current_workflow_state.requested_by == users["editor"]


# role × who wrote the change: Y = the approval publishes, - = refused
@pytest.mark.parametrize(
    ("role", "allowed"),
    [("approver", False), ("second_approver", True), ("editor", False), ("administrator", False)],
)
def test_page_written_by_an_approver_is_approved_by_another(
    seeded, client, role_users, role, allowed
):
    page = topic_page()
    approver_writes_editor_submits(client, role_users, page)

    client.force_login(role_users[role])
    workflow_action(client, page, "approve")

    assert (live_lead(page) == APPROVER_TEXT) is allowed


def test_the_approve_button_is_not_offered_to_a_co_author(seeded, client, role_users):
    page = topic_page()
    approver_writes_editor_submits(client, role_users, page)
    client.force_login(role_users["approver"])
    html = client.get(edit_url(page)).content.decode()
    assert 'name="workflow-action-name" value="approve"' not in html


def test_a_co_authored_change_is_not_in_the_approvers_review_list(seeded, client, role_users):
    page = topic_page(title="Gemeinsam geschrieben")
    approver_writes_editor_submits(client, role_users, page)
    approve_url = reverse(
        "wagtailadmin_pages:workflow_action",
        args=[page.pk, "approve", page.current_workflow_task_state.pk],
    )
    client.force_login(role_users["approver"])
    assert approve_url not in client.get("/admin/").content.decode()
    client.force_login(role_users["second_approver"])
    assert approve_url in client.get("/admin/").content.decode()


def test_revisions_before_the_live_version_do_not_count(seeded, client, role_users):
    """The approver wrote the text that is live now; the editor's new change is theirs alone."""
    page = topic_page()
    page.lead = "Vom Freigeber, längst freigegeben."
    with approved_publish():
        page.save_revision(user=role_users["approver"]).publish(user=role_users["second_approver"])

    client.force_login(role_users["editor"])
    submit(client, page, "Neu von der Redaktion.")
    client.force_login(role_users["approver"])
    workflow_action(client, page, "approve")
    assert live_lead(page) == "Neu von der Redaktion."


@pytest.mark.parametrize(("role", "allowed"), [("approver", False), ("second_approver", True)])
def test_partner_written_by_an_approver_is_approved_by_another(
    seeded, client, role_users, role, allowed
):
    partner = PartnerFactory(name="Partner im Test", kind="verband", place="Köln")
    partner.save_revision().publish()
    client.force_login(role_users["approver"])
    client.post(partner_url("edit", partner.pk), partner_form(place="Bielefeld"))
    client.force_login(role_users["editor"])
    client.post(
        partner_url("edit", partner.pk), {**partner_form(place="Bielefeld"), "action-submit": "on"}
    )
    partner.refresh_from_db()
    assert partner.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS

    client.force_login(role_users[role])
    workflow_action(client, partner, "approve")
    assert (Partner.objects.get(pk=partner.pk).place == "Bielefeld") is allowed


# Stale edit forms ----------------------------------------------------------------------------


def loaded_from(client, url):
    """The revision an edit form says it was loaded from, as the browser posts it back."""
    html = client.get(url).content.decode()
    fields = {}
    for name in ("loaded_revision_id", "loaded_revision_created_at"):
        fields[name] = re.search(rf'name="{name}" value="([^"]*)"', html).group(1)
    return fields


def page_now(page):
    return Page.objects.get(pk=page.pk).specific


def latest_lead(page):
    return page_now(page).get_latest_revision_as_object().lead


@pytest.mark.parametrize("action", ["save", "submit"])
def test_a_stale_page_form_does_not_replace_a_newer_draft(seeded, client, role_users, action):
    page = topic_page()
    client.force_login(role_users["editor"])
    stale = loaded_from(client, edit_url(page))

    client.force_login(second_editor())
    fresh = loaded_from(client, edit_url(page))
    client.post(edit_url(page), {**topic_form(page, "Von B, neuer."), **fresh})
    assert latest_lead(page) == "Von B, neuer."
    revisions = Revision.objects.for_instance(page).count()

    client.force_login(role_users["editor"])
    extra = {"action-submit": "on"} if action == "submit" else {}
    response = client.post(
        edit_url(page), {**topic_form(page, "Von A, veraltet."), **stale, **extra}, follow=True
    )

    assert latest_lead(page) == "Von B, neuer."
    assert page.current_workflow_state is None
    html = response.content.decode()
    assert "Nicht gespeichert" in html and "zweite_redaktion" in html
    assert "Von B, neuer." in html  # the form shows the newest draft
    # A's input is kept in the history as a version of its own, next to B's
    kept = Revision.objects.for_instance(page).exclude(pk=page_now(page).latest_revision_id)
    assert Revision.objects.for_instance(page).count() == revisions + 1
    [mine] = [
        r
        for r in kept.filter(user=role_users["editor"])
        if r.as_object().lead == "Von A, veraltet."
    ]
    assert PageLogEntry.objects.filter(page=page, action=STALE_EDIT_KEPT, revision=mine).exists()
    history = client.get(reverse("wagtailadmin_pages:history", args=[page.pk]))
    assert "Veraltete Fassung aufbewahrt" in history.content.decode()


def test_a_current_page_form_saves(seeded, client, role_users):
    page = topic_page()
    client.force_login(role_users["editor"])
    current = loaded_from(client, edit_url(page))
    client.post(edit_url(page), {**topic_form(page, "Aktuell."), **current})
    assert latest_lead(page) == "Aktuell."


@pytest.mark.parametrize(
    "loaded",
    [
        {"loaded_revision_id": "abc"},
        {"loaded_revision_id": "-1"},
        {"loaded_revision_id": "0"},
        {"overwrite_revision_id": "999999"},
    ],
    ids=["not-a-number", "negative", "zero", "unknown-autosave"],
)
def test_bad_loaded_revisions_are_refused(seeded, client, role_users, loaded):
    page = topic_page()
    page.lead = "Bestehender Entwurf."
    page.save_revision(user=role_users["approver"])
    client.force_login(role_users["editor"])
    client.post(edit_url(page), {**topic_form(page, "Überschrieben?"), **loaded})
    assert latest_lead(page) == "Bestehender Entwurf."


def test_a_stale_snippet_form_does_not_replace_a_newer_draft(seeded, client, role_users):
    partner = PartnerFactory(name="Partner im Test", kind="verband", place="Köln")
    partner.save_revision().publish()
    url = partner_url("edit", partner.pk)
    client.force_login(role_users["editor"])
    stale = loaded_from(client, url)

    client.force_login(second_editor())
    client.post(url, {**partner_form(place="Bonn"), **loaded_from(client, url)})

    client.force_login(role_users["editor"])
    response = client.post(url, {**partner_form(place="Aachen"), **stale}, follow=True)

    latest = Partner.objects.get(pk=partner.pk).get_latest_revision_as_object()
    assert latest.place == "Bonn"
    assert "Nicht gespeichert" in response.content.decode()
    kept = Revision.objects.for_instance(partner).filter(user=role_users["editor"])
    assert [revision.as_object().place for revision in kept] == ["Aachen"]


def test_nothing_is_kept_for_a_page_in_moderation(seeded, client, role_users):
    """The page is locked by the workflow: the stale form could not have saved anyway."""
    page = topic_page()
    client.force_login(role_users["editor"])
    stale = loaded_from(client, edit_url(page))
    client.force_login(second_editor())
    client.post(
        edit_url(page),
        {**topic_form(page, "Eingereicht von B."), **loaded_from(client, edit_url(page))},
    )
    client.post(edit_url(page), {**topic_form(page, "Eingereicht von B."), "action-submit": "on"})
    assert page.current_workflow_state is not None
    revisions = Revision.objects.for_instance(page).count()

    client.force_login(role_users["editor"])
    client.post(edit_url(page), {**topic_form(page, "Von A, veraltet."), **stale})
    assert Revision.objects.for_instance(page).count() == revisions
    assert latest_lead(page) == "Eingereicht von B."


# Approving from the edit form ----------------------------------------------------------------


def form_as_the_browser_posts_it(html):
    """The fields of the edit form with the values it was rendered with."""
    soup = BeautifulSoup(html, "html.parser")
    form = soup.find("input", attrs={"name": "loaded_revision_id"}).find_parent("form")
    data = {}
    for field in form.find_all(["input", "textarea", "select"]):
        name = field.get("name")
        if not name or field.get("type") in ("submit", "button", "file"):
            continue
        if field.name == "textarea":
            data[name] = field.text.removeprefix("\n")
        elif field.name == "select":
            chosen = field.find("option", selected=True) or field.find("option")
            data[name] = chosen.get("value", "") if chosen else ""
        elif field.get("type") in ("checkbox", "radio"):
            if field.has_attr("checked"):
                data[name] = field.get("value", "on")
        else:
            data[name] = field.get("value", "")
    return data


def approve_from_the_edit_form(client, url, **changes):
    """Open the edit form, change `changes` (or nothing), confirm "Freigeben" in its dialog."""
    data = form_as_the_browser_posts_it(client.get(url).content.decode())
    data.update(changes)
    data.update(
        {
            "action-workflow-action": "true",
            "workflow-action-name": "approve",
            "workflow-action-extra-data": json.dumps({"comment": ""}),
        }
    )
    return client.post(url, data, follow=True)


def submitted_snippet(kind, client, users):
    """A live snippet whose change (a new place/role "Bielefeld") the editor submitted."""
    if kind == "partner":
        obj = PartnerFactory(name="Partner im Test", kind="verband", place="Köln")
        field = "place"
    else:
        obj = ContactPersonFactory(name="Kim Muster", role="Referentin")
        field = "role"
    obj.save_revision().publish()
    url = reverse(
        f"wagtailsnippets_{obj._meta.app_label}_{obj._meta.model_name}:edit", args=[obj.pk]
    )
    client.force_login(users["editor"])
    data = form_as_the_browser_posts_it(client.get(url).content.decode())
    client.post(url, {**data, field: "Bielefeld", "action-submit": "on"})
    obj.refresh_from_db()
    assert obj.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
    return obj, url, field


@pytest.mark.parametrize("kind", ["partner", "contact_person"])
def test_an_approver_approves_unchanged_from_the_edit_form(seeded, client, role_users, kind):
    obj, url, field = submitted_snippet(kind, client, role_users)
    client.force_login(role_users["approver"])

    response = approve_from_the_edit_form(client, url)

    assert response.status_code == 200
    live = type(obj).objects.get(pk=obj.pk)
    assert getattr(live, field) == "Bielefeld"
    assert live.current_workflow_state is None
    assert not live.has_unpublished_changes
    assert "freigegeben" in response.content.decode()


@pytest.mark.parametrize("kind", ["partner", "contact_person"])
def test_an_approver_who_changed_the_text_in_the_edit_form_is_refused(
    seeded, client, role_users, kind
):
    obj, url, field = submitted_snippet(kind, client, role_users)
    client.force_login(role_users["approver"])

    response = approve_from_the_edit_form(client, url, **{field: "Münster"})

    assert response.redirect_chain == [("/admin/", 302)]
    assert "keinen Zugang" in response.content.decode()
    now = type(obj).objects.get(pk=obj.pk)
    assert getattr(now, field) not in ("Münster", "Bielefeld")
    assert now.current_workflow_state.status == WorkflowState.STATUS_IN_PROGRESS
    # and the change is the approver's now: nobody but a second approver releases it
    workflow_action(client, now, "approve")
    assert getattr(type(obj).objects.get(pk=obj.pk), field) not in ("Münster", "Bielefeld")
    client.force_login(role_users["second_approver"])
    workflow_action(client, now, "approve")
    assert getattr(type(obj).objects.get(pk=obj.pk), field) == "Münster"
