"""How people look for a partner in the directory: by kind, by place, by name, A to Z, a page
at a time; counts everywhere; plain links and a GET form only; the view kept across
languages; bad input explained, never an error page. (tests/test_partners.py has the page
itself, the entries and the admin.)"""

import html
import re
from urllib.parse import parse_qs, urlsplit

import pytest

from partners.directory import PER_PAGE
from partners.folding import fold, place_key, sort_letter, sort_name
from partners.models import Partner, PartnerKind
from tests.factories import PartnerFactory
from tests.helpers import PARTNERS_DE, PARTNERS_EN


def names(response):
    return re.findall(r'class="partner__name">([^<]+)<', response.content.decode())


def text_of(response):
    return " ".join(re.sub(r"<[^>]+>", " ", response.content.decode()).split())


def options(response, field):
    """(value, text, selected) of the select box `field`."""
    page = response.content.decode()
    select = re.search(rf'<select name="{field}"[^>]*>(.*?)</select>', page, re.S).group(1)
    return [
        (html.unescape(value), html.unescape(label), bool(selected))
        for value, selected, label in re.findall(
            r'<option value="([^"]*)"( selected)?>([^<]*)</option>', select
        )
    ]


def hrefs(response, css_class=None, rel=None):
    page = response.content.decode()
    if css_class:
        page = re.search(rf'<nav class="{css_class}".*?</nav>', page, re.S).group(0)
    pattern = r'<a href="([^"]+)"' + (rf' rel="{rel}"' if rel else "")
    return [html.unescape(url) for url in re.findall(pattern, page)]


def query_of(url):
    return parse_qs(urlsplit(url).query)


def add_partners(count, prefix="Partner", **fields):
    """`count` live German partners "<prefix> 0000" … in bulk, as the benchmark adds them."""
    partners = [PartnerFactory.build(name=f"{prefix} {n:04d}", **fields) for n in range(count)]
    return Partner.objects.bulk_create(partners)


@pytest.fixture
def empty_directory(directory_de):
    Partner.objects.all().delete()
    return directory_de


# Folding: the columns the database sorts and filters by ---------------------------------------


@pytest.mark.parametrize(
    ("name", "expected_name", "letter"),
    [
        ("Ärztekammer Westfalen", "arztekammer westfalen", "a"),
        ("„Zukunft“ e.V.", "zukunft“ e.v.", "z"),
        ("Straße  der Vielfalt", "strasse der vielfalt", "s"),
        ("1. FC Integration", "1. fc integration", "#"),
        ("Øresund Verein", "øresund verein", "#"),
        ("", "", "#"),
    ],
)
def test_names_fold_for_sorting_and_the_letter_navigation(name, expected_name, letter):
    assert sort_name(name) == expected_name
    assert sort_letter(name) == letter


def test_folded_columns_are_written_on_save_and_in_bulk(empty_directory):
    saved = PartnerFactory(name="Österreichisches Kulturforum", place="  MÜNSTER ")
    assert (saved.sort_name, saved.sort_letter, saved.place_key) == (
        "osterreichisches kulturforum",
        "o",
        "munster",
    )
    saved.name, saved.place = "Zentrum", "Köln"
    saved.save()
    saved.refresh_from_db()
    assert (saved.sort_letter, saved.place_key) == ("z", "koln")
    (bulk,) = add_partners(1, prefix="Übersee-Club", place="Bonn")
    bulk = Partner.objects.get(pk=bulk.pk)
    assert (bulk.sort_name, bulk.sort_letter, bulk.place_key) == ("ubersee-club 0000", "u", "bonn")
    assert place_key("Kreis  soest") == fold("Kreis Soest")


# Filters and counts -------------------------------------------------------------------------


def test_every_option_counts_the_partners_it_would_show(directory_de, client):
    response = client.get(directory_de.url)
    kinds = options(response, "art")
    assert kinds[0] == ("", "Alle Arten (29)", True)
    assert ("polizei", "Polizei (2)", False) in kinds
    assert ("behoerde", "Behörde (5)", False) in kinds
    assert sum(int(re.search(r"\((\d+)\)", text).group(1)) for _v, text, _s in kinds[1:]) == 29
    places = options(response, "ort")
    assert places[0] == ("", "Alle Orte (29)", True)
    assert ("Dortmund", "Dortmund (2)", False) in places
    assert ("NRW", "NRW (5)", False) in places
    assert [value for value, _t, _s in places[1:]] == sorted(
        (value for value, _t, _s in places[1:]), key=fold
    )


