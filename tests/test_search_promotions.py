"""Editors steer the site search: promoted results on top, and the search-terms report."""

from django.urls import reverse

from wagtail.contrib.search_promotions.models import Query, SearchPromotion
from wagtail.models import PageViewRestriction

import pytest

from home.models import SectionPage
from tests.factories import TopicPageFactory


def promote(query_string, page=None, **fields):
    query = Query.get(query_string)
    return SearchPromotion.objects.create(query=query, page=page, sort_order=0, **fields)


def hits_of(query_string):
    query = Query.objects.filter(query_string=query_string).first()
    return query.hits if query else 0


def test_a_promoted_page_comes_first_marked_as_recommended(seeded, client, directory_de):
    promote("partner", directory_de, description="Alle Partner auf einen Blick.")
    response = client.get("/de/suche/", {"q": "Partner"})
    [promoted] = response.context["promotions"]
    assert promoted.title == "Wir sind Partner" and promoted.promoted
    html = response.content.decode()
    assert html.index("Empfohlen") < html.index("Wir sind Partner")
    assert html.index('class="search-promotions"') < html.index('<ol class="search-results"')
    regular = [hit.page_id for hit in response.context["results"]]
    assert directory_de.pk not in regular  # shown once, on top


def test_promotions_show_only_live_public_pages_of_the_visitors_language(
    seeded, client, directory_de
):
    section = SectionPage.objects.get(locale__language_code="de")
    draft = TopicPageFactory(parent=section, title="Entwurf Empfehlung", live=False)
    private = TopicPageFactory(parent=section, title="Private Empfehlung")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    for page in (draft, private, directory_de):
        promote("auskunft", page)
    promote("auskunft", external_link_url="https://www.mkjfgfi.nrw/", external_link_text="MKJFGFI")
    german = client.get("/de/suche/", {"q": "auskunft"}).context["promotions"]
    assert [hit.title for hit in german] == ["Wir sind Partner", "MKJFGFI"]
    english = client.get("/en/search/", {"q": "auskunft"}).context["promotions"]
    assert [hit.title for hit in english] == ["MKJFGFI"]


def test_each_search_is_counted_once_for_the_search_terms_report(seeded, client):
    client.get("/de/suche/", {"q": "Ausbildung  Pflege"})
    client.get("/de/suche/", {"q": "ausbildung pflege"})
    client.get("/de/suche/", {"q": "ausbildung pflege", "seite": "2"})
    assert hits_of("ausbildung pflege") == 2


@pytest.mark.parametrize("junk", ["", " ", '"', "((", "x" * 201, "\x00", "*** ((( ---"])
def test_junk_input_does_not_grow_the_report(seeded, client, junk):
    before = Query.objects.count()
    client.get("/de/suche/", {"q": junk})
    assert Query.objects.count() == before


def test_operators_are_recorded_as_the_words_that_were_searched(seeded, client):
    client.get("/de/suche/", {"q": '"Partner" AND -Köln*'})
    assert hits_of("partner and köln") == 1


def test_the_report_shows_the_terms_to_admins(seeded, client, admin_user):
    client.get("/de/suche/", {"q": "Integrationskurs"})
    client.force_login(admin_user)
    response = client.get(reverse("wagtailsearchpromotions:search_terms"))
    assert response.status_code == 200
    assert "integrationskurs" in response.content.decode()


def test_the_report_is_not_public(seeded, client):
    response = client.get(reverse("wagtailsearchpromotions:search_terms"))
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


def test_every_search_is_counted_and_a_repeated_one_in_a_single_query(
    seeded, django_assert_num_queries
):
    from search.queries import record_query

    record_query("Quokka Zucht")
    with django_assert_num_queries(1):
        record_query("quokka  zucht")
    record_query("Andere Frage")
    assert (hits_of("quokka zucht"), hits_of("andere frage")) == (2, 1)
