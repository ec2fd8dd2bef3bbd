"""Files follow the workflow: uploads and replacements reach visitors only once released."""

from django.contrib.auth.models import Group
from django.core import mail
from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from wagtail.images import get_image_model
from wagtail.models import Collection, CollectionViewRestriction, ModelLogEntry

import pytest

from downloads.models import PortalDocument, PublicationPage
from portal.editorial.files import PENDING_COLLECTION, pending_collection
from portal.editorial.publishing import PUBLISH_WITHOUT_APPROVAL, approved_publish
from portal.editorial.roles import APPROVERS
from tests import sample_files

NEW_TEXT = "Neue Fassung der Broschüre"
PENDING_LIST = "/admin/dateien-zur-freigabe/"


pytestmark = pytest.mark.usefixtures("media")


@pytest.fixture
def brochure(seeded):
    document = PortalDocument.objects.get(title__startswith="Migrantenselbstorganisationen")
    document.file.save("leitfaden.pdf", ContentFile(sample_files.pdf_bytes(pages=2)), save=False)
    document.save()
    return document


def download(client, document, filename=None):
    url = reverse("wagtaildocs_serve", args=[document.pk, filename or document.filename])
    return client.get(url, HTTP_HOST="localhost")


def upload(client, user, title, **extra):
    client.force_login(user)
    file = SimpleUploadedFile("neu.pdf", sample_files.pdf_bytes(pages=3, text=NEW_TEXT))
    data = {"title": title, "file": file, "language": "de"} | extra
    response = client.post(reverse("wagtaildocs:add"), data)
    client.logout()
    assert response.status_code == 302, response.content[:500]
    return PortalDocument.objects.get(title=title)


def release_as(client, user, document):
    client.force_login(user)
    url = reverse("portal_release_file", args=["dokument", document.pk])
    response = client.post(url)
    client.logout()
    return response


def refused(response):
    """Wagtail's admin answers a refused request with a redirect to the dashboard."""
    return response.status_code == 403 or (
        response.status_code == 302 and response["Location"] == reverse("wagtailadmin_home")
    )


def test_an_editor_cannot_change_the_live_brochure(client, role_users, brochure):
    before = brochure.file_hash
    client.force_login(role_users["editor"])
    file = SimpleUploadedFile("anders.pdf", sample_files.pdf_bytes(pages=5))
    response = client.post(
        reverse("wagtaildocs:edit", args=[brochure.pk]),
        {"title": "Umbenannt", "file": file, "language": "de"},
    )
    assert refused(response)
    brochure.refresh_from_db()
    assert brochure.file_hash == before
    assert brochure.title.startswith("Migrantenselbstorganisationen")


def test_an_editors_upload_is_not_public_until_released(client, role_users, brochure):
    document = upload(client, role_users["editor"], "Neues Faltblatt")
    assert document.collection.name == PENDING_COLLECTION
    assert download(client, document).status_code in (302, 403)
    listed = client.get("/api/v3/documents/?limit=50", HTTP_HOST="localhost").json()
    assert "Neues Faltblatt" not in [item["title"] for item in listed["items"]]
    found = client.get("/de/suche/", {"q": "Faltblatt"}, HTTP_HOST="localhost")
    assert "Neues Faltblatt" not in found.content.decode()

    assert release_as(client, role_users["approver"], document)["Location"] == PENDING_LIST
    document.refresh_from_db()
    assert document.collection_id == Collection.get_first_root_node().pk
    assert download(client, document).status_code == 200


