"""Only what visitors may see: leak matrix over every endpoint, tokens, writes and preview."""

import datetime
from urllib.parse import parse_qs, urlsplit

from django.contrib.auth.models import Group
from django.core import signing
from django.utils import timezone

from wagtail.models import (
    APIToken,
    Collection,
    CollectionViewRestriction,
    GroupApprovalTask,
    PageViewRestriction,
    Workflow,
    WorkflowPage,
    WorkflowTask,
)

import pytest

from downloads.models import PortalDocument
from home.models import StandardPage
from tests.factories import ContactPersonFactory, PartnerFactory
from tests.helpers import token_for, user_with

API = "/api/v3"
SECRET = "Geheimsache"
LOGIN_ONLY = "Nur-angemeldet"


def get(client, url, token=None, **extra):
    if token:
        extra["HTTP_AUTHORIZATION"] = f"Bearer {token}"
    return client.get(url, HTTP_HOST="localhost", **extra)


def send(client, method, url, token, data=None):
    return getattr(client, method)(
        url,
        data=data or {},
        content_type="application/json",
        HTTP_HOST="localhost",
        HTTP_AUTHORIZATION=f"Bearer {token}",
    )


def add_page(parent, title, slug, live=True):
    page = parent.add_child(instance=StandardPage(title=title, slug=slug, live=live))
    page.save_revision()
    return page


@pytest.fixture
def hidden(seeded, django_user_model):
    """Everything a visitor must never see, each with SECRET in its title or name."""
    home = seeded["de"]
    draft = add_page(home, f"{SECRET} Entwurf", "geheim-entwurf", live=False)
    newer = add_page(home, "Öffentliche Seite", "oeffentlich")
    newer.save_revision().publish()
    newer.title = f"{SECRET} neuere Fassung"
    newer.save_revision()
    moderated = add_page(home, f"{SECRET} in Freigabe", "geheim-freigabe", live=False)
    approvers = Group.objects.create(name="API-Test Freigabe")
    task = GroupApprovalTask.objects.create(name="API-Test Prüfung")
    task.groups.add(approvers)
    workflow = Workflow.objects.create(name="API-Test Workflow", active=True)
    WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    WorkflowPage.objects.create(page=moderated, workflow=workflow)
    author = django_user_model.objects.create_user(username="autorin", password="x" * 16)
    workflow.start(moderated, author)
    scheduled = add_page(home, f"{SECRET} geplant", "geheim-geplant", live=False)
    revision = scheduled.save_revision()
    revision.approved_go_live_at = timezone.now() + datetime.timedelta(days=7)
    revision.save()
    expired = add_page(home, f"{SECRET} abgelaufen", "geheim-abgelaufen")
    expired.save_revision().publish()
    StandardPage.objects.filter(pk=expired.pk).update(live=False, expired=True)
    private = add_page(home, f"{SECRET} intern", "geheim-intern")
    private.save_revision().publish()
    PageViewRestriction.objects.create(page=private, restriction_type=PageViewRestriction.LOGIN)
    below_private = add_page(private, f"{SECRET} darunter", "geheim-darunter")
    below_private.save_revision().publish()
    protected = add_page(home, f"{SECRET} Passwort", "geheim-passwort")
    protected.save_revision().publish()
    PageViewRestriction.objects.create(
        page=protected, restriction_type=PageViewRestriction.PASSWORD, password="kennwort"
    )
    # A collection for one group (no token user of the tests is in it), its sub-collection,
    # and one for any logged-in account: an API token counts as logged in there, as it
    # does in Wagtail, so that one is checked for requests without a valid token only.
    root = Collection.get_first_root_node()
    for_group = root.add_child(name="API-Test Leitung")
    restriction = CollectionViewRestriction.objects.create(
        collection=for_group, restriction_type=CollectionViewRestriction.GROUPS
    )
    restriction.groups.add(Group.objects.create(name="API-Test Leitung"))
    for_login = root.add_child(name="API-Test intern")
    CollectionViewRestriction.objects.create(
        collection=for_login, restriction_type=CollectionViewRestriction.LOGIN
    )
    targets = [
        (SECRET, for_group),
        (SECRET, for_group.add_child(name="API-Test Leitung, Unterordner")),
        (LOGIN_ONLY, for_login),
    ]
    documents = [
        PortalDocument.objects.create(
            title=f"{marker} Dokument {number}",
            file=f"documents/geheim-{number}.pdf",
            file_size=100,
            file_format="pdf",
            collection=target,
        )
        for number, (marker, target) in enumerate(targets)
    ]
    partner = PartnerFactory(
        name=f"{SECRET} Partner",
        kind="polizei",
        place="Geheimstadt",
        live=False,
        locale=home.locale,
    )
    person = ContactPersonFactory(name=f"{SECRET} Person", live=False)
    return {
        "pages": [draft, newer, moderated, scheduled, expired, private, below_private, protected],
        "paths": [
            "/de/geheim-entwurf/",
            "/de/geheim-freigabe/",
            "/de/geheim-geplant/",
            "/de/geheim-abgelaufen/",
            "/de/geheim-intern/",
            "/de/geheim-intern/geheim-darunter/",
            "/de/geheim-passwort/",
        ],
        "documents": documents,
        "partner": partner,
        "person": person,
        "home": home,
        "newer": newer,
        "moderated": moderated,
        "draft": draft,
    }


