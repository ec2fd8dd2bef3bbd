"""Canaries: one per upstream defect the portal works around, each against *stock* upstream.

Each canary exercises Wagtail's (or wagtail-localize's, modelsearch's) own code with the
portal's workaround bypassed and asserts the defect is still there. When an upgrade fixes it,
the canary fails and its message names the workaround to delete, with this test. The
`test_wagtail_already_…` tests are the opposite: they prove that a guard is *not* needed any
more (or never was a workaround), so its module is the portal's policy or can go.
"""

import inspect
import json
import re

from django.contrib.auth.models import AnonymousUser
from django.db import connection
from django.test import RequestFactory

import pytest

from tests.test_api_access import token_for

API = "/api/v3"
HOST = {"HTTP_HOST": "localhost"}
only_on_sqlite = pytest.mark.skipif(
    connection.vendor != "sqlite", reason="a defect of modelsearch's SQLite backend"
)


def source(function):
    """The function's source without whitespace, so reformatting upstream changes nothing."""
    return re.sub(r"\s+", "", inspect.getsource(function))


@pytest.fixture
def stock_api(monkeypatch):
    """The API as stock Wagtail answers it: no portal guard refuses or rewrites a request."""
    from portal.api import guards

    monkeypatch.setattr(guards, "refusal", lambda request: None)
    monkeypatch.setattr(guards, "reduce_search_to_words", lambda request: None)


@pytest.fixture
def superuser_auth(seeded, django_user_model):
    user = django_user_model.objects.create_superuser("canary", "canary@example.org", "x")
    return {"HTTP_AUTHORIZATION": f"Bearer {token_for(user)}", **HOST}


def post_json(client, url, body, auth):
    return client.post(url, json.dumps(body), content_type="application/json", **auth)


# --- Wagtail 8.0.1 API v3: portal.api.guards -------------------------------------------


def test_upstream_offset_beyond_the_database_integers_is_a_500(seeded, client, stock_api):
    response = client.get(f"{API}/pages/?offset={'9' * 25}", **HOST)
    assert response.status_code == 500, (
        "Wagtail bounds ?offset= now (no upstream issue was filed): delete "
        "site/api/guards/integer_range.py (and its entries in GUARDS) and this test"
    )


def test_upstream_nul_in_search_is_a_500(seeded, client, stock_api):
    response = client.get(f"{API}/pages/?search=%00", **HOST)
    assert response.status_code == 500, (
        "Wagtail refuses a NUL in ?search= now (no upstream issue was filed): delete "
        "site/api/guards/nul_characters.py (and its entry in GUARDS) and this test"
    )


def test_upstream_text_user_id_in_revisions_is_a_500(seeded, client, superuser_auth, stock_api):
    page = seeded["de"].pk
    response = client.get(f"{API}/pages/{page}/revisions/?user_id=M", **superuser_auth)
    assert response.status_code == 500, (
        "Wagtail validates the revisions filter user_id now (v2's equivalent: "
        "https://github.com/wagtail/wagtail/issues/7011): delete site/api/guards/user_id.py "
        "(and its entry in GUARDS) and this test"
    )


def test_upstream_copying_the_root_page_is_a_500(seeded, client, superuser_auth, stock_api):
    response = post_json(client, f"{API}/pages/1/actions/copy/", {}, superuser_auth)
    assert response.status_code == 500, (
        "Wagtail refuses copying the root page now (no upstream issue was filed): delete "
        "site/api/guards/root_page_actions.py (and its entry in GUARDS) and this test"
    )


def test_upstream_moving_beside_the_root_page_is_a_500(seeded, client, superuser_auth, stock_api):
    child = seeded["de"].get_children().first().pk
    response = post_json(
        client, f"{API}/pages/{child}/actions/move/", {"destination_id": 1}, superuser_auth
    )
    assert response.status_code == 500, (
        "Wagtail refuses a move beside the root page now (no upstream issue was filed): "
        "delete site/api/guards/move_beside_root.py (and its entry in GUARDS) and this test"
    )


def test_upstream_page_body_that_is_not_an_object_is_a_500(
    seeded, client, superuser_auth, stock_api
):
    from wagtail.api.v3.schemas.base import discriminate_meta_type

    message = (
        "Wagtail validates a page body that is not a JSON object now (no upstream issue was "
        "filed): delete the 500 part of site/api/guards/json_body.py (the 415 and "
        "empty-body rules are policy) and this test"
    )
    with pytest.raises(AttributeError):
        discriminate_meta_type(5)
    response = post_json(client, f"{API}/pages/", 5, superuser_auth)
    assert response.status_code == 500, message


@only_on_sqlite
def test_upstream_lone_quote_in_search_is_a_500_on_sqlite(seeded, client, stock_api):
    response = client.get(f"{API}/pages/?search=%22", **HOST)
    assert response.status_code == 500, (
        "modelsearch's SQLite backend takes a lone '\"' now (no upstream issue was filed): "
        "site/api/guards/search_words.py may stay as policy (the site search reduces to "
        "words too); drop its workaround note and this test"
    )


