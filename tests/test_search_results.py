"""Site search results: pages, partners and documents mixed, each with type, excerpt and date;
only public, live content; the index follows publishing; a fixed query budget."""

import io

from django.core.files.base import ContentFile
from django.core.files.uploadedfile import SimpleUploadedFile

from wagtail.models import Collection, CollectionViewRestriction, Locale, Page, PageViewRestriction
from wagtail.rich_text import RichText

import pytest

from downloads.files import TEXT_MAX_CHARS, extract_pdf_text
from downloads.forms import upload_form_class
from downloads.models import PortalDocument
from home.models import SectionPage
from partners.models import Partner, PartnerKind
from press.models import PressReleasePage
from tests import sample_files
from tests.factories import PartnerFactory, TopicPageFactory

BROCHURE = "Migrantenselbstorganisationen als Partner bei der Fachkräftegewinnung"
BROCHURE_EN = "Migrant organisations as partners in recruiting skilled workers"


pytestmark = pytest.mark.usefixtures("media")


def hits(response, kind=None):
    return [hit for hit in response.context["results"] if kind in (None, hit.kind)]


def titles(response, kind=None):
    return [str(hit.title) for hit in hits(response, kind)]


def upload(title, content, collection=None, filename="datei.pdf", language="de"):
    collection = collection or Collection.get_first_root_node()
    data = {"title": title, "language": language, "collection": collection.pk}
    form = upload_form_class()(
        data=data, files={"file": SimpleUploadedFile(filename, content, "application/pdf")}
    )
    assert form.is_valid(), form.errors
    return form.save()


def german_section():
    return SectionPage.objects.get(locale__language_code="de")


def publish_partner(name, locale=None, **fields):
    partner = PartnerFactory(
        name=name,
        kind=PartnerKind.ASSOCIATION,
        place="Bielefeld",
        locale=locale or Locale.get_default(),
        live=False,
        **fields,
    )
    partner.save_revision().publish()
    partner.refresh_from_db()
    return partner


# The words of the issue


@pytest.mark.parametrize("query", ["Leitfaden", "Fachkräftegewinnung"])
def test_german_visitors_find_the_brochure_page_and_its_file(seeded, client, query):
    response = client.get("/de/suche/", {"q": query})
    assert any(title.startswith(BROCHURE) for title in titles(response, "page"))
    assert any(title.startswith(BROCHURE) for title in titles(response, "document"))


def test_english_visitors_find_the_english_brochure_page_and_the_german_file(seeded, client):
    guide = client.get("/en/search/", {"q": "guide employers"})
    assert any(title.startswith(BROCHURE_EN) for title in titles(guide, "page"))
    leitfaden = client.get("/en/search/", {"q": "Leitfaden"})
    documents = hits(leitfaden, "document")
    assert [hit.language for hit in documents] == ["de"]
    html = leitfaden.content.decode()
    assert 'hreflang="de" lang="de"' in html
    assert "Deutsch" in html  # the document's facts name its language


def test_the_partner_initiative_is_found_in_both_languages(seeded, client):
    assert "Wir sind Partner" in titles(client.get("/de/suche/", {"q": "Partner"}), "page")
    assert "We are partners" in titles(client.get("/en/search/", {"q": "partners"}), "page")


# PDF text


def test_the_text_of_an_uploaded_pdf_is_found(seeded, client):
    upload("Jahresbericht", sample_files.pdf_bytes(pages=2, text="Quittenbaum im Garten, Seite"))
    response = client.get("/de/suche/", {"q": "Quittenbaum"})
    [document] = hits(response, "document")
    assert document.title == "Jahresbericht"
    assert "<mark>Quittenbaum</mark>" in response.content.decode()
    assert document.facts.startswith("PDF")


def test_the_seeded_brochure_has_its_text_indexed(seeded):
    brochure = PortalDocument.objects.get(title__startswith=BROCHURE)
    assert "Kooperationen mit z.B. Migrantenselbstorganisationen" in brochure.extracted_text


def test_broken_encrypted_and_huge_pdfs_give_no_or_bounded_text():
    assert extract_pdf_text(io.BytesIO(sample_files.encrypted_pdf_bytes())) == ""
    assert extract_pdf_text(io.BytesIO(b"%PDF-1.4 nothing else %%EOF")) == ""
    assert extract_pdf_text(io.BytesIO(b"")) == ""
    long_text = extract_pdf_text(io.BytesIO(sample_files.pdf_bytes(pages=120, text="Wort " * 60)))
    assert 0 < len(long_text) <= TEXT_MAX_CHARS


def test_a_broken_pdf_that_arrives_without_the_form_is_stored_without_text(db):
    document = PortalDocument(title="Kaputt", file=ContentFile(b"%PDF-1.4 kaputt", "kaputt.pdf"))
    document._set_document_file_metadata()
    document.save()
    assert document.extracted_text == ""