def test_counts_of_one_filter_apply_the_others(directory_de, client):
    response = client.get(directory_de.url, {"art": "polizei"})
    assert names(response) == ["Polizei Gelsenkirchen", "Polizeipräsidium Dortmund"]
    assert options(response, "ort") == [
        ("", "Alle Orte (2)", True),
        ("Dortmund", "Dortmund (1)", False),
        ("Gelsenkirchen", "Gelsenkirchen (1)", False),
    ]
    assert ("polizei", "Polizei (2)", True) in options(response, "art")

    response = client.get(directory_de.url, {"ort": "Dortmund"})
    assert names(response) == ["Jobcenter Dortmund", "Polizeipräsidium Dortmund"]
    assert options(response, "art") == [
        ("", "Alle Arten (2)", True),
        ("jobcenter", "Jobcenter (1)", False),
        ("polizei", "Polizei (1)", False),
    ]


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"ort": "Düsseldorf"}, ["Bezirksregierung Düsseldorf", "Rheinbahn AG Düsseldorf"]),
        ({"ort": "DÜSSELDORF "}, ["Bezirksregierung Düsseldorf", "Rheinbahn AG Düsseldorf"]),
        ({"ort": "kreis  soest"}, ["Kreis Soest"]),
        ({"ort": "Düsseldorf", "art": "unternehmen"}, ["Rheinbahn AG Düsseldorf"]),
        (
            {"ort": "NRW", "q": "landes"},
            [
                "Landessportbund NRW",
                "Landesverband der Musikschulen in NRW e.V.",
                "Landesverband der Volkshochschulen von NRW e.V.",
            ],
        ),
        ({"art": " Polizei "}, ["Polizei Gelsenkirchen", "Polizeipräsidium Dortmund"]),
        ({"q": "regierung münster"}, ["Bezirksregierung Münster"]),
    ],
)
def test_filter_by_place_kind_and_text(directory_de, client, params, expected):
    response = client.get(directory_de.url, params)
    assert response.status_code == 200
    assert names(response) == expected
    assert f"{len(expected)} Partner" in text_of(response)
    assert 'role="alert"' not in response.content.decode()


def test_the_chosen_place_is_shown_as_the_directory_spells_it(directory_de, client):
    response = client.get(directory_de.url, {"ort": "düsseldorf"})
    assert ("Düsseldorf", "Düsseldorf (2)", True) in options(response, "ort")
    assert "ort=D%C3%BCsseldorf" in response.content.decode()  # canonical, language links


def test_a_known_place_the_text_does_not_find_stays_chosen(directory_de, client):
    response = client.get(directory_de.url, {"ort": "Dortmund", "q": "Rundfunk"})
    assert names(response) == []
    assert ("Dortmund", "Dortmund (0)", True) in options(response, "ort")
    assert "Keine Partner entsprechen Ihrer Auswahl." in response.content.decode()
    assert 'role="alert"' not in response.content.decode()


# A to Z ---------------------------------------------------------------------------------------


def test_letter_navigation_links_the_letters_that_have_partners(directory_de, client):
    response = client.get(directory_de.url)
    page = response.content.decode()
    nav = re.search(r'<nav class="partner-letters".*?</nav>', page, re.S).group(0)
    assert 'aria-label="Partner von A bis Z"' in nav
    assert re.findall(r'<a href="#buchstabe-(\w)">', nav) == list("abcdijklmprsw")
    assert '<span class="partner-letters__empty">E</span>' in nav
    for letter in "abcdijklmprsw":
        assert f'id="buchstabe-{letter}"' in page  # every jump has its target
    # Below the lead, before the editors' text: a jump to the list far down the page.
    jump = '<a href="#partnerliste">Zum Partnerverzeichnis (29 Partner)</a>'
    assert (
        page.index(jump) < page.index('<div class="body-stream') < page.index('id="partnerliste"')
    )


