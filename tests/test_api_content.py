"""The headless API: what a front end reads, in both languages, and how it is served."""

import json

from django.test.utils import override_settings

import pytest
import schemathesis

from downloads.models import PortalDocument, PublicationPage
from home.models import ContactPage, SectionPage, StandardPage, TopicPage
from partners.models import Partner, PartnerIndexPage
from press.models import PressReleaseIndexPage, PressReleasePage
from tests.helpers import PRODUCTION_ENV, manage

API = "/api/v3"


def get(client, url, **headers):
    return client.get(url, HTTP_HOST="localhost", **headers)


def detail(client, page):
    response = get(client, f"{API}/pages/{page.pk}/")
    assert response.status_code == 200, response.content
    return response.json()


@pytest.fixture
def schema(client, db):
    response = get(client, f"{API}/openapi.json")
    assert response.status_code == 200
    return response.json()


def test_schema_is_valid_openapi_and_lists_the_portal_endpoints(schema):
    schemathesis.openapi.from_dict(schema).validate()  # raises on an invalid document
    for path in [
        "/pages/",
        "/documents/",
        "/images/",
        "/partners/",
        "/press-releases/",
        "/contact-persons/",
        "/resolve/",
        "/preview/",
        "/locales/",
    ]:
        assert f"{API}{path}" in schema["paths"], path
    partner = schema["components"]["schemas"]["PartnerSchema"]["properties"]
    assert {"name", "kind", "place", "logo", "measures", "locale"} <= set(partner)


def test_schema_types_the_portal_fields_of_each_page_type(schema):
    components = schema["components"]["schemas"]
    publication = json.dumps(components["PublicationPageSchema"])
    assert "RenditionSchema" in publication and "DocumentFileSchema" in publication
    assert "TranslationLinkSchema" in json.dumps(components["TopicPageSchema"])
    rendition = components["RenditionSchema"]["properties"]
    assert {"url", "width", "height", "alt"} <= set(rendition)


@pytest.mark.parametrize(
    "model, fields",
    [
        (SectionPage, {"lead", "body", "sidebar", "translations"}),
        (TopicPage, {"lead", "body", "sidebar", "translations"}),
        (StandardPage, {"lead", "body", "role", "translations"}),
        (ContactPage, {"intro", "contact_persons", "privacy_notice", "translations"}),
        (PartnerIndexPage, {"lead", "body", "sidebar", "translations"}),
        (PressReleaseIndexPage, {"lead", "body", "translations"}),
        (PressReleasePage, {"date", "lead", "body", "topics", "contact_persons"}),
        (PublicationPage, {"cover", "summary", "document", "translations"}),
    ],
)
@pytest.mark.parametrize("language", ["de", "en"])
def test_each_page_type_exposes_its_fields_in_both_languages(
    seeded, client, model, fields, language
):
    page = model.objects.live().filter(locale__language_code=language).first()
    data = detail(client, page)
    assert fields <= set(data), fields - set(data)
    assert data["meta"]["type"] == model._meta.label
    assert data["meta"]["locale"] == language
    other = "en" if language == "de" else "de"
    assert [link["locale"] for link in data["translations"]] == [other]
    assert data["translations"][0]["detail_url"].endswith(
        f"/pages/{data['translations'][0]['id']}/"
    )


def test_stream_field_blocks_are_structured_with_rich_text_as_html(seeded, client):
    page = PartnerIndexPage.objects.get(locale__language_code="de")
    body = detail(client, page)["body"]
    heading = next(block for block in body if block["type"] == "heading")
    assert heading["value"] == {"text": "Partner gewinnen", "level": "h2"}
    paragraph = next(block for block in body if block["type"] == "paragraph")
    assert paragraph["value"].startswith("<p>")


def test_internal_links_in_rich_text_are_resolved(seeded, client):
    section = SectionPage.objects.get(locale__language_code="de")
    topic = TopicPage.objects.live().filter(locale=section.locale).first()
    section.body = [("paragraph", f'<p>Siehe <a linktype="page" id="{topic.pk}">Thema</a></p>')]
    section.save_revision().publish()
    value = detail(client, section)["body"][0]["value"]
    assert f'href="{topic.url}"' in value and "linktype" not in value
    raw = get(client, f"{API}/pages/{section.pk}/?rich_text_format=db_html").json()
    assert 'linktype="page"' in raw["body"][0]["value"]


