"""Deleting pages: editors their own never-published drafts, everything else Freigabe.

A permission matrix (role × page state × path): each cell deletes through the real admin
view, the bulk action or the API and is judged by whether the page still exists.
"""

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from wagtail.models import Page

import pytest

from partners.models import Partner
from portal.editorial.publishing import approved_publish
from tests.factories import PartnerFactory, TopicPageFactory
from tests.helpers import bearer, draft_by, second_editor, section_de, topic_page

pytestmark = pytest.mark.django_db

ROLES = ("editor", "approver", "administrator")

# Y = deleted, - = refused. Columns in the order of ROLES.
PAGE_STATES = {
    "own_draft": "YYY",
    "other_editors_draft": "-YY",
    "in_moderation": "-YY",
    "scheduled": "-YY",
    "unpublished_after_going_live": "-YY",
    "live": "-YY",
}


def own_draft(users):
    return draft_by(users["editor"])


def other_editors_draft(users):
    return draft_by(second_editor())


def in_moderation(users):
    page = draft_by(users["editor"])
    page.get_workflow().start(page, users["editor"])
    return page


def scheduled(users):
    """The editor's draft, approved to go live tomorrow."""
    page = draft_by(users["editor"])
    page.go_live_at = timezone.now() + timedelta(days=1)
    revision = page.save_revision(user=users["editor"])
    with approved_publish():
        revision.publish(user=users["approver"])
    page = Page.objects.get(pk=page.pk).specific
    assert not page.live and page.scheduled_revision is not None
    return page


def unpublished_after_going_live(users):
    page = draft_by(users["editor"])
    with approved_publish():
        page.get_latest_revision().publish(user=users["approver"])
    Page.objects.get(pk=page.pk).specific.unpublish(user=users["approver"])
    return Page.objects.get(pk=page.pk).specific


def live(users):
    return topic_page()


STATES = {name: globals()[name] for name in PAGE_STATES}


def admin_delete(client, page, user):
    client.force_login(user)
    client.post(reverse("wagtailadmin_pages:delete", args=[page.pk]))


def bulk_delete(client, page, user):
    client.force_login(user)
    url = reverse("wagtail_bulk_action", args=["wagtailcore", "page", "delete"])
    client.post(f"{url}?id={page.pk}")


def api_delete(client, page, user):
    client.delete(f"/api/v3/pages/{page.pk}/", **bearer(user))


def api_delete_action(client, page, user):
    client.delete(f"/api/v3/pages/{page.pk}/actions/delete/", **bearer(user))


PATHS = {
    "admin": admin_delete,
    "bulk": bulk_delete,
    "api": api_delete,
    "api_action": api_delete_action,
}


def cells():
    return [
        pytest.param(role, state, path, allowed == "Y", id=f"{role}-{state}-{path}")
        for state, row in PAGE_STATES.items()
        for role, allowed in zip(ROLES, row, strict=True)
        for path in PATHS
    ]


@pytest.mark.parametrize(("role", "state", "path", "allowed"), cells())
def test_page_deletion(seeded, client, role_users, role, state, path, allowed):
    page = STATES[state](role_users)
    PATHS[path](client, page, role_users[role])
    assert (not Page.objects.filter(pk=page.pk).exists()) is allowed


def test_refusal_says_why(seeded, client, role_users):
    page = other_editors_draft(role_users)
    response = client.delete(f"/api/v3/pages/{page.pk}/", **bearer(role_users["editor"]))
    assert response.status_code == 403
    assert "eigene Entwürfe" in response.json()["detail"]

    client.force_login(role_users["editor"])
    response = client.post(reverse("wagtailadmin_pages:delete", args=[page.pk]), follow=True)
    assert "eigene Entwürfe" in response.content.decode()


def test_a_bulk_delete_with_one_page_not_mine_deletes_nothing(seeded, client, role_users):
    mine = own_draft(role_users)
    theirs = draft_by(second_editor(), slug="fremder-entwurf")
    client.force_login(role_users["editor"])
    url = reverse("wagtail_bulk_action", args=["wagtailcore", "page", "delete"])
    client.post(f"{url}?id={mine.pk}&id={theirs.pk}")
    assert Page.objects.filter(pk__in=[mine.pk, theirs.pk]).count() == 2

    client.post(f"{url}?id=all&childOf={section_de().pk}")
    assert Page.objects.filter(pk__in=[mine.pk, theirs.pk]).count() == 2


def test_a_draft_another_editor_worked_on_is_not_only_mine(seeded, client, role_users):
    page = own_draft(role_users)
    page.save_revision(user=second_editor())
    api_delete(client, page, role_users["editor"])
    assert Page.objects.filter(pk=page.pk).exists()


def test_own_draft_with_a_live_subpage_stays(seeded, client, role_users):
    page = own_draft(role_users)
    child = TopicPageFactory(parent=page, title="Unterseite", slug="unterseite")
    child.save_revision().publish()
    api_delete(client, page, role_users["editor"])
    assert Page.objects.filter(pk=page.pk).exists()
    assert Page.objects.filter(pk=child.pk).exists()


def partner(users, is_live):
    partner = PartnerFactory(name="Löschpartner", kind="verband", place="Köln", live=False)
    partner.save_revision(user=users["editor"])
    if is_live:
        with approved_publish():
            partner.get_latest_revision().publish(user=users["approver"])
    return partner


@pytest.mark.parametrize(
    ("role", "allowed"), [("editor", False), ("approver", True), ("administrator", True)]
)
@pytest.mark.parametrize("is_live", [True, False], ids=["live", "draft"])
def test_partner_deletion(seeded, client, role_users, role, allowed, is_live):
    """Snippets: only Freigabe and Administration hold the delete permission."""
    obj = partner(role_users, is_live)
    client.force_login(role_users[role])
    client.post(reverse("wagtailsnippets_partners_partner:delete", args=[obj.pk]))
    assert (not Partner.objects.filter(pk=obj.pk).exists()) is allowed


def test_the_api_deletes_no_snippets(seeded, client, role_users):
    """Wagtail's v3 snippet endpoints serve no snippet model of the portal."""
    obj = partner(role_users, is_live=False)
    for url in (
        f"/api/v3/snippets/partners.Partner/{obj.pk}/",
        f"/api/v3/snippets/partners.Partner/{obj.pk}/actions/delete/",
    ):
        response = client.delete(url, **bearer(role_users["editor"]))
        assert response.status_code >= 400
    assert Partner.objects.filter(pk=obj.pk).exists()