def test_a_replacement_keeps_the_address_and_serves_the_old_file_until_released(
    client, role_users, brochure, django_capture_on_commit_callbacks
):
    old_name, old_hash, old_path = brochure.filename, brochure.file_hash, brochure.file.name
    replacement = upload(
        client, role_users["editor"], "Leitfaden, neue Auflage", replaces=brochure.pk
    )
    response = download(client, brochure)
    assert response.status_code == 200
    brochure.refresh_from_db()
    assert brochure.file_hash == old_hash

    with django_capture_on_commit_callbacks(execute=True):
        released = release_as(client, role_users["approver"], replacement)
    assert released["Location"] == PENDING_LIST
    brochure.refresh_from_db()
    assert brochure.file_hash != old_hash
    assert brochure.file.storage.exists(brochure.file.name)
    assert not brochure.file.storage.exists(old_path)
    assert brochure.page_count == 3
    assert not PortalDocument.objects.filter(pk=replacement.pk).exists()
    assert download(client, brochure).status_code == 200
    redirect = download(client, brochure, filename=old_name)
    assert redirect.status_code == 302
    assert redirect["Location"] == brochure.url
    assert download(client, brochure, filename="erfunden.pdf").status_code == 404


def test_nobody_releases_their_own_upload_but_administration_is_recorded(
    client, role_users, brochure
):
    approver = role_users["approver"]
    document = upload(client, approver, "Eigener Upload")
    assert refused(release_as(client, approver, document))
    document.refresh_from_db()
    assert document.collection.name == PENDING_COLLECTION

    mail.outbox.clear()
    assert release_as(client, role_users["administrator"], document)["Location"] == PENDING_LIST
    document.refresh_from_db()
    assert document.collection_id == Collection.get_first_root_node().pk
    assert ModelLogEntry.objects.filter(
        object_id=str(document.pk), action=PUBLISH_WITHOUT_APPROVAL
    ).exists()


def test_an_editor_cannot_release_or_see_the_release_list(client, role_users, brochure):
    document = upload(client, role_users["editor"], "Nicht selbst freigeben")
    assert refused(release_as(client, role_users["editor"], document))
    client.force_login(role_users["editor"])
    assert refused(client.get(reverse("portal_pending_files")))
    client.force_login(role_users["approver"])
    listing = client.get(reverse("portal_pending_files"))
    assert "Nicht selbst freigeben" in listing.content.decode()


def test_approving_a_page_releases_the_files_it_uses(client, role_users, brochure):
    document = upload(client, role_users["editor"], "Neue Broschüre")
    page = PublicationPage.objects.filter(locale__language_code="de").first()
    page.document = document
    revision = page.save_revision(user=role_users["editor"])
    with approved_publish():
        revision.publish(user=role_users["approver"])
    document.refresh_from_db()
    assert document.collection_id == Collection.get_first_root_node().pk
    assert download(client, document).status_code == 200


@pytest.fixture
def internal_collection(seeded):
    collection = Collection.get_first_root_node().add_child(name="Intern")
    restriction = CollectionViewRestriction.objects.create(
        collection=collection, restriction_type=CollectionViewRestriction.GROUPS
    )
    restriction.groups.set([Group.objects.get(name=APPROVERS)])
    return collection


def test_a_document_restricted_to_approvers_is_closed_to_editors(
    client, role_users, internal_collection
):
    document = PortalDocument.objects.create(
        title="Interner Vermerk",
        file=ContentFile(sample_files.pdf_bytes(), name="vermerk.pdf"),
        collection=internal_collection,
    )
    client.force_login(role_users["editor"])
    edit = reverse("wagtaildocs:edit", args=[document.pk])
    assert refused(client.get(edit))
    client.post(edit, {"title": "Öffentlich", "collection": Collection.get_first_root_node().pk})
    document.refresh_from_db()
    assert (document.title, document.collection_id) == ("Interner Vermerk", internal_collection.pk)
    listing = client.get(reverse("wagtaildocs:index"))
    assert "Interner Vermerk" not in listing.content.decode()


def test_an_editor_cannot_replace_the_file_of_a_public_image(client, role_users, seeded):
    image = get_image_model().objects.create(
        title="Titelbild",
        file=ContentFile(sample_files.jpeg_bytes(), name="titel.jpg"),
        collection=Collection.get_first_root_node(),
    )
    before = image.file.name
    client.force_login(role_users["editor"])
    client.post(
        reverse("wagtailimages:edit", args=[image.pk]),
        {"title": "Titelbild", "file": SimpleUploadedFile("anders.jpg", sample_files.jpeg_bytes())},
    )
    image.refresh_from_db()
    assert image.file.name == before