def test_images_in_the_body_are_renditions_with_alt_text(seeded, client):
    from wagtail.images.tests.utils import get_test_image_file

    from portal.blocks import CaptionedImageBlock
    from portal.models import PortalImage

    image = PortalImage.objects.create(
        title="Foto", file=get_test_image_file(size=(1600, 900)), description="Zwei Menschen"
    )
    section = SectionPage.objects.get(locale__language_code="de")
    value = {"image": {"image": image.pk, "alt_text": "", "decorative": False}, "caption": "C"}
    section.body = [("image", CaptionedImageBlock().to_python(value))]
    section.save_revision().publish()
    value = detail(client, section)["body"][0]["value"]
    assert value["caption"] == "C"
    rendition = value["image"]
    assert rendition["alt"] == "Zwei Menschen"
    assert (rendition["width"], rendition["height"]) == (1200, 675)
    assert rendition["url"].startswith("/media/images/") and "max-1200x1200" in rendition["url"]


@pytest.mark.parametrize("language", ["de", "en"])
def test_the_brochure_download_in_both_languages(seeded, client, language):
    publication = PublicationPage.objects.get(locale__language_code=language)
    document = detail(client, publication)["document"]
    assert document["file_format"] == "pdf" and document["format_label"] == "PDF"
    assert document["file_size"] > 0 and document["page_count"] >= 1
    assert document["language"] in {"de", "en"}
    download = client.get(document["url"])
    assert download.status_code == 200
    assert download["Content-Type"] == "application/pdf"


def test_documents_endpoint_states_format_size_and_language(seeded, client):
    brochure = PortalDocument.objects.filter(file_format="pdf").first()
    data = get(client, f"{API}/documents/{brochure.pk}/").json()
    assert data["file_format"] == "pdf" and data["file_size"] == brochure.file_size
    assert data["language"] == brochure.language
    assert data["meta"]["download_url"].endswith(brochure.url)


def test_locale_type_and_parent_filters(seeded, client):
    items = get(client, f"{API}/pages/?type=home.TopicPage&locale=en").json()["items"]
    assert items and {item["meta"]["locale"] for item in items} == {"en"}
    assert {item["meta"]["type"] for item in items} == {"home.TopicPage"}
    section = SectionPage.objects.get(locale__language_code="de")
    children = get(client, f"{API}/pages/?child_of={section.pk}").json()["items"]
    assert {item["id"] for item in children} == {
        page.pk for page in section.get_children().live().public()
    }
    translation = get(client, f"{API}/pages/?translation_of={section.pk}").json()["items"]
    assert [item["meta"]["locale"] for item in translation] == ["en"]


def test_page_size_is_bounded(seeded, client, settings):
    response = get(client, f"{API}/pages/?limit={settings.WAGTAILAPI_LIMIT_MAX + 1}")
    assert response.status_code == 400
    assert response["Content-Type"] == "application/problem+json"
    assert "limit" in response.json()["detail"]
    for endpoint in ["partners", "press-releases", "contact-persons", "documents"]:
        response = get(client, f"{API}/{endpoint}/?limit=1000000")
        assert response.status_code == 400, endpoint
    items = get(client, f"{API}/partners/?limit={settings.WAGTAILAPI_LIMIT_MAX}").json()["items"]
    assert len(items) <= settings.WAGTAILAPI_LIMIT_MAX


@pytest.mark.parametrize(
    "path, title",
    [
        ("/en/", "chancen.nrw"),
        ("/de/pressemitteilungen/", "Pressemitteilungen"),
        ("/en/press-releases/", "Press releases"),
        ("/pressemitteilungen/", "Pressemitteilungen"),
    ],
)
def test_resolve_finds_pages_by_path_with_language_prefix(seeded, client, path, title):
    response = get(client, f"{API}/resolve/?path={path}")
    assert response.status_code == 200, response.content
    assert response.json()["title"] == title


def test_unknown_paths_and_urls_are_json_errors_without_language_redirect(seeded, client):
    for url in [
        f"{API}/resolve/?path=/en/gibt-es-nicht/",
        f"{API}/gibt-es-nicht/",
        f"{API}/pages/999999/",
        f"{API}/partners/999999/",
    ]:
        response = get(client, url)
        assert response.status_code == 404, url
        assert response["Content-Type"] == "application/problem+json", url
        assert response.json()["status"] == 404


@pytest.mark.parametrize(
    "query, status",
    [
        ("pages/?offset=99999999999999999999999", 400),
        ("pages/?offset=-1", 422),
        ("pages/?limit=0", 422),
        ("pages/?search=%00", 400),
        ("pages/?order=random&offset=1", 422),
        ("pages/?type=x.Y", 422),
        ("partners/?rich_text_format=evil", 422),
        ("pages/99999999999999999999/", 400),
        ("pages/?child_of=99999999999999999999", 400),
        ("documents/?search=%00", 400),
        ("partners/?kind=unbekannt", 422),
        ("press-releases/?year=abc", 422),
        ("resolve/?path=ohne-schraegstrich", 400),
        ("pages/find/?html_path=/&site=localhost:abc", 400),
        ("pages/?site=:", 400),
    ],
)
def test_malformed_parameters_get_a_json_message_never_a_server_error(
    seeded, client, query, status
):
    response = get(client, f"{API}/{query}")
    assert response.status_code == status, response.content
    assert response["Content-Type"] == "application/problem+json"
    body = response.json()
    assert body.get("detail") or body.get("errors")


