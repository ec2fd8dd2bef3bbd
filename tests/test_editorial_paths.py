"""Every other path to visitors is closed or recorded: search promotions, "convert to alias",
aliases and copies (API and admin), removing a view restriction.

Each row is tried through the real admin view or API endpoint and judged by what visitors
would get and what the audit log and the approvers' mailbox say.
"""

import json

from django.core import mail
from django.urls import reverse

from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import Page, PageLogEntry, PageViewRestriction

import pytest

from home.models import TopicPage
from portal.editorial.publishing import PUBLISH_WITHOUT_APPROVAL
from tests.factories import TopicPageFactory
from tests.helpers import bearer, convert_url, section_de, topic_page

pytestmark = pytest.mark.django_db


def recorded(page):
    return PageLogEntry.objects.filter(page_id=page.pk, action=PUBLISH_WITHOUT_APPROVAL).exists()


def approvers_were_mailed():
    recipients = {address for message in mail.outbox for address in message.to}
    return {"approver@example.org", "second_approver@example.org"} <= recipients


# (a) Search promotions ------------------------------------------------------------------------

PROMOTION = {
    "query_string": "ausbildung",
    "editors_picks-TOTAL_FORMS": 1,
    "editors_picks-INITIAL_FORMS": 0,
    "editors_picks-MAX_NUM_FORMS": 1000,
    "editors_picks-0-DELETE": "",
    "editors_picks-0-ORDER": 0,
    "editors_picks-0-page": "",
    "editors_picks-0-external_link_url": "https://werbung.example/",
    "editors_picks-0-external_link_text": "Hier klicken",
    "editors_picks-0-description": "",
}


def existing_promotion():
    return SearchPromotion.objects.create(
        query=Query.get("pflege"),
        external_link_url="https://www.mkjfgfi.nrw/",
        external_link_text="MKJFGFI",
        sort_order=0,
    )


def promotion_add(client):
    client.post(reverse("wagtailsearchpromotions:add"), PROMOTION)
    return SearchPromotion.objects.filter(external_link_url="https://werbung.example/").exists()


def promotion_edit(client):
    promotion = existing_promotion()
    form = {
        **PROMOTION,
        "query_string": "pflege",
        "editors_picks-INITIAL_FORMS": 1,
        "editors_picks-0-id": promotion.pk,
    }
    client.post(reverse("wagtailsearchpromotions:edit", args=[promotion.query_id]), form)
    return SearchPromotion.objects.filter(external_link_url="https://werbung.example/").exists()


def promotion_delete(client):
    promotion = existing_promotion()
    client.post(reverse("wagtailsearchpromotions:delete", args=[promotion.query_id]))
    return not SearchPromotion.objects.filter(pk=promotion.pk).exists()


PROMOTION_ACTIONS = {"add": promotion_add, "edit": promotion_edit, "delete": promotion_delete}


@pytest.mark.parametrize(
    ("role", "allowed"),
    [("editor", False), ("translator", False), ("approver", True), ("administrator", True)],
)
@pytest.mark.parametrize("action", list(PROMOTION_ACTIONS))
def test_search_promotions(seeded, client, role_users, role, action, allowed):
    client.force_login(role_users[role])
    assert PROMOTION_ACTIONS[action](client) is allowed


def test_editors_still_see_the_promotions(seeded, client, role_users):
    existing_promotion()
    client.force_login(role_users["editor"])
    response = client.get(reverse("wagtailsearchpromotions:index"))
    assert response.status_code == 200
    assert "pflege" in response.content.decode()


def test_an_editors_promotion_never_reaches_the_public_search(seeded, client, role_users):
    client.force_login(role_users["editor"])
    client.post(reverse("wagtailsearchpromotions:add"), PROMOTION)
    client.logout()
    html = client.get("/de/suche/", {"q": "ausbildung"}).content.decode()
    assert "werbung.example" not in html


# (b) wagtail-localize's "convert to alias" ----------------------------------------------------


@pytest.mark.parametrize(
    ("role", "allowed"),
    [("translator", False), ("editor", False), ("approver", False), ("administrator", True)],
)
def test_convert_to_alias(
    english_draft, client, role_users, role, allowed, django_capture_on_commit_callbacks
):
    client.force_login(role_users[role])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(convert_url(english_draft))

    page = Page.objects.get(pk=english_draft.pk)
    assert (page.alias_of_id is not None) is allowed
    assert page.live is allowed
    if allowed:
        assert recorded(page) and approvers_were_mailed()
    else:
        assert response.status_code in (302, 403)  # the admin redirects a refusal
        client.logout()
        assert client.get("/en/integration-and-work/neue-seite/").status_code == 404


