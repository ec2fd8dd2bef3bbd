"""Every publish path respects the workflow: the API (v3) included."""

import json

from django.core.exceptions import PermissionDenied

from wagtail.actions import action_registry
from wagtail.models import Page, PageLogEntry

import pytest

from partners.models import Partner
from portal.editorial.publishing import PUBLISH_WITHOUT_APPROVAL
from tests.factories import PartnerFactory
from tests.helpers import bearer, section_de, topic_page

pytestmark = pytest.mark.django_db


def with_draft(page, lead):
    page.lead = lead
    page.save_revision()
    return page


@pytest.mark.parametrize(
    ("role", "allowed"),
    [("editor", False), ("translator", False), ("approver", False), ("administrator", True)],
)
def test_publish_action(seeded, client, role_users, role, allowed):
    page = with_draft(topic_page(), "Per API veröffentlicht.")
    response = client.post(f"/api/v3/pages/{page.pk}/actions/publish/", **bearer(role_users[role]))
    published = Page.objects.get(pk=page.pk).specific.lead == "Per API veröffentlicht."
    assert published is allowed
    assert (response.status_code == 200) is allowed
    if not allowed:
        assert response.status_code in (401, 403)
        assert response.json()["detail"]


def test_direct_api_publish_by_administration_is_recorded(seeded, client, role_users):
    page = with_draft(topic_page(), "Per API.")
    client.post(f"/api/v3/pages/{page.pk}/actions/publish/", **bearer(role_users["administrator"]))
    assert PageLogEntry.objects.filter(page=page, action=PUBLISH_WITHOUT_APPROVAL).exists()


@pytest.mark.parametrize("role", ["editor", "approver"])
def test_create_with_publish_is_refused(seeded, client, role_users, role):
    body = {
        "meta": {"type": "home.TopicPage", "parent_id": section_de().pk, "action": "publish"},
        "title": "Sofort live?",
        "slug": "sofort-live",
        "lead": "Nein.",
    }
    response = client.post(
        "/api/v3/pages/",
        data=json.dumps(body),
        content_type="application/json",
        **bearer(role_users[role]),
    )
    assert response.status_code == 403
    assert not Page.objects.filter(slug="sofort-live", live=True).exists()


@pytest.mark.parametrize("role", ["editor", "approver"])
def test_update_with_publish_is_refused(seeded, client, role_users, role):
    page = topic_page()
    response = client.patch(
        f"/api/v3/pages/{page.pk}/",
        data=json.dumps({"meta": {"action": "publish"}, "lead": "Heimlich geändert."}),
        content_type="application/json",
        **bearer(role_users[role]),
    )
    assert response.status_code == 403
    assert Page.objects.get(pk=page.pk).specific.lead != "Heimlich geändert."


@pytest.mark.parametrize(("role", "allowed"), [("approver", False), ("administrator", True)])
def test_snippet_publish_through_the_action_registry(seeded, role_users, role, allowed):
    """The API's snippet endpoints publish through the registered action, like this."""
    partner = PartnerFactory(name="API-Partner", kind="verband", place="Köln", live=False)
    revision = partner.save_revision()
    action = action_registry.get_action_class(Partner, "publish")(revision, user=role_users[role])
    if allowed:
        action.execute()
    else:
        with pytest.raises(PermissionDenied, match="Redaktionelle Freigabe"):
            action.execute()
    assert Partner.objects.get(pk=partner.pk).live is allowed