def test_upstream_malformed_site_in_find_is_a_500(seeded, client, stock_api):
    response = client.get(f"{API}/pages/find/?html_path=/&site=localhost:abc", **HOST)
    assert response.status_code == 500, (
        "Wagtail's find_page refuses a malformed ?site= now (no upstream issue was filed): "
        "delete site/api/guards/site_filter.py (and its entry in GUARDS) and this test"
    )


def test_wagtail_already_refuses_a_malformed_site_in_the_pages_list(seeded, client, stock_api):
    """The list is fine in stock 8.0.1 (400): only find_page needs site_filter.py."""
    assert client.get(f"{API}/pages/?site=a:b", **HOST).status_code == 400


def test_wagtail_answers_a_page_id_that_is_not_a_number_with_422(seeded, client, stock_api):
    """Why site/api/guards/page_ids.py is policy: stock 8.0.1 answers 422, not a 500."""
    for page_id in ("abc", "%C2%B2", "1%1c", "%00"):
        assert client.get(f"{API}/pages/{page_id}/", **HOST).status_code == 422, page_id


@only_on_sqlite
def test_wagtail_answers_a_long_search_on_sqlite(seeded, client, stock_api):
    """Why site/api/guards/search_length.py is policy (on SQLite, at least)."""
    assert client.get(f"{API}/pages/?search={'ä' * 5000}", **HOST).status_code == 200


# --- Wagtail 8.0.1 API v3: portal.api.upstream and portal.api.openapi --------------------


def test_upstream_document_and_image_lists_do_not_select_the_collection(db):
    from wagtail.documents.api.v3 import router as documents
    from wagtail.images.api.v3 import router as images

    request = RequestFactory().get("/api/v3/documents/", **HOST)
    request.user = AnonymousUser()
    for module, name in ((documents, "get_documents_queryset"), (images, "get_images_queryset")):
        stock = inspect.unwrap(getattr(module, name))  # without portal.api.upstream's wrapper
        selected = stock(request).query.select_related
        assert not (isinstance(selected, dict) and "collection" in selected), (
            f"Wagtail's {name} selects the collection now: delete site/api/upstream.py, its "
            "call in portal.api.middleware and this test"
        )


def test_upstream_openapi_anonymous_scheme_lacks_scheme(db):
    from wagtail.api.v3.api import api

    stock = inspect.unwrap(api.get_openapi_schema)  # without portal.api.openapi.repair
    schemes = stock(path_prefix="/api/v3/").get("components", {}).get("securitySchemes", {})
    anonymous = schemes.get("AllowAnonymous", {})
    assert anonymous.get("type") == "http" and "scheme" not in anonymous, (
        "Wagtail's OpenAPI document no longer declares AllowAnonymous as an http scheme "
        "without 'scheme': delete site/api/openapi.py, `openapi.install(api)` in "
        "portal.api.mount and this test"
    )


# --- Wagtail admin ---------------------------------------------------------------------------


def test_upstream_csv_export_writes_formulas_verbatim():
    from wagtail.admin.views.mixins import SpreadsheetExportMixin

    stock = inspect.unwrap(SpreadsheetExportMixin.preprocess_field_value)
    mixin = SpreadsheetExportMixin()
    cell = stock(mixin, "message", "=HYPERLINK(1)", SpreadsheetExportMixin.FORMAT_CSV)
    assert cell == "=HYPERLINK(1)", (
        "Wagtail neutralises formulas in CSV exports now (it had declined: "
        "https://github.com/wagtail/wagtail/issues/3466): check the headings too, then delete "
        "site/csv_injection.py, its call in portal.apps and this test"
    )


def test_upstream_page_slugs_keep_umlauts():
    from wagtail.models import Page

    assert "slugify(self.title,allow_unicode=allow_unicode)" in source(
        Page._set_core_field_defaults
    ), (
        "Wagtail no longer slugifies page titles with Django's language-less slugify "
        "(https://github.com/wagtail/wagtail/issues/11916): if it takes a slugify function or "
        "transliterates German, delete GermanSlugMixin in site/slugs.py and this test"
    )


def stock_static(package, path):
    """A file of an installed package as it ships (not the portal's copy of it)."""
    from importlib import resources

    return resources.files(package).joinpath(path).read_text(encoding="utf-8")


def test_upstream_page_types_share_one_icon():
    template = stock_static("wagtail.admin", "templates/wagtailadmin/pages/add_subpage.html")
    assert re.findall(r"\{% icon [^%]*%\}", template) == [
        '{% icon name="plus-inverse" classname="default w-shrink-0" %}'
    ], (
        "Wagtail's list of page types to create changed its icons: if page types have icons of "
        "their own now, delete the portal's copy of wagtailadmin/pages/add_subpage.html, the "
        "page_type_icon tag (site/templatetags/portal_admin_tags.py) and this test; otherwise "
        "bring the copy up to date"
    )