# Only public, live content


@pytest.mark.parametrize("child", [False, True])
def test_documents_in_private_collections_are_never_found(seeded, client, child):
    private = Collection.get_first_root_node().add_child(name="Intern")
    CollectionViewRestriction.objects.create(
        collection=private, restriction_type=CollectionViewRestriction.LOGIN
    )
    target = private.add_child(name="Intern Unterordner") if child else private
    upload("Interna", sample_files.pdf_bytes(pages=1, text="Kirschkernkissen"), collection=target)
    upload("Öffentlich", sample_files.pdf_bytes(pages=1, text="Kirschkernkissen"))
    response = client.get("/de/suche/", {"q": "Kirschkernkissen"})
    assert titles(response, "document") == ["Öffentlich"]


def test_private_pages_and_pages_in_moderation_are_never_found(seeded, client):
    section = german_section()
    private = TopicPageFactory(parent=section, title="Mitgliederbereich Zitronenfalter")
    PageViewRestriction.objects.create(page=private, restriction_type="login")
    live = TopicPageFactory(parent=section, title="Öffentliche Seite")
    live.title = "Überarbeitung Pfauenauge"
    live.save_revision()  # a new draft, e.g. in moderation: the live page keeps its title
    assert titles(client.get("/de/suche/", {"q": "Zitronenfalter"})) == []
    assert titles(client.get("/de/suche/", {"q": "Pfauenauge"})) == []
    assert "Öffentliche Seite" in titles(client.get("/de/suche/", {"q": "Öffentliche"}))


def test_draft_partners_are_never_found(seeded, client):
    Partner.objects.create(name="Geheimverein Nachtigall", locale=Locale.get_default(), live=False)
    assert titles(client.get("/de/suche/", {"q": "Nachtigall"})) == []


def test_the_index_follows_publishing_and_unpublishing(seeded, client):
    page = TopicPageFactory(parent=german_section(), title="Entwurf Wiedehopf", live=False)
    assert titles(client.get("/de/suche/", {"q": "Wiedehopf"})) == []
    page.save_revision().publish()
    assert titles(client.get("/de/suche/", {"q": "Wiedehopf"})) == ["Entwurf Wiedehopf"]
    page.refresh_from_db()
    page.unpublish()
    assert titles(client.get("/de/suche/", {"q": "Wiedehopf"})) == []

    partner = publish_partner("Verein Eisvogel")
    assert titles(client.get("/de/suche/", {"q": "Eisvogel"}), "partner") == ["Verein Eisvogel"]
    partner.unpublish()
    assert titles(client.get("/de/suche/", {"q": "Eisvogel"})) == []


def test_edits_are_searchable_once_published(seeded, client):
    partner = publish_partner("Verein Rotkehlchen")
    partner.measures = "<p>Sprachkurse für Gänseblümchen</p>"
    partner.save_revision()
    assert titles(client.get("/de/suche/", {"q": "Gänseblümchen"})) == []
    partner.get_latest_revision().publish()
    assert titles(client.get("/de/suche/", {"q": "Gänseblümchen"})) == ["Verein Rotkehlchen"]


# Partners and languages


def test_english_visitors_see_the_german_partner_until_a_translation_is_live(seeded, client):
    partner = publish_partner("Stiftung Kranich", measures="<p>Mentoring</p>")
    response = client.get("/en/search/", {"q": "Kranich"})
    [hit] = hits(response, "partner")
    assert hit.language == "de"
    assert hit.url.startswith("/en/") and "#partnerliste" in hit.url
    translation = partner.copy_for_translation(Locale.objects.get(language_code="en"))
    translation.save()
    translation.save_revision().publish()
    [hit] = hits(client.get("/en/search/", {"q": "Kranich"}), "partner")
    assert hit.language == "en"
    assert titles(client.get("/de/suche/", {"q": "Kranich"}), "partner") == ["Stiftung Kranich"]


def test_english_pages_never_appear_on_the_german_search(seeded, client):
    response = client.get("/de/suche/", {"q": "partners"})
    assert all(hit.language == "de" for hit in hits(response, "page"))


# What a result shows


def test_each_result_has_type_excerpt_and_date(seeded, client):
    release = PressReleasePage.objects.filter(locale__language_code="de").first()
    word = release.title.split()[-1]
    response = client.get("/de/suche/", {"q": word})
    [hit] = [hit for hit in hits(response, "page") if hit.title == release.title]
    assert hit.label == "Pressemitteilung"
    assert hit.date == release.date
    html = response.content.decode()
    assert f'<time datetime="{release.date:%Y-%m-%d}">' in html
    partner_response = client.get("/de/suche/", {"q": "Partner"})
    labels = {hit.kind: hit.label for hit in hits(partner_response)}
    assert labels["page"] in {"Seite", "Publikation", "Pressemitteilung"}