def test_letters_lead_to_the_page_where_they_start(empty_directory, client):
    add_partners(60, "Alpha")
    add_partners(70, "Beta")
    add_partners(5, "Zeta")
    add_partners(2, "4711 Verein")
    response = client.get(empty_directory.url, {"art": "behoerde"})
    letters = {url.rsplit("#", 1)[1]: url for url in hrefs(response, "partner-letters")}
    assert list(letters) == ["buchstabe-andere", "buchstabe-a", "buchstabe-b", "buchstabe-z"]
    assert letters["buchstabe-andere"] == "#buchstabe-andere"  # on this page: a jump
    assert letters["buchstabe-a"] == "#buchstabe-a"
    # B starts at the 63rd partner: page 2; Z at the 133rd: page 3. The filter is kept.
    assert query_of(letters["buchstabe-b"]) == {"art": ["behoerde"], "seite": ["2"]}
    assert query_of(letters["buchstabe-z"]) == {"art": ["behoerde"], "seite": ["3"]}
    target = client.get(letters["buchstabe-z"].split("#")[0])
    assert 'id="buchstabe-z"' in target.content.decode()
    assert names(target)[-5:] == [f"Zeta {n:04d}" for n in range(5)]
    assert "4711 Verein 0000" in names(response)[:2]


# Pages ---------------------------------------------------------------------------------------


def test_pages_of_fifty_keep_the_filters(empty_directory, client):
    add_partners(130, "Polizei", kind=PartnerKind.POLICE, place="Köln")
    add_partners(3, "Kammer", kind=PartnerKind.CHAMBER, place="Köln")
    params = {"art": "polizei", "ort": "köln", "q": "polizei"}
    first = client.get(empty_directory.url, params)
    assert len(names(first)) == PER_PAGE
    assert re.search(r"130 Partner\W+Seite 1 von 3", text_of(first))
    page_links = hrefs(first, "pagination")
    assert page_links, "no page links"
    for url in page_links:
        query = query_of(url)
        assert (
            query["art"] == ["polizei"] and query["ort"] == ["Köln"] and query["q"] == ["polizei"]
        )
        assert url.endswith("#partnerliste")
    (next_url,) = hrefs(first, rel="next")
    second = client.get(next_url.split("#")[0])
    assert names(second)[0] == "Polizei 0050"
    assert re.search(r"130 Partner\W+Seite 2 von 3", text_of(second))
    (previous_url,) = hrefs(second, rel="prev")
    assert "seite" not in query_of(previous_url)  # page 1 has the plain address
    last = client.get(empty_directory.url, {**params, "seite": "3"})
    assert len(names(last)) == 30
    assert not hrefs(last, rel="next")
    assert '<a href="' in last.content.decode().split('aria-current="page"')[0]


def test_the_whole_list_can_be_walked_by_links_alone(empty_directory, client):
    """No JavaScript, no form: following "Nächste Seite" shows every partner exactly once."""
    add_partners(120)
    seen, url = [], empty_directory.url
    while url:
        response = client.get(url)
        assert response.status_code == 200
        assert "<script" not in response.content.decode()
        seen += names(response)
        following = hrefs(response, rel="next")
        url = following[0].split("#")[0] if following else None
    assert len(seen) == len(set(seen)) == 120


def test_a_filtered_view_has_its_own_address(directory_de, client):
    response = client.get(directory_de.url, {"q": "kreis", "art": "kreis-stadt", "utm": "x"})
    page = response.content.decode()
    canonical = html.unescape(re.search(r'<link rel="canonical" href="([^"]+)"', page).group(1))
    assert query_of(canonical) == {"art": ["kreis-stadt"], "q": ["kreis"]}
    assert "<title>Wir sind Partner: Kreis oder Stadt – chancen.nrw</title>" in page
    assert '<meta name="robots" content="noindex">' in page  # a text search
    expected = ["Kreis Lippe", "Kreis Soest", "Rhein-Sieg-Kreis"]
    assert names(client.get(canonical)) == names(response) == expected
    kind_only = client.get(directory_de.url, {"art": "kreis-stadt"}).content.decode()
    assert '<meta name="robots" content="noindex">' not in kind_only


# Languages -------------------------------------------------------------------------------------