def test_convert_to_alias_is_not_offered_to_translators(english_draft, client, role_users):
    client.force_login(role_users["translator"])
    html = client.get(reverse("wagtailadmin_pages:edit", args=[english_draft.pk])).content
    assert b"convertToAliasUrl" in html  # the translation editor is open
    assert convert_url(english_draft).encode() not in html
    response = client.get(convert_url(english_draft))
    assert response.status_code in (302, 403)
    assert b"convert_to_alias" not in response.content


def test_convert_to_alias_is_offered_to_administration(english_draft, client, role_users):
    client.force_login(role_users["administrator"])
    html = client.get(reverse("wagtailadmin_pages:edit", args=[english_draft.pk])).content
    assert convert_url(english_draft).encode() in html


@pytest.mark.parametrize(("role", "offered"), [("translator", False), ("administrator", True)])
def test_the_page_editor_menu_offers_convert_to_alias_only_to_administration(
    english_draft, client, role_users, role, offered
):
    """After "stop translation" the English page opens in Wagtail's own editor."""
    from wagtail_localize.models import Translation

    Translation.objects.filter(
        source__object_id=english_draft.translation_key, target_locale=english_draft.locale
    ).update(enabled=False)
    client.force_login(role_users[role])
    html = client.get(reverse("wagtailadmin_pages:edit", args=[english_draft.pk])).content
    assert b'name="localize-restart-translation"' in html  # Wagtail's editor, not localize's
    assert (b'name="localize-convert-to-alias"' in html) is offered


# (c) Aliases and copies -----------------------------------------------------------------------


def api_post(client, url, user, body):
    return client.post(url, data=json.dumps(body), content_type="application/json", **bearer(user))


def new_pages_under(parent, before):
    return Page.objects.filter(path__startswith=parent.path).exclude(pk__in=before)


@pytest.mark.parametrize(
    ("role", "allowed"), [("editor", False), ("approver", False), ("administrator", True)]
)
def test_api_alias_of_a_live_page(
    seeded, client, role_users, role, allowed, django_capture_on_commit_callbacks
):
    page = topic_page()
    before = list(Page.objects.values_list("pk", flat=True))
    with django_capture_on_commit_callbacks(execute=True):
        response = api_post(
            client,
            f"/api/v3/pages/{page.pk}/actions/create_alias/",
            role_users[role],
            {"slug": "alias-im-test"},
        )
    aliases = new_pages_under(section_de(), before)
    assert aliases.exists() is allowed
    if allowed:
        assert response.status_code == 201
        [alias] = aliases
        assert alias.live and recorded(alias) and approvers_were_mailed()
    else:
        assert response.status_code == 403


def test_api_alias_for_translation_by_a_superuser_is_recorded(
    seeded, client, role_users, admin_user, django_capture_on_commit_callbacks
):
    """Wagtail lets only holders of `simple_translation.submit_translation` (not installed:
    superusers) copy for translation; a live alias in the English tree is recorded."""
    page = topic_page()
    with django_capture_on_commit_callbacks(execute=True):
        response = api_post(
            client,
            f"/api/v3/pages/{page.pk}/actions/copy_for_translation/",
            admin_user,
            {"locale": "en", "alias": True},
        )
    assert response.status_code == 201
    alias = Page.objects.get(pk=response.json()["id"])
    assert alias.live and alias.alias_of_id == page.pk
    assert recorded(alias) and approvers_were_mailed()


@pytest.mark.parametrize("role", ["approver", "administrator"])
def test_api_alias_for_translation_needs_more_than_a_role(seeded, client, role_users, role):
    page = topic_page()
    response = api_post(
        client,
        f"/api/v3/pages/{page.pk}/actions/copy_for_translation/",
        role_users[role],
        {"locale": "en", "alias": True},
    )
    assert response.status_code == 403
    assert not Page.objects.filter(alias_of=page).exists()


def test_api_alias_of_a_draft_stays_a_draft(seeded, client, role_users):
    draft = TopicPageFactory(parent=section_de(), title="Entwurf", slug="entwurf", live=False)
    response = api_post(
        client,
        f"/api/v3/pages/{draft.pk}/actions/create_alias/",
        role_users["approver"],
        {"slug": "alias-eines-entwurfs"},
    )
    assert response.status_code == 201
    assert not Page.objects.get(slug="alias-eines-entwurfs").live