def probe_urls(hidden):
    home = hidden["home"]
    urls = [
        "/pages/?limit=50",
        "/pages/?limit=50&locale=de",
        f"/pages/?limit=50&child_of={home.pk}",
        f"/pages/?limit=50&descendant_of={home.pk}",
        f"/pages/?search={SECRET}",
        "/pages/?type=home.StandardPage&limit=50",
        f"/pages/{hidden['newer'].pk}/?version=draft",
        "/documents/?limit=50",
        f"/documents/?search={SECRET}",
        "/images/?limit=50",
        "/partners/?limit=50",
        "/partners/?kind=polizei&limit=50",
        "/partners/?place=Geheimstadt",
        "/contact-persons/?limit=50",
        "/press-releases/?limit=50",
    ]
    urls += [f"/pages/{page.pk}/" for page in hidden["pages"]]
    urls += [f"/pages/?child_of={page.pk}" for page in hidden["pages"]]
    urls += [f"/pages/find/?html_path={path}" for path in hidden["paths"]]
    urls += [f"/resolve/?path={path}" for path in hidden["paths"]]
    urls += [f"/documents/{document.pk}/" for document in hidden["documents"]]
    urls += [f"/partners/{hidden['partner'].pk}/", f"/contact-persons/{hidden['person'].pk}/"]
    return urls


@pytest.fixture
def outsider_token(django_user_model):
    """A valid token of a user without any permission (a read-only service account)."""
    return token_for(user_with(django_user_model, "dienst"))


@pytest.mark.parametrize("who", ["anonymous", "invalid token", "revoked token", "outsider token"])
def test_nothing_hidden_leaks_through_any_endpoint(hidden, client, django_user_model, who):
    token = None
    if who == "invalid token":
        token = "wagtail_" + "x" * 33
    elif who == "revoked token":
        editor = user_with(
            django_user_model, "ehemalig", ["add_page", "change_page"], [hidden["home"]]
        )
        token = token_for(editor)
        APIToken.objects.filter(user=editor).update(revoked_at=timezone.now())
    elif who == "outsider token":
        token = token_for(user_with(django_user_model, "dienst2"))
    for url in probe_urls(hidden):
        response = get(client, API + url, token=token, follow=True)
        assert response.status_code < 500, url
        content = response.content.decode()
        assert SECRET not in content, f"{who}: {url}"
        if who != "outsider token":
            assert LOGIN_ONLY not in content, f"{who}: {url}"


def test_hidden_pages_answer_404_and_documents_do_not_download(hidden, client):
    for page in hidden["pages"]:
        if page is hidden["newer"]:
            continue
        assert get(client, f"{API}/pages/{page.pk}/").status_code == 404
    for document in hidden["documents"]:
        assert get(client, f"{API}/documents/{document.pk}/").status_code == 404
        assert client.get(document.url).status_code in (302, 403)
    assert get(client, f"{API}/pages/{hidden['newer'].pk}/").json()["title"] == "Öffentliche Seite"


def test_public_lists_stay_public_even_with_an_editor_token(hidden, client, django_user_model):
    editor = user_with(
        django_user_model, "redakteurin", ["add_page", "change_page"], [hidden["home"]]
    )
    token = token_for(editor)
    for url in [
        "/partners/?limit=50",
        "/contact-persons/?limit=50",
        "/press-releases/?limit=50",
        "/resolve/?path=/de/geheim-entwurf/",
    ]:
        response = get(client, API + url, token=token)
        assert SECRET not in response.content.decode(), url


def test_editor_token_lists_only_pages_it_may_edit(hidden, client, django_user_model):
    editor = user_with(
        django_user_model, "redakteur", ["add_page", "change_page"], [hidden["home"]]
    )
    response = get(client, f"{API}/pages/?limit=50&locale=en", token=token_for(editor))
    assert response.json()["count"] == 0
    response = get(client, f"{API}/pages/?limit=50&locale=de", token=token_for(editor))
    ids = {item["id"] for item in response.json()["items"]}
    assert hidden["draft"].pk in ids
    assert response["Cache-Control"] == "private, no-store"


