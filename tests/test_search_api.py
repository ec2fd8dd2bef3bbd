"""`/api/v3/search/`: the site search as JSON, same results as the HTML page, bounded params."""

from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import Locale

import pytest

from home.models import SectionPage
from partners.models import Partner, PartnerIndexPage
from tests.factories import TopicPageFactory
from tests.helpers import ODD_QUERIES

URL = "/api/v3/search/"
BROCHURE = "Migrantenselbstorganisationen als Partner bei der Fachkräftegewinnung"


def search(client, **params):
    return client.get(URL, params, HTTP_HOST="localhost")


def test_german_results_mix_pages_and_documents_with_the_same_fields(seeded, client):
    response = search(client, q="Leitfaden", locale="de")
    assert response.status_code == 200
    data = response.json()
    assert data["query"] == "Leitfaden" and data["count"] == len(data["items"])
    kinds = {item["type"] for item in data["items"]}
    assert {"page", "document"} <= kinds
    page = next(item for item in data["items"] if item["title"].startswith(BROCHURE))
    assert page["url"].startswith("http://localhost/de/")
    assert page["detail_url"].startswith("http://localhost/api/v3/pages/")
    assert search(client).status_code == 200
    detail = client.get(page["detail_url"], HTTP_HOST="localhost")
    assert detail.status_code == 200 and detail.json()["title"] == page["title"]
    document = next(item for item in data["items"] if item["type"] == "document")
    assert "<mark>Leitfaden</mark>" in document["excerpt"]
    assert document["label"] == "Dokument" and document["detail_url"] is None
    assert document["language"] == "de" and document["date"]


def test_the_locale_parameter_sets_language_of_results_and_labels(seeded, client):
    data = search(client, q="partners", locale="en").json()
    pages = [item for item in data["items"] if item["type"] == "page"]
    assert pages and all(item["language"] == "en" for item in pages)
    assert {item["label"] for item in pages} <= {"Page", "Seite", "Press release", "Publication"}
    assert all("/en/" in item["url"] for item in pages)


def test_the_same_results_as_the_html_page(seeded, client):
    html = client.get("/de/suche/", {"q": "Partner"}).context
    api = search(client, q="Partner", locale="de", limit=10).json()
    assert api["count"] == html["count"]
    assert [item["title"] for item in api["items"]] == [hit.title for hit in html["results"]]


def test_limit_and_offset_page_through_the_results(seeded, client):
    everything = search(client, q="Partner", limit=50).json()
    second = search(client, q="Partner", limit=3, offset=3).json()
    assert [item["title"] for item in second["items"]] == [
        item["title"] for item in everything["items"][3:6]
    ]
    beyond = search(client, q="Partner", offset=10_000).json()
    assert beyond["items"] == [] and beyond["count"] == everything["count"]


def test_drafts_are_never_in_the_api(seeded, client):
    section = SectionPage.objects.get(locale__language_code="de")
    TopicPageFactory(parent=section, title="Geheimer Entwurf Zebrastreifen", live=False)
    Partner.objects.create(name="Zebrastreifen e. V.", locale=Locale.get_default(), live=False)
    data = search(client, q="Zebrastreifen").json()
    assert data["count"] == 0 and data["items"] == []


def test_promotions_are_listed_apart_and_the_query_is_counted(seeded, client):
    directory = PartnerIndexPage.objects.get(locale__language_code="de")
    SearchPromotion.objects.create(query=Query.get("netzwerk"), page=directory, sort_order=0)
    data = search(client, q="Netzwerk").json()
    assert [item["title"] for item in data["promotions"]] == ["Wir sind Partner"]
    assert data["promotions"][0]["promoted"] is True
    assert Query.objects.get(query_string="netzwerk").hits == 1
    assert search(client, q="Netzwerk", offset=10).json()["promotions"] == []


@pytest.mark.parametrize(
    "params",
    [
        {"limit": 51},
        {"limit": 0},
        {"limit": -1},
        {"limit": "abc"},
        {"offset": -1},
        {"offset": 10_001},
        {"offset": "1e99"},
        {"locale": "fr"},
        {"locale": ""},
        {"q": "x" * 10_000},
        {"q": "x" * 201},
    ],
)
def test_bad_parameters_are_a_422_problem(seeded, client, params):
    response = search(client, **{"q": "Partner", **params})
    assert response.status_code == 422
    assert response["Content-Type"].startswith("application/problem+json")


@pytest.mark.parametrize("query", [*ODD_QUERIES, "partner & !x | y:*"])
def test_odd_queries_are_answered(seeded, client, query):
    response = search(client, q=query)
    assert response.status_code == 200
    data = response.json()
    assert data["count"] == len(data["items"]) or len(data["items"]) == 10


@pytest.mark.parametrize("query", ["\x00", "a\x00b"])
def test_nul_characters_are_refused_or_dropped_never_an_error(seeded, client, query):
    """The portal's API refuses NUL in any parameter (400 naming it); the search drops it."""
    response = search(client, q=query)
    if response.status_code == 400:
        assert "NUL" in response.json()["detail"]
    else:
        assert response.status_code == 200
        assert response.json()["query"] == query.replace("\x00", "")


def test_the_endpoint_is_in_the_openapi_schema(seeded, client):
    schema = client.get("/api/v3/openapi.json", HTTP_HOST="localhost").json()
    operation = schema["paths"]["/api/v3/search/"]["get"]
    assert {parameter["name"] for parameter in operation["parameters"]} == {
        "q",
        "locale",
        "limit",
        "offset",
    }
    assert "SearchResponse" in str(operation["responses"]["200"])