def test_switching_language_keeps_the_filters(seeded, client):
    params = {"art": "polizei", "ort": "dortmund", "q": "präsidium", "seite": "1"}
    german = client.get(PARTNERS_DE, params)
    assert names(german) == ["Polizeipräsidium Dortmund"]
    page = german.content.decode()
    switcher = re.search(r'<nav class="language-switcher".*?</nav>', page, re.S).group(0)
    english_url = html.unescape(re.search(r'href="([^"]+)" hreflang="en"', switcher).group(1))
    assert english_url.startswith(PARTNERS_EN)
    assert query_of(english_url) == {"art": ["polizei"], "ort": ["Dortmund"], "q": ["präsidium"]}
    alternates = {
        code: html.unescape(url)
        for code, url in re.findall(
            r'<link rel="alternate" hreflang="([\w-]+)" href="([^"]+)"', page
        )
    }
    assert query_of(alternates["en"]) == query_of(english_url)
    assert query_of(alternates["de"]) == query_of(alternates["x-default"])
    assert query_of(alternates["de"])["ort"] == ["Dortmund"]

    english = client.get(english_url)
    assert names(english) == ["Polizeipräsidium Dortmund"]
    assert ("polizei", "Police (1)", True) in options(english, "art")
    page = english.content.decode()
    switcher = re.search(r'<nav class="language-switcher".*?</nav>', page, re.S).group(0)
    back = html.unescape(re.search(r'href="([^"]+)" hreflang="de"', switcher).group(1))
    assert back.startswith(PARTNERS_DE)
    assert query_of(back) == {"art": ["polizei"], "ort": ["Dortmund"], "q": ["präsidium"]}


def test_unfiltered_directory_links_the_plain_other_language(seeded, client):
    page = client.get(PARTNERS_DE).content.decode()
    switcher = re.search(r'<nav class="language-switcher".*?</nav>', page, re.S).group(0)
    assert f'href="{PARTNERS_EN}" hreflang="en"' in switcher


# Bad input -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("params", "message"),
    [
        ({"art": "unbekannt"}, "Diese Art gibt es nicht."),
        ({"ort": "Atlantis"}, "Diesen Ort gibt es im Verzeichnis nicht."),
        ({"ort": "x" * 10_000}, "Diesen Ort gibt es im Verzeichnis nicht."),
        ({"ort": "Dort\x00mund"}, "Diesen Ort gibt es im Verzeichnis nicht."),
        ({"q": "x" * 10_000}, "Bitte höchstens 100 Zeichen eingeben."),
        ({"q": "\x00"}, "unzulässige Zeichen"),
        ({"seite": "abc"}, "„abc“ ist keine gültige Seitenzahl. Angezeigt wird die erste Seite."),
        ({"seite": "0"}, "„0“ ist keine gültige Seitenzahl."),
        ({"seite": "-1"}, "„-1“ ist keine gültige Seitenzahl."),
        ({"seite": "٣"}, "ist keine gültige Seitenzahl."),  # an Arabic-Indic three
        ({"seite": "\x00"}, "ist keine gültige Seitenzahl."),
        ({"seite": "99999"}, "Seite 99999 gibt es nicht, hier gibt es nur 1 Seite."),
        ({"seite": "9" * 5000}, "gibt es nicht, hier gibt es nur 1 Seite."),
    ],
)
def test_bad_input_is_explained_and_the_list_still_shown(directory_de, client, params, message):
    response = client.get(directory_de.url, params)
    assert response.status_code == 200
    page = response.content.decode()
    assert message in page
    assert len(names(response)) == 29
    assert "\x00" not in page
    assert '<meta name="robots" content="noindex">' in page


def test_a_bad_page_keeps_the_good_filters(empty_directory, client):
    add_partners(60, "Polizei", kind=PartnerKind.POLICE)
    add_partners(5, "Kammer", kind=PartnerKind.CHAMBER)
    response = client.get(empty_directory.url, {"art": "polizei", "seite": "7"})
    assert "Seite 7 gibt es nicht, hier gibt es nur 2 Seiten." in response.content.decode()
    assert len(names(response)) == 10  # the last page of the police
    response = client.get(empty_directory.url, {"art": "polizei", "ort": "Atlantis", "seite": "2"})
    assert "Diesen Ort gibt es im Verzeichnis nicht." in response.content.decode()
    assert len(names(response)) == 10


def test_repeated_parameters_take_the_last_value(directory_de, client):
    url = directory_de.url + "?ort=Atlantis&ort=Dortmund&art=x&art=polizei&seite=abc&seite=1"
    response = client.get(url)
    assert response.status_code == 200
    assert names(response) == ["Polizeipräsidium Dortmund"]
    assert 'role="alert"' not in response.content.decode()


def test_bad_input_on_the_english_page_is_explained_in_english(seeded, client):
    response = client.get(PARTNERS_EN, {"ort": "Atlantis", "seite": "abc"})
    assert response.status_code == 200
    page = response.content.decode()
    assert "There is no such place in the directory. All places are shown." in page
    assert "“abc” is not a valid page number. Showing the first page." in page
    assert len(names(response)) == 29
