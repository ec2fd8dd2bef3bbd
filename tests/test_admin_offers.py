"""The admin offers each role only what it may do (issue 15, item 5), and page addresses
are German ASCII like the seed's (item 6).

Each test reads the HTML the admin renders for a role: bulk actions in the page listing,
the "…" menu of a listing row, the page header; and the slug a new page gets in the admin
and through the API.
"""

import json

from django.urls import reverse

from wagtail.models import Page

import pytest

from home.models import SectionPage, TopicPage
from tests.helpers import bearer, convert_url, draft_by, second_editor, section_de

pytestmark = pytest.mark.django_db

ROLES = ("editor", "approver", "second_approver", "translator", "administrator")


def bulk_url(action):
    return reverse("wagtail_bulk_action", args=["wagtailcore", "page", action])


def listing_of_the_role(client, user, role):
    """The page listing a role works in: the English section for translators."""
    client.force_login(user)
    language = "en" if role == "translator" else "de"
    section = SectionPage.objects.get(locale__language_code=language)
    response = client.get(reverse("wagtailadmin_explore", args=[section.pk]))
    assert response.status_code == 200
    return response.content.decode()


# Y = offered, - = not offered; columns in the order of ROLES.
BULK_ACTIONS = {
    "publish": "----Y",
    "unpublish": "-YY-Y",
    "delete": "-YY-Y",
    "move": "YYYYY",  # no portal rule: stays as Wagtail has it
}


@pytest.mark.parametrize("role", ROLES)
@pytest.mark.parametrize("action", BULK_ACTIONS)
def test_page_listing_offers_bulk_actions_by_role(seeded, client, role_users, role, action):
    html = listing_of_the_role(client, role_users[role], role)
    offered = BULK_ACTIONS[action][ROLES.index(role)] == "Y"
    assert (bulk_url(action) in html) is offered


def test_bulk_action_labels_are_absent_for_editors(seeded, client, role_users):
    html = listing_of_the_role(client, role_users["editor"], "editor")
    footer = html[html.index("bulk-actions-buttons") :]
    footer = footer[: footer.index("</ul>")]
    for label in ("Veröffentlichen", "Veröffentlichung aufheben", "Löschen"):
        assert label not in footer


def delete_url(page):
    return reverse("wagtailadmin_pages:delete", args=[page.pk])


@pytest.mark.parametrize(
    ("role", "own", "offered"),
    [
        ("editor", True, True),
        ("editor", False, False),
        ("approver", False, True),
        ("administrator", False, True),
    ],
)
def test_listing_row_offers_delete_where_it_is_allowed(
    seeded, client, role_users, role, own, offered
):
    author = role_users["editor"] if own else second_editor()
    draft = draft_by(author, slug="ein-entwurf")
    html = listing_of_the_role(client, role_users[role], role)
    assert draft.title in html
    assert (delete_url(draft) in html) is offered


def edit_page_html(client, user, page):
    client.force_login(user)
    response = client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    assert response.status_code == 200
    return response.content.decode()


def headless_url(page):
    return reverse("portal_headless_preview", args=[page.pk])


def test_headless_preview_is_not_offered_without_a_front_end(seeded, client, role_users, settings):
    settings.PORTAL_HEADLESS_PREVIEW_URL = ""
    page = section_de()
    assert headless_url(page) not in edit_page_html(client, role_users["administrator"], page)
    html = listing_of_the_role(client, role_users["administrator"], "administrator")
    assert "Headless-Vorschau" not in html


def test_headless_preview_is_offered_with_a_front_end(seeded, client, role_users, settings):
    settings.PORTAL_HEADLESS_PREVIEW_URL = "https://app.example.de/vorschau"
    page = section_de()
    assert headless_url(page) in edit_page_html(client, role_users["editor"], page)
    html = listing_of_the_role(client, role_users["editor"], "editor")
    assert "Headless-Vorschau" in html


def test_translators_are_not_offered_convert_to_alias(english_draft, client, role_users):  # noqa: F811
    translator = role_users["translator"]
    html = edit_page_html(client, translator, english_draft)
    assert convert_url(english_draft) not in html
    assert "In Alias umwandeln" not in html
    listing = listing_of_the_role(client, translator, "translator")
    assert convert_url(english_draft) not in listing


# Slugs ------------------------------------------------------------------------------------

TITLE = "Größe für Übersetzer"
SLUG = "groesse-fuer-uebersetzer"