@pytest.fixture
def admin_token(seeded, admin_user):
    """Administration may publish directly; everyone else publishes by approval."""
    return token_for(admin_user)


def create_draft(client, token, parent, title="Per API"):
    data = {"meta": {"type": "home.StandardPage", "parent_id": parent.pk}, "title": title}
    return send(client, "post", f"{API}/pages/", token, data)


def test_writes_need_a_token(seeded, client):
    home = seeded["de"]
    data = {"meta": {"type": "home.StandardPage", "parent_id": home.pk}, "title": "Anonym"}
    response = client.post(
        f"{API}/pages/", data, content_type="application/json", HTTP_HOST="localhost"
    )
    assert response.status_code == 401
    assert response["Content-Type"] == "application/problem+json"
    assert not StandardPage.objects.filter(title="Anonym").exists()


def test_editor_token_creates_drafts_but_cannot_publish(seeded, client, editor_token):
    home = seeded["de"]
    response = create_draft(client, editor_token, home)
    assert response.status_code == 201, response.content
    page = StandardPage.objects.get(pk=response.json()["id"])
    assert not page.live
    assert get(client, f"{API}/pages/{page.pk}/").status_code == 404
    published = send(client, "post", f"{API}/pages/{page.pk}/actions/publish/", editor_token)
    assert published.status_code == 403
    patched = send(
        client,
        "patch",
        f"{API}/pages/{page.pk}/",
        editor_token,
        {"title": "Trotzdem live?", "meta": {"action": "publish"}},
    )
    assert patched.status_code == 403
    created_live = create_draft(client, editor_token, home, "Sofort live?")
    assert created_live.status_code == 201
    attempt = {
        "meta": {"type": "home.StandardPage", "parent_id": home.pk, "action": "publish"},
        "title": "Direkt veröffentlicht?",
    }
    assert send(client, "post", f"{API}/pages/", editor_token, attempt).status_code == 403
    page.refresh_from_db()
    assert not page.live
    assert not StandardPage.objects.filter(title="Direkt veröffentlicht?", live=True).exists()


def test_editor_token_cannot_change_a_page_in_moderation(hidden, client, editor_token):
    moderated = hidden["moderated"]
    response = send(client, "patch", f"{API}/pages/{moderated.pk}/", editor_token, {"title": "Neu"})
    assert response.status_code == 403
    moderated.refresh_from_db()
    assert moderated.get_latest_revision_as_object().title == f"{SECRET} in Freigabe"


def test_administration_token_may_publish(seeded, client, editor_token, admin_token):
    page_id = create_draft(client, editor_token, seeded["de"]).json()["id"]
    response = send(client, "post", f"{API}/pages/{page_id}/actions/publish/", admin_token)
    assert response.status_code == 200
    assert get(client, f"{API}/pages/{page_id}/").status_code == 200


def test_editor_token_has_no_rights_in_a_tree_it_was_not_given(seeded, client, django_user_model):
    german_editor = user_with(
        django_user_model, "nurdeutsch", ["add_page", "change_page"], [seeded["de"]]
    )
    response = create_draft(client, token_for(german_editor), seeded["en"])
    assert response.status_code == 403


# Headless preview


def preview_link(client, token, page):
    return send(client, "post", f"{API}/preview/links/?page_id={page.pk}", token)


def test_preview_link_shows_the_draft_without_caching_or_referrer(hidden, client, editor_token):
    newer = hidden["newer"]
    response = preview_link(client, editor_token, newer)
    assert response.status_code == 201, response.content
    link = response.json()
    assert link["expires_in"] == 600 and link["page_id"] == newer.pk
    preview = client.get(link["api_url"], HTTP_HOST="localhost")
    assert preview.status_code == 200
    assert preview.json()["title"] == f"{SECRET} neuere Fassung"
    assert preview["Cache-Control"] == "private, no-store"
    assert preview["Referrer-Policy"] == "no-referrer"
    assert get(client, f"{API}/pages/{newer.pk}/").json()["title"] == "Öffentliche Seite"


def test_preview_links_need_edit_rights(hidden, client, outsider_token):
    assert preview_link(client, outsider_token, hidden["draft"]).status_code == 403
    anonymous = client.post(
        f"{API}/preview/links/?page_id={hidden['draft'].pk}", HTTP_HOST="localhost"
    )
    assert anonymous.status_code == 401