def test_upstream_slug_field_has_no_german_transliteration():
    script = stock_static("wagtail.admin", "static/wagtailadmin/js/core.js")
    maps = re.findall(r'\{"(\w+_MAP):([\w:]+)"', script)
    assert "LATIN_MAP" in dict(maps) and not [
        name for name, langs in maps if "de" in langs.split(":")
    ], (
        "Wagtail's slug field transliterates German now: delete GermanSlugFormMixin in "
        "site/slugs.py and this test"
    )


def test_upstream_bulk_action_choices_ignore_the_user():
    from wagtail.admin.templatetags.wagtailadmin_tags import bulk_action_choices

    body = source(bulk_action_choices)
    assert "request" not in body and "user" not in body, (
        "Wagtail's bulk_action_choices looks at the user now: delete "
        "site/templatetags/portal_admin_tags.py, the portal's copy of "
        "wagtailadmin/bulk_actions/footer.html and this test"
    )


def test_upstream_notifications_send_inside_the_transaction():
    from wagtail.admin.mail import EmailNotificationMixin

    body = source(EmailNotificationMixin.send_emails)
    assert "send_mail(" in body and "on_commit" not in body, (
        "Wagtail's notifiers no longer send inside the transaction: review "
        "site/editorial/notifications.py (portal policy; see its docstring) and this test"
    )


# --- wagtail-localize 1.14 -------------------------------------------------------------------


def test_upstream_translation_editor_gives_snippets_the_plain_status_panel():
    from wagtail_localize.views import edit_translation

    body = source(edit_translation.edit_translation)
    assert "StatusSidePanel(" in body, "the translation editor builds no status panel any more"
    assert "SnippetStatusSidePanel" not in body and "revisions_compare" not in body, (
        "wagtail-localize gives a snippet's translation editor the history URLs now: delete "
        "site/translation/snippet_status_panel.py, its call in portal.apps, this test and "
        "test_upstream_translation_editor_panel_lacks_snippet_urls in test_admin_no_errors.py"
    )


def test_upstream_translation_editor_has_english_phrases():
    script = stock_static("wagtail_localize", "static/wagtail_localize/js/wagtail-localize.js")
    assert '"More actions"' in script and " translation`" in script, (
        "wagtail-localize's editor no longer writes 'More actions' and '… to … translation' "
        "outside gettext: delete site/static/js/translation-editor.js, its hook in "
        "site/translation/admin_hooks.py and this test"
    )


@pytest.mark.django_db
def test_upstream_translation_comment_dates_are_english():
    import datetime

    from django.utils import translation

    from wagtail_localize.models import StringTranslation

    from portal.translation.comment_dates import STOCK_GET_COMMENT, get_comment

    string = StringTranslation(
        tool_name="seed",
        updated_at=datetime.datetime(2026, 12, 1, 12, tzinfo=datetime.UTC),
    )
    with translation.override("de"):
        stock = STOCK_GET_COMMENT(string)
        portal = get_comment(string)
    assert portal == "Übersetzt mit seed am 1. Dezember 2026"
    assert "December" in stock, (
        "wagtail-localize names the month in the admin's language now: delete "
        "site/translation/comment_dates.py, its call in portal.apps and this test"
    )


def test_upstream_draft_translation_writes_the_live_row():
    from wagtail_localize.models import TranslationSource

    body = source(TranslationSource.create_or_update_translation)
    saved_before_revision = (
        "translation.save()#Createanewrevisionnew_revision=translation.save_revision(user=user)"
    )
    assert saved_before_revision in body, (
        "wagtail-localize no longer saves an existing translation's row before its draft "
        "revision (https://github.com/wagtail/wagtail-localize/issues/655): check that "
        "publish=False leaves a live translation as it is, then let "
        "portal.translation.review.save_translation_draft use wagtail-localize's path for "
        "live translations too, and delete this test"
    )


def test_upstream_convert_to_alias_needs_only_edit_permission():
    from wagtail_localize.views import convert

    body = source(convert.convert_to_alias)
    assert "can_edit()" in body and "has_perm" not in body, (
        "wagtail-localize asks for more than edit permission to convert to an alias now: "
        "delete site/translation/aliases.py (if its rule matches the portal's) and this test"
    )


# --- modelsearch -----------------------------------------------------------------------------


@only_on_sqlite
def test_upstream_sqlite_ranking_is_a_correlated_subquery():
    from modelsearch.backends.database.sqlite.sqlite import SQLiteSearchQueryCompiler

    assert 'OuterRef("pk")' in inspect.getsource(SQLiteSearchQueryCompiler.search), (
        "modelsearch no longer ranks SQLite results with a correlated subquery "
        "(https://github.com/wagtail/django-modelsearch/pull/85 introduced it): measure "
        "tests/test_search_benchmark.py without search/backends/sqlite.py; if it is fast and "
        "weights titles, delete that module and this test"
    )


def test_upstream_postgres_backend_has_one_search_config():
    from modelsearch.backends.database.postgres import postgres

    module = inspect.getsource(postgres)
    assert 'params.get("SEARCH_CONFIG")' in module and "LANGUAGE" not in module.upper(), (
        "modelsearch's PostgreSQL backend knows languages now: delete "
        "search/backends/postgres.py if it configures per object, and this test"
    )