def add_topic_form(slug):
    from wagtail.test.utils.form_data import nested_form_data, streamfield

    return nested_form_data(
        {
            "title": TITLE,
            "slug": slug,
            "lead": "Vorspann.",
            "body": streamfield([]),
            "sidebar": streamfield([]),
        }
    )


@pytest.mark.parametrize(
    "slug_in_the_form",
    [
        "größe-für-übersetzer",  # what Wagtail's slug field makes of the title in the browser
        "grösse-für-übersetzer",  # typed by hand
    ],
)
def test_a_page_added_in_the_admin_gets_a_german_ascii_slug(
    seeded, client, role_users, slug_in_the_form
):
    client.force_login(role_users["editor"])
    url = reverse("wagtailadmin_pages:add", args=["home", "topicpage", section_de().pk])
    response = client.post(url, add_topic_form(slug_in_the_form))
    assert response.status_code == 302, response.content.decode()[:2000]
    page = TopicPage.objects.get(title=TITLE)
    assert page.slug == SLUG
    assert page.url_path.endswith(f"/{SLUG}/")


def test_a_page_created_through_the_api_gets_a_german_ascii_slug(seeded, client, role_users):
    body = {
        "meta": {"type": "home.TopicPage", "parent_id": section_de().pk},
        "title": TITLE,
        "lead": "Vorspann.",
    }
    response = client.post(
        "/api/v3/pages/",
        data=json.dumps(body),
        content_type="application/json",
        **bearer(role_users["editor"]),
    )
    assert response.status_code in (200, 201), response.content
    assert Page.objects.get(title=TITLE).slug == SLUG


def test_ascii_slugs_stay_as_typed(seeded, role_users):
    page = draft_by(role_users["editor"], slug="grosse-fur-ubersetzer")
    page.title = TITLE
    page.save_revision().publish()
    assert Page.objects.get(pk=page.pk).slug == "grosse-fur-ubersetzer"


# Snippet, document and image listings: offered exactly where the action would not refuse.
LISTINGS = {
    "partners": ("partners", "partner", "wagtailsnippets_partners_partner:list"),
    "contact persons": ("portal", "contactperson", "wagtailsnippets_portal_contactperson:list"),
    "documents": ("downloads", "portaldocument", "wagtaildocs:index"),
    "images": ("portal", "portalimage", "wagtailimages:index"),
}
LISTING_ROLES = ("editor", "approver", "translator", "administrator")
# Y = the listing offers bulk deletion, in the order of LISTING_ROLES; the translator does
# not reach the document and image listings at all.
LISTING_DELETE = {
    "partners": "-Y-Y",
    "contact persons": "-Y-Y",
    "documents": "-Y-Y",
    "images": "-Y-Y",
}


def one_of(listing):
    from wagtail.documents import get_document_model
    from wagtail.images import get_image_model

    from partners.models import Partner
    from portal.contacts import ContactPerson

    model = {
        "partners": Partner,
        "contact persons": ContactPerson,
        "documents": get_document_model(),
        "images": get_image_model(),
    }[listing]
    return model.objects.filter(
        **({"locale__language_code": "de"} if listing in ("partners", "contact persons") else {})
    ).first()


@pytest.mark.parametrize("role", LISTING_ROLES)
@pytest.mark.parametrize("listing", LISTINGS)
def test_listings_offer_bulk_deletion_only_where_it_is_done(
    seeded, client, role_users, role, listing
):
    app_label, model_name, listing_url = LISTINGS[listing]
    client.force_login(role_users[role])
    response = client.get(reverse(listing_url))
    offered = LISTING_DELETE[listing][LISTING_ROLES.index(role)] == "Y"
    delete_url = reverse("wagtail_bulk_action", args=[app_label, model_name, "delete"])
    assert (delete_url in response.content.decode()) is offered

    # what is offered works, what is not would have been refused
    obj = one_of(listing)
    client.post(f"{delete_url}?id={obj.pk}")
    assert type(obj).objects.filter(pk=obj.pk).exists() is not offered


def test_bulk_tagging_of_files_is_offered_where_allowed(seeded, client, role_users):
    for role, offered in (("editor", False), ("approver", True), ("administrator", True)):
        client.force_login(role_users[role])
        html = client.get(reverse("wagtaildocs:index")).content.decode()
        tags = reverse("wagtail_bulk_action", args=["downloads", "portaldocument", "add_tags"])
        assert (tags in html) is offered, role