@pytest.mark.parametrize("change", ["tampered", "forged", "garbage", "empty"])
def test_bad_preview_tokens_are_refused(hidden, client, editor_token, change):
    token = preview_link(client, editor_token, hidden["draft"]).json()["token"]
    token = {
        "tampered": token[:-2] + ("AA" if not token.endswith("AA") else "BB"),
        "forged": signing.TimestampSigner(key="falsch", salt="portal.api.preview").sign_object(
            {"page": hidden["draft"].pk, "revision": 1}
        ),
        "garbage": "keinToken",
        "empty": "",
    }[change]
    response = client.get(f"{API}/preview/", {"token": token}, HTTP_HOST="localhost")
    assert response.status_code in (400, 422)
    assert response["Cache-Control"] == "private, no-store"
    assert SECRET not in response.content.decode()


def test_expired_preview_tokens_are_refused(hidden, client, editor_token, settings, monkeypatch):
    token = preview_link(client, editor_token, hidden["draft"]).json()["token"]
    later = timezone.now() + datetime.timedelta(seconds=settings.PORTAL_API_PREVIEW_MAX_AGE + 1)
    monkeypatch.setattr(signing.time, "time", later.timestamp)
    response = client.get(f"{API}/preview/", {"token": token}, HTTP_HOST="localhost")
    assert response.status_code == 410
    assert "expired" in response.json()["detail"]


def test_admin_headless_preview_button_redirects_to_the_front_end(
    hidden, client, admin_user, settings
):
    client.force_login(admin_user)
    draft = hidden["draft"]
    settings.PORTAL_HEADLESS_PREVIEW_URL = "https://app.example.de/vorschau"
    edit = client.get(f"/admin/pages/{draft.pk}/edit/")
    assert f"/admin/headless-preview/{draft.pk}/" in edit.content.decode()
    response = client.get(f"/admin/headless-preview/{draft.pk}/")
    assert response.status_code == 302
    assert response["Location"].startswith("https://app.example.de/vorschau?token=")
    client.logout()
    token = parse_qs(urlsplit(response["Location"]).query)["token"][0]
    preview = client.get(f"{API}/preview/", {"token": token}, HTTP_HOST="localhost")
    assert preview.status_code == 200
    assert preview.json()["title"] == draft.title


def test_admin_headless_preview_needs_edit_rights(hidden, client, django_user_model):
    reader = user_with(
        django_user_model, "leserin", model_permissions=["wagtailadmin.access_admin"]
    )
    client.force_login(reader)
    assert client.get(f"/admin/headless-preview/{hidden['draft'].pk}/").status_code in (302, 403)


def test_blocks_show_public_targets_and_leave_hidden_ones_out(hidden, client):
    """Sidebar and body blocks name pages, people and documents: only public ones appear."""
    from home.models import SectionPage
    from portal.blocks import BodyBlock
    from portal.sidebar_blocks import SidebarBlock

    section = SectionPage.objects.get(locale__language_code="de")
    public_page = hidden["newer"]
    public_document = PortalDocument.objects.create(
        title="Öffentliches Dokument", file="documents/oeffentlich.pdf", file_size=5
    )
    live_person = ContactPersonFactory(name="Erika Muster")
    section.sidebar = SidebarBlock().to_python(
        [
            {"type": "related_pages", "value": [hidden["draft"].pk, public_page.pk]},
            {"type": "contacts", "value": [hidden["person"].pk, live_person.pk]},
            {"type": "downloads", "value": [hidden["documents"][0].pk, public_document.pk]},
        ]
    )
    section.body = BodyBlock().to_python(
        [
            {"type": "call_to_action", "value": {"text": "Entwurf", "page": hidden["draft"].pk}},
            {"type": "call_to_action", "value": {"text": "Live", "page": public_page.pk}},
            {"type": "document", "value": {"document": public_document.pk, "text": ""}},
        ]
    )
    section.save_revision().publish()
    data = get(client, f"{API}/pages/{section.pk}/").json()
    assert SECRET not in str(data)
    pages, people, documents = (block["value"] for block in data["sidebar"])
    assert [page["id"] for page in pages] == [public_page.pk]
    assert [person["name"] for person in people] == ["Erika Muster"]
    assert [document["title"] for document in documents] == ["Öffentliches Dokument"]
    draft_link, live_link, document_link = (block["value"] for block in data["body"])
    assert draft_link["page"] is None and draft_link["href"] is None
    assert live_link["href"] == public_page.url
    assert document_link["document"]["url"] == public_document.url
    assert document_link["text"] == "Öffentliches Dokument"
