"""Site search: the visitor's language, public pages only, and no error on any input."""

from django.db import connection

from wagtail.models import Page

import pytest

from home.models import SectionPage
from tests.factories import TopicPageFactory
from tests.helpers import ODD_QUERIES

BROCHURE = "Migrantenselbstorganisationen als Partner bei der Fachkräftegewinnung"


def result_titles(response, kind=None):
    """Titles of the results on the page, of one kind ("page", "partner", "document") or all."""
    return [str(hit.title) for hit in response.context["results"] if kind in (None, hit.kind)]


@pytest.mark.parametrize(
    ("query", "expected"),
    [
        ("Leitfaden", BROCHURE),
        ("Fachkräftegewinnung", BROCHURE),
        ("Partner", "Wir sind Partner"),
        ("interkulturelle Öffnung", "Interkulturelle Öffnung"),
    ],
)
def test_german_search_finds_the_seeded_pages(seeded, client, query, expected):
    response = client.get("/de/suche/", {"q": query})
    assert response.status_code == 200
    assert any(title.startswith(expected) for title in result_titles(response))


def test_results_are_in_the_visitors_language_only(seeded, client):
    german = result_titles(client.get("/de/suche/", {"q": "Partner"}), "page")
    english = result_titles(client.get("/en/search/", {"q": "partners"}), "page")
    assert "Wir sind Partner" in german and "We are partners" not in german
    assert english and all(
        page.locale.language_code == "en" for page in Page.objects.filter(title__in=english)
    )


def test_drafts_are_never_found(seeded, client):
    section = SectionPage.objects.get(locale__language_code="de")
    TopicPageFactory(parent=section, title="Geheimer Entwurf Zebrastreifen", live=False)
    response = client.get("/de/suche/", {"q": "Zebrastreifen"})
    assert result_titles(response) == []
    assert "0 Treffer für „Zebrastreifen“" in response.content.decode()


@pytest.mark.parametrize("query", [*ODD_QUERIES, "\x00", "a\x00b", "x" * 10_000])
def test_bad_input_never_errors(seeded, client, query):
    response = client.get("/de/suche/", {"q": query})
    assert response.status_code == 200
    assert '<input type="text" name="q"' in response.content.decode()


def test_overlong_query_gets_a_clear_message(seeded, client):
    response = client.get("/de/suche/", {"q": "x" * 201})
    assert "Bitte geben Sie höchstens 200 Zeichen ein." in response.content.decode()


def test_query_is_kept_in_the_form_and_bad_page_numbers_are_tolerated(seeded, client):
    for page_number in ("abc", "0", "-1", "99999999999999999999"):
        response = client.get("/de/suche/", {"q": "Partner", "seite": page_number})
        assert response.status_code == 200
        assert 'value="Partner"' in response.content.decode()


@pytest.mark.skipif(
    connection.vendor != "postgresql", reason="stemming needs PostgreSQL's German configuration"
)
@pytest.mark.parametrize(
    ("query", "expected"),
    [("Partnern", "Wir sind Partner"), ("Leitfäden", BROCHURE), ("Arbeitgebern", BROCHURE)],
)
def test_postgresql_search_stems_german_words(seeded, client, query, expected):
    titles = result_titles(client.get("/de/suche/", {"q": query}))
    assert any(title.startswith(expected) for title in titles)


BROCHURE_EN = "Migrant organisations as partners in recruiting skilled workers"


@pytest.mark.skipif(
    connection.vendor != "postgresql",
    reason="stemming needs PostgreSQL's text search configurations",
)
@pytest.mark.parametrize(
    ("query", "expected"),
    [
        # Each of these matches only when English text is stemmed by English rules:
        # German rules keep "recruitment", "opened" and "partnering" as they are.
        ("recruitment", BROCHURE_EN),
        ("opened", "Intercultural opening"),
        ("partnering", "We are partners"),
        ("guides", BROCHURE_EN),
        ("employer", BROCHURE_EN),
    ],
)
def test_postgresql_search_stems_english_words(seeded, client, query, expected):
    titles = result_titles(client.get("/en/search/", {"q": query}), "page")
    assert any(title.startswith(expected) for title in titles)