def test_excerpts_mark_the_words_and_escape_everything_else(seeded, client):
    TopicPageFactory(
        parent=german_section(),
        title="Vorsicht Markup",
        lead='<script>alert("x")</script> Ein Text über Zaunkönige & <b>Meisen</b>.',
    )
    response = client.get("/de/suche/", {"q": "Zaunkönige"})
    [hit] = hits(response)
    html = response.content.decode()
    assert "<mark>Zaunkönige</mark>" in html
    assert "<script>alert" not in html and "<b>Meisen" not in html
    assert "&amp;" in str(hit.excerpt)


def test_excerpts_come_from_the_body_when_the_lead_does_not_match(seeded, client):
    TopicPageFactory(
        parent=german_section(),
        title="Textseite",
        lead="Ein Vorspann ohne das Wort.",
        body__0__paragraph__value=RichText("<p>Weiter unten steht Holunderblüte im Text.</p>"),
    )
    response = client.get("/de/suche/", {"q": "Holunderblüte"})
    assert "<mark>Holunderblüte</mark>" in str(hits(response)[0].excerpt)


def test_a_query_keeps_every_word_and_marks_both(seeded, client):
    TopicPageFactory(parent=german_section(), title="Vögel", lead="Amsel und Drossel singen.")
    TopicPageFactory(parent=german_section(), title="Nur Amsel", lead="Eine Amsel singt.")
    response = client.get("/de/suche/", {"q": "amsel drossel"})
    assert titles(response) == ["Vögel"]
    assert "<mark>Amsel</mark> und <mark>Drossel</mark>" in str(hits(response)[0].excerpt)


# Pagination and cost


def test_pages_then_partners_then_documents_across_result_pages(seeded, client):
    for number in range(12):
        TopicPageFactory(parent=german_section(), title=f"Quokka {number}")
    publish_partner("Quokka-Freunde")
    upload("Quokka-Broschüre", sample_files.pdf_bytes(pages=1, text="Quokka"))
    first = client.get("/de/suche/", {"q": "Quokka"})
    second = client.get("/de/suche/", {"q": "Quokka", "seite": "2"})
    assert first.context["count"] == 14
    assert [hit.kind for hit in hits(first)] == ["page"] * 10
    assert [hit.kind for hit in hits(second)] == ["page", "page", "partner", "document"]
    assert 'start="11"' in second.content.decode()


def _get(client, url, params):
    assert client.get(url, params).status_code == 200


# Every HTML page once warm (tests/test_query_budget.py): the frame, the hits' summaries and
# the promoted searches are kept per content generation; a count and a slice per block remain.
SEARCH_BUDGET = 10


@pytest.mark.parametrize(("url", "query"), [("/de/suche/", "Partner"), ("/en/search/", "partner")])
def test_a_results_page_has_a_fixed_query_budget(
    seeded, client, url, query, django_assert_max_num_queries
):
    _get(client, url, {"q": query})  # warm per-process caches (site root paths, content types)
    with django_assert_max_num_queries(SEARCH_BUDGET) as context:
        _get(client, url, {"q": query})
    before = len(context)  # read now: the next request clears Django's query log
    section = (
        german_section()
        if url.startswith("/de/")
        else SectionPage.objects.get(locale__language_code="en")
    )
    for number in range(15):
        TopicPageFactory(parent=section, title=f"{query} Zusatz {number}")
        publish_partner(f"{query} Verein {number}")
    _get(client, url, {"q": query})  # warm
    with django_assert_max_num_queries(before + 1):
        _get(client, url, {"q": query})


def test_a_title_match_ranks_before_a_match_in_the_text(seeded, client):
    section = german_section()
    TopicPageFactory(parent=section, title="Der Wendehals", lead="Ein Vogel.")
    TopicPageFactory(
        parent=section,
        title="Vogelarten",
        lead="Specht, Kleiber, Meise, Wendehals, Zaunkönig, Rotkehlchen und viele andere.",
    )
    # Created last, the text match would come first if the order were by age alone.
    assert titles(client.get("/de/suche/", {"q": "Wendehals"})) == ["Der Wendehals", "Vogelarten"]


def test_no_results_page_helps_on(seeded, client):
    html = client.get("/de/suche/", {"q": "Quokkazucht"}).content.decode()
    assert "0 Treffer für „Quokkazucht“" in html
    assert "Prüfen Sie die Schreibweise." in html
    assert '<a class="button kern-btn kern-btn--secondary" href="/de/">' in html
    assert 'value="Quokkazucht"' in html


def test_the_admin_choosers_autocomplete_still_works(seeded, admin_client):
    """The portal's backend serves Wagtail's admin search and autocomplete too."""
    found = [page.title for page in Page.objects.live().autocomplete("Partn")]
    assert "Wir sind Partner" in found
    response = admin_client.get("/admin/choose-page/search/", {"q": "Partner"})
    assert response.status_code == 200
    assert "Wir sind Partner" in response.content.decode()