@pytest.mark.parametrize(
    ("role", "keep_live", "allowed"),
    [
        ("approver", True, False),
        ("approver", False, True),
        ("editor", False, True),
        ("administrator", True, True),
    ],
)
def test_api_copy(seeded, client, role_users, role, keep_live, allowed):
    page = topic_page()
    response = api_post(
        client,
        f"/api/v3/pages/{page.pk}/actions/copy/",
        role_users[role],
        {"slug": "kopie-im-test", "keep_live": keep_live},
    )
    copy = TopicPage.objects.filter(slug="kopie-im-test").first()
    assert (copy is not None) is allowed
    if allowed:
        assert response.status_code == 201
        assert copy.live is keep_live
        assert recorded(copy) is keep_live
    else:
        assert response.status_code == 403


def admin_copy(client, page, **options):
    form = {
        "new_title": "Kopie im Admin",
        "new_slug": "kopie-im-admin",
        "new_parent_page": section_de().pk,
        **{name: "on" for name, wanted in options.items() if wanted},
    }
    return client.post(reverse("wagtailadmin_pages:copy", args=[page.pk]), form)


@pytest.mark.parametrize(
    ("role", "option", "allowed"),
    [
        ("approver", "publish_copies", False),
        ("approver", "alias", False),
        ("approver", None, True),
        ("administrator", "publish_copies", True),
        ("administrator", "alias", True),
    ],
)
def test_admin_copy(seeded, client, role_users, role, option, allowed):
    page = topic_page()
    client.force_login(role_users[role])
    admin_copy(client, page, **({option: True} if option else {}))
    copy = Page.objects.filter(slug="kopie-im-admin").first()
    if option is None:
        assert copy is not None and not copy.live
        return
    assert (copy is not None) is allowed
    if allowed:
        assert copy.live and recorded(copy)


# (d) Removing a view restriction ------------------------------------------------------------


def privacy(client, page, restriction_type):
    return client.post(
        reverse("wagtailadmin_pages:set_privacy", args=[page.pk]),
        {"restriction_type": restriction_type, "password": "", "groups": []},
    )


@pytest.mark.parametrize(
    ("role", "allowed"), [("editor", False), ("approver", True), ("administrator", True)]
)
def test_removing_a_view_restriction(
    seeded, client, role_users, role, allowed, django_capture_on_commit_callbacks
):
    page = topic_page()
    PageViewRestriction.objects.create(page=page, restriction_type="login")
    client.force_login(role_users[role])
    with django_capture_on_commit_callbacks(execute=True):
        privacy(client, page, "none")

    public = not PageViewRestriction.objects.filter(page=page).exists()
    assert public is allowed
    assert recorded(page) is allowed
    if allowed and role == "administrator":
        assert approvers_were_mailed()


def test_removing_a_restriction_below_a_restricted_page_is_not_a_release(
    seeded, client, role_users
):
    parent = topic_page()
    PageViewRestriction.objects.create(page=parent, restriction_type="login")
    child = TopicPageFactory(parent=parent, title="Unterseite", slug="unterseite")
    child.save_revision().publish()
    PageViewRestriction.objects.create(page=child, restriction_type="login")
    client.force_login(role_users["approver"])
    privacy(client, child, "none")
    assert not recorded(child)


def test_adding_a_restriction_is_not_recorded(seeded, client, role_users):
    page = topic_page()
    client.force_login(role_users["approver"])
    privacy(client, page, "login")
    assert PageViewRestriction.objects.filter(page=page).exists()
    assert not recorded(page)


@pytest.mark.parametrize(
    ("restricted_before", "expected"), [(True, True), (False, False)], ids=["restricted", "public"]
)
def test_moving_a_page_out_of_a_restricted_section_is_recorded(
    seeded, client, role_users, restricted_before, expected
):
    section = topic_page(title="Interner Bereich", slug="interner-bereich")
    if restricted_before:
        PageViewRestriction.objects.create(page=section, restriction_type="login")
    page = TopicPageFactory(parent=section, title="Nach draußen", slug="nach-draussen")
    page.save_revision().publish()
    client.force_login(role_users["approver"])
    client.post(reverse("wagtailadmin_pages:move_confirm", args=[page.pk, section_de().pk]))

    assert Page.objects.get(pk=page.pk).get_parent().pk == section_de().pk
    assert recorded(page) is expected