def test_the_pending_collection_is_restricted_to_the_editorial_groups(seeded):
    collection = pending_collection()
    restriction = CollectionViewRestriction.objects.get(collection=collection)
    assert restriction.restriction_type == CollectionViewRestriction.GROUPS
    assert set(restriction.groups.values_list("name", flat=True)) == {
        "Redaktion",
        "Freigabe",
        "Übersetzung",
        "Administration",
    }


def recorded_without_approval(file):
    return ModelLogEntry.objects.filter(
        object_id=str(file.pk), action=PUBLISH_WITHOUT_APPROVAL
    ).exists()


def test_a_public_upload_by_administration_is_recorded(client, role_users, brochure):
    root = Collection.get_first_root_node()
    document = upload(client, role_users["administrator"], "Notfall-Info", collection=root.pk)
    assert document.collection_id == root.pk
    assert recorded_without_approval(document)


def test_an_approvers_change_to_a_public_file_is_recorded_and_mailed(
    client, role_users, brochure, django_capture_on_commit_callbacks
):
    client.force_login(role_users["approver"])
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            reverse("wagtaildocs:edit", args=[brochure.pk]),
            {"title": "Leitfaden (korrigiert)", "language": "de"},
        )
    assert response.status_code == 302
    assert recorded_without_approval(brochure)
    assert any("Leitfaden (korrigiert)" in message.subject for message in mail.outbox)
    assert role_users["second_approver"].email in {
        address for message in mail.outbox for address in message.to
    }


def test_an_upload_through_the_api_lands_in_the_pending_collection(client, role_users, seeded):
    from tests.helpers import token_for

    response = client.post(
        "/api/v3/documents/",
        {"title": "Per API", "file": SimpleUploadedFile("api.pdf", sample_files.pdf_bytes())},
        HTTP_HOST="localhost",
        HTTP_AUTHORIZATION=f"Bearer {token_for(role_users['editor'])}",
    )
    assert response.status_code == 201, response.content
    document = PortalDocument.objects.get(title="Per API")
    assert document.collection.name == PENDING_COLLECTION
    assert download(client, document).status_code in (302, 403)
    assert not recorded_without_approval(document)


def test_after_datei_ersetzen_the_old_address_redirects(client, role_users, brochure):
    """Freigabe replaces the file in Wagtail's own edit form (recorded as a direct publish)."""
    old_name = brochure.filename
    client.force_login(role_users["approver"])
    response = client.post(
        reverse("wagtaildocs:edit", args=[brochure.pk]),
        {
            "title": brochure.title,
            "language": "de",
            "file": SimpleUploadedFile("leitfaden-2027.pdf", sample_files.pdf_bytes(pages=4)),
        },
    )
    assert response.status_code == 302
    brochure.refresh_from_db()
    assert brochure.filename != old_name
    client.logout()
    redirect = download(client, brochure, filename=old_name)
    assert (redirect.status_code, redirect["Location"]) == (302, brochure.url)
    assert download(client, brochure).status_code == 200


# The editor's document listing with two documents.
LISTING_BUDGET = 25  # measured 21 on SQLite; headroom for other databases


def test_the_document_listing_costs_the_same_for_more_documents(
    client, role_users, seeded, django_assert_max_num_queries
):
    """No query per row for the editor, whose rights exclude restricted collections."""
    pending = pending_collection()
    client.force_login(role_users["editor"])

    def queries_for_listing():
        with django_assert_max_num_queries(LISTING_BUDGET) as context:
            assert client.get(reverse("wagtaildocs:index")).status_code == 200
        return len(context)

    def add_documents(count):
        for number in range(count):
            PortalDocument.objects.create(
                title=f"Entwurf {number}",
                file=ContentFile(sample_files.pdf_bytes(pages=1), name=f"entwurf-{number}.pdf"),
                collection=pending,
                uploaded_by_user=role_users["editor"],
            )

    add_documents(2)
    few = queries_for_listing()
    add_documents(10)
    assert queries_for_listing() == few