@pytest.mark.parametrize("term", ['"', '"abc', "(", "*", "'", "Partner AND"])
def test_search_syntax_is_ignored_not_an_error(seeded, client, term):
    for endpoint in ["pages", "documents"]:
        response = client.get(f"{API}/{endpoint}/", {"search": term}, HTTP_HOST="localhost")
        assert response.status_code == 200, (endpoint, term, response.content)


def test_search_finds_public_pages(seeded, client):
    items = get(client, f"{API}/pages/?search=Partner&locale=de").json()["items"]
    assert any(item["title"] == "Wir sind Partner" for item in items)


def test_partners_filter_by_kind_place_and_locale(seeded, client):
    police = get(client, f"{API}/partners/?kind=polizei").json()
    assert police["count"] == Partner.objects.filter(live=True, kind="polizei").count() > 0
    assert {item["kind"] for item in police["items"]} == {"polizei"}
    place = police["items"][0]["place"]
    by_place = get(client, f"{API}/partners/?place={place.upper()}").json()["items"]
    assert by_place and {item["place"] for item in by_place} == {place}
    assert get(client, f"{API}/partners/?locale=de").json()["count"] > 0
    assert get(client, f"{API}/partners/?locale=xx").status_code == 404


def test_press_releases_filter_by_year_topic_and_locale(seeded, client):
    releases = get(client, f"{API}/press-releases/?locale=de").json()
    release = releases["items"][0]
    year = release["date"][:4]
    topic = release["topics"][0]
    assert get(client, f"{API}/press-releases/?locale=de&year={year}").json()["count"] >= 1
    assert get(client, f"{API}/press-releases/?locale=de&year=1950").json()["count"] == 0
    on_topic = get(client, f"{API}/press-releases/?topic={topic['id']}").json()
    assert {item["locale"] for item in on_topic["items"]} == {"de", "en"}
    assert get(client, f"{API}/press-releases/?topic=kein-thema").json()["count"] == 0


def test_contact_persons_are_readable_anonymously(seeded, client):
    data = get(client, f"{API}/contact-persons/?locale=de").json()
    assert "Kerstin Peters" in [person["name"] for person in data["items"]]
    assert get(client, f"{API}/snippets/portal.ContactPerson/").status_code in (401, 404)


def test_anonymous_answers_are_cacheable_with_etag(seeded, client):
    response = get(client, f"{API}/pages/?locale=de")
    assert response["Cache-Control"].startswith("public, max-age=")
    assert "Authorization" in response["Vary"]
    again = get(client, f"{API}/pages/?locale=de", HTTP_IF_NONE_MATCH=response["ETag"])
    assert again.status_code == 304


def test_token_answers_are_private(seeded, client):
    response = get(client, f"{API}/pages/", HTTP_AUTHORIZATION="Bearer wagtail_invalid")
    assert response.status_code == 200
    assert response["Cache-Control"] == "private, no-store"


@override_settings(CORS_ALLOWED_ORIGINS=["https://app.example.de"])
def test_cors_only_for_listed_origins(seeded, client):
    allowed = get(client, f"{API}/pages/", HTTP_ORIGIN="https://app.example.de")
    assert allowed["Access-Control-Allow-Origin"] == "https://app.example.de"
    other = get(client, f"{API}/pages/", HTTP_ORIGIN="https://evil.example")
    assert "Access-Control-Allow-Origin" not in other
    page = client.get("/de/", HTTP_ORIGIN="https://app.example.de")
    assert "Access-Control-Allow-Origin" not in page


def test_interactive_docs_follow_the_setting_the_schema_stays(seeded, client, settings):
    settings.WAGTAILAPI_DOCS_ENABLED = False
    assert get(client, f"{API}/docs/").status_code == 404
    assert get(client, f"{API}/openapi.json").status_code == 200
    settings.WAGTAILAPI_DOCS_ENABLED = True
    docs = get(client, f"{API}/docs/")
    assert docs.status_code == 200
    # Swagger UI from the portal's own static files: the CSP allows no CDN.
    assert "/static/ninja/swagger-ui-bundle.js" in docs.content.decode()
    assert "cdn" not in docs.content.decode().lower()


@pytest.mark.parametrize("switch, expected", [(None, "False"), ("true", "True")])
def test_production_turns_the_docs_off_unless_asked(switch, expected):
    env = dict(PRODUCTION_ENV, **({"PORTAL_API_DOCS": switch} if switch else {}))
    code = "from django.conf import settings; print(settings.WAGTAILAPI_DOCS_ENABLED)"
    result = manage("shell", "-c", code, **env)
    assert result.stdout.strip().splitlines()[-1] == expected, result.stderr
