"""The partner directory: page rules, the seeded page in both languages, the partner list with
its no-JavaScript filter, bad parameters, the locale fallback, query counts and the admin."""

import datetime
import re
from zoneinfo import ZoneInfo

from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.test import RequestFactory

from wagtail.models import (
    GroupApprovalTask,
    Locale,
    Page,
    Revision,
    Site,
    Workflow,
    WorkflowContentType,
    WorkflowTask,
)
from wagtail.test.utils import WagtailPageTestCase
from wagtail.test.utils.form_data import nested_form_data, rich_text

import pytest
import wagtail_factories

from home.models import TopicPage
from home.seed.contact import seed_contact_persons
from home.seed.pages import seed_content_pages
from partners.directory import PER_PAGE
from partners.models import Partner, PartnerFormPage, PartnerIndexPage, PartnerKind
from partners.seed import pages as seed_pages
from partners.seed import seed_partners
from partners.seed.partners import PARTNERS
from portal.seed import SeedContext, SeedReport, load_seed_content
from tests.factories import (
    PartnerFactory,
    PartnerFormPageFactory,
    PartnerIndexPageFactory,
    SectionPageFactory,
    TopicPageFactory,
)
from tests.helpers import PARTNER_FORM_EN, PARTNERS_DE, PARTNERS_EN


def seed_context():
    return SeedContext(
        report=SeedReport(),
        german=Locale.get_default(),
        english=Locale.objects.get_or_create(language_code="en")[0],
    )


@pytest.fixture
def directory(directory_de):
    """The seeded German directory without partners, for tests that bring their own."""
    Partner.objects.all().delete()
    return directory_de


def remove_partner_section():
    """Delete what the partner seed made, so that a test can watch it being made."""
    for page in PartnerIndexPage.objects.all():
        page.delete()
    Partner.objects.all().delete()


def run_seeded(brochure=None):
    """The seed steps up to the partners' (all idempotent) with a fresh report."""
    context = seed_context()
    seed_content_pages(context)
    seed_contact_persons(context)
    if brochure is not None:
        context.pages["brochure"] = brochure
    seed_partners(context)
    return context


def text_of(response):
    """The visible text of a response, with tags removed and white space collapsed."""
    html = re.sub(r"<[^>]+>", " ", response.content.decode())
    return " ".join(html.split())


def partner_names(response):
    return re.findall(r'class="partner__name">([^<]+)<', response.content.decode())


def letter_headings(response):
    return re.findall(
        r'class="partner-letter__heading" id="[^"]+">([^<]+)</h3>', response.content.decode()
    )


# Page rules ----------------------------------------------------------------------------------


class TestPageRules(WagtailPageTestCase):
    def test_directory_declares_topic_pages_as_parents_and_the_form_as_child(self):
        self.assertEqual(PartnerIndexPage.clean_parent_page_models(), [TopicPage])
        self.assertAllowedSubpageTypes(PartnerIndexPage, {PartnerFormPage})

    def test_directory_can_be_created_under_a_topic_page(self):
        self.assertAllowedParentPageTypes(PartnerIndexPage, {TopicPage})

    def test_form_page_only_under_the_directory_without_children(self):
        self.assertAllowedParentPageTypes(PartnerFormPage, {PartnerIndexPage})
        self.assertAllowedSubpageTypes(PartnerFormPage, set())

    def test_one_directory_per_language_and_one_form_per_directory(self):
        remove_partner_section()
        home = Site.objects.get(is_default_site=True).root_page
        topic = TopicPageFactory(parent=SectionPageFactory(parent=home))
        other_topic = TopicPageFactory(parent=topic.get_parent())
        page = PartnerIndexPageFactory(parent=topic, slug="wir-sind-partner")
        self.assertFalse(PartnerIndexPage.can_create_at(other_topic))
        self.assertTrue(PartnerFormPage.can_create_at(page))
        PartnerFormPageFactory(parent=page, slug="partner-werden")
        self.assertFalse(PartnerFormPage.can_create_at(page))


# The seeded page -----------------------------------------------------------------------------


def test_seeded_directory_has_the_old_text_verbatim(seeded, client):
    response = client.get(PARTNERS_DE)
    assert response.status_code == 200
    text = text_of(response)
    verbatim = [
        seed_pages.LEAD,
        *seed_pages.WINNING_PARTNERS,
        seed_pages.BROCHURE_TITLE,
        *seed_pages.BROCHURE_TEXT,
        seed_pages.BROCHURE_MENTION,
        seed_pages.GOALS_INTRO,
        *seed_pages.GOALS,
        *seed_pages.FRAMEWORK,
    ]
    for passage in verbatim:
        assert passage in text
    html = response.content.decode()
    assert html.count("<li>") >= len(seed_pages.GOALS)
    for goal in seed_pages.GOALS:
        assert f"<li>{goal}</li>" in html
    for left_out in ("Import_Export", "Teilnehmer-Ansteck-Karten", "Bild des Benutzers"):
        assert left_out not in html
    assert not re.search(r"<a [^>]*>[^<]*Dokumentation zur Veranstaltung", html)


def test_seeded_directory_keeps_the_old_publication_date(seeded):
    page = PartnerIndexPage.objects.get(locale__language_code="de")
    berlin = ZoneInfo("Europe/Berlin")
    assert page.first_published_at == datetime.datetime(2017, 9, 13, 13, 50, tzinfo=berlin)
    assert page.live and page.live_revision is not None


def test_seed_creates_the_29_partners_of_the_old_page_as_published_snippets(seeded):
    partners = Partner.objects.filter(locale__language_code="de")
    assert partners.count() == len(PARTNERS) == 29
    assert all(partner.live and partner.live_revision_id for partner in partners)
    assert not Partner.objects.filter(locale__language_code="en").exists()
    police = partners.get(name="Polizeipräsidium Dortmund")
    assert (police.kind, police.place) == (PartnerKind.POLICE, "Dortmund")
    assert partners.get(name="IHK NRW").kind == PartnerKind.CHAMBER
    assert partners.get(name="Westdeutscher Rundfunk").kind == PartnerKind.BROADCASTER
    assert partners.get(name="Rheinbahn AG Düsseldorf").kind == PartnerKind.COMPANY
    assert not partners.exclude(website="").exists()
    assert not partners.exclude(joined_on=None).exists()


def test_first_run_creates_and_translates_the_partner_section(
    seeded, django_capture_on_commit_callbacks
):
    remove_partner_section()
    with django_capture_on_commit_callbacks(execute=True):
        context = run_seeded()
    report = context.report
    assert "de: Wir sind Partner" in report.created
    assert "de: Partner werden" in report.created
    assert sum(1 for name, _kind, _place in PARTNERS if f"de: {name}" in report.created) == 29
    assert report.translated == ["en: We are partners", "en: Become a partner"]
    assert report.warnings == []
    directory = PartnerIndexPage.objects.get(locale__language_code="de")
    contacts = [block for block in directory.sidebar if block.block_type == "contacts"]
    assert [person.name for person in contacts[0].value] == ["Kerstin Peters"]


def test_second_run_changes_nothing(seeded, django_capture_on_commit_callbacks):
    counts = (Partner.objects.count(), Page.objects.count(), Revision.objects.count())
    with django_capture_on_commit_callbacks(execute=True):
        context = run_seeded()
        report = load_seed_content()
    assert (Partner.objects.count(), Page.objects.count(), Revision.objects.count()) == counts
    assert context.report.created == [] and context.report.translated == []
    assert context.report.warnings == []
    mine = {"Wir sind Partner", "Partner werden", *(name for name, _kind, _place in PARTNERS)}
    assert not [line for line in report.created if line.removeprefix("de: ") in mine]


@pytest.mark.parametrize("with_brochure", [True, False], ids=["brochure", "no-brochure"])
def test_brochure_line_links_the_publication_page_only_if_there_is_one(
    seeded, django_capture_on_commit_callbacks, client, with_brochure
):
    remove_partner_section()
    brochure = None
    if with_brochure:
        brochure = TopicPageFactory(
            parent=Page.objects.get(slug="integration-und-arbeit", locale__language_code="de"),
            title="Leitfaden",
            slug="leitfaden-stellvertreter",
        )
    with django_capture_on_commit_callbacks(execute=True):
        context = run_seeded(brochure)
    assert context.report.warnings == []
    german = client.get(PARTNERS_DE).content.decode()
    english = client.get(PARTNERS_EN).content.decode()
    english_line = "Brochure “Migrant organisations as partners in recruiting skilled workers"
    if with_brochure:
        link = f'<a href="{brochure.url}">{seed_pages.BROCHURE_MENTION}</a>'
        assert link in german
        assert re.search(r"<a href=\"[^\"]+\">" + english_line, english)
    else:
        assert f"<p>{seed_pages.BROCHURE_MENTION}</p>" in german
        assert f"<p>{english_line}" in english


def test_sidebar_names_the_contact_person_in_both_languages(seeded, client):
    for url in (PARTNERS_DE, PARTNERS_EN):
        html = client.get(url).content.decode()
        sidebar = html[html.index('<aside class="sidebar"') :]
        assert "Kerstin Peters" in sidebar
    assert seed_pages.directory_sidebar(None) == []


def test_english_directory_is_translated_and_lists_german_partners(seeded, client):
    response = client.get(PARTNERS_EN)
    assert response.status_code == 200
    text = text_of(response)
    assert "We are partners" in text
    assert "With the initiative, the state government wants to help ensure that" in text
    assert "Terms of the partnership" in text
    assert seed_pages.WINNING_PARTNERS[0] not in text
    assert len(partner_names(response)) == 29
    assert "Polizeipräsidium Dortmund" in text
    assert response.content.decode().count('<li class="partner" lang="de">') == 29
    assert "Become a partner" in text


def test_english_form_page_has_english_labels(seeded, client):
    response = client.get(PARTNER_FORM_EN)
    assert response.status_code == 200
    html = response.content.decode()
    for label in ("Organisation", "Contact person", "E-mail address", "Planned measures"):
        assert f">{label} *</label>" in html
    assert "I agree that my details will be stored" in html
    assert "Geplante Maßnahmen" not in html


# The partner list and its filter -------------------------------------------------------------


def test_partners_are_listed_a_to_z_under_their_letters(directory_de, client):
    response = client.get(directory_de.url)
    assert "29 Partner" in text_of(response)
    names = partner_names(response)
    assert len(names) == 29
    assert names[:5] == [
        "Arbeiter-Samariter-Bund Regionalverband Ruhr e.V.",
        "Bezirksregierung Arnsberg",
        "Bezirksregierung Detmold",
        "Bezirksregierung Düsseldorf",
        "Bezirksregierung Münster",
    ]
    assert names[-2:] == ["Westdeutscher Handwerkskammertag", "Westdeutscher Rundfunk"]
    assert letter_headings(response) == list("ABCDIJKLMPRSW")


def test_umlauts_sort_with_their_base_letter(directory, client):
    for name in ("Zeche", "Ärztekammer", "Apotheke", "Öffentliche Hand", "Ober"):
        PartnerFactory(name=name)
    assert partner_names(client.get(directory.url)) == [
        "Apotheke",
        "Ärztekammer",
        "Ober",
        "Öffentliche Hand",
        "Zeche",
    ]


@pytest.mark.parametrize(
    ("params", "expected"),
    [
        ({"art": "polizei"}, ["Polizei Gelsenkirchen", "Polizeipräsidium Dortmund"]),
        ({"art": "polizei", "q": "dortmund"}, ["Polizeipräsidium Dortmund"]),
        ({"q": "Dortmund"}, ["Jobcenter Dortmund", "Polizeipräsidium Dortmund"]),
        ({"q": "kreis soest"}, ["Kreis Soest"]),
        ({"q": "  MÜNSTER  "}, ["Bezirksregierung Münster"]),
        ({"art": "rundfunk", "q": ""}, ["Westdeutscher Rundfunk"]),
    ],
)
def test_filter_by_kind_and_text(directory_de, client, params, expected):
    response = client.get(directory_de.url, params)
    assert response.status_code == 200
    assert partner_names(response) == expected
    text = text_of(response)
    assert f"{len(expected)} Partner" in text
    assert "Alle Partner zeigen" in text


def test_filter_is_a_plain_get_form_with_labelled_fields(directory_de, client):
    html = client.get(directory_de.url + "?art=polizei&q=dortmund").content.decode()
    form = re.search(r'<form class="portal-form partner-filter"[^>]*>', html).group(0)
    assert 'method="get"' in form
    assert f'action="{directory_de.url}#partnerliste"' in form
    assert '<label class="kern-label" for="id_art">Art</label>' in html
    assert '<label class="kern-label" for="id_ort">Ort</label>' in html
    assert '<label class="kern-label" for="id_q">Name oder Ort</label>' in html
    assert '<option value="polizei" selected>Polizei (1)</option>' in html
    assert 'value="dortmund"' in html
    assert "<script" not in html


def test_no_match_says_so_and_links_to_the_full_list(directory_de, client):
    response = client.get(directory_de.url, {"art": "rundfunk", "q": "Dortmund"})
    assert response.status_code == 200
    html = response.content.decode()
    assert partner_names(response) == []
    assert "0 Partner" in text_of(response)
    assert "Keine Partner entsprechen Ihrer Auswahl." in html
    assert f'<a href="{directory_de.url}#partnerliste">Filter zurücksetzen' in html


@pytest.mark.parametrize(
    ("params", "error"),
    [
        ({"art": "unbekannt"}, "Diese Art gibt es nicht."),
        ({"art": "<script>alert(1)</script>"}, "Diese Art gibt es nicht."),
        ({"q": "x" * 10_000}, "Bitte höchstens 100 Zeichen eingeben."),
        ({"q": "Dort\x00mund"}, "unzulässige Zeichen"),
        ({"art": "polizei\x00"}, "Diese Art gibt es nicht."),
    ],
)
def test_bad_parameters_are_reported_and_ignored(directory_de, client, params, error):
    response = client.get(directory_de.url, params)
    assert response.status_code == 200
    assert len(partner_names(response)) == 29
    html = response.content.decode()
    assert error in html
    assert 'role="alert"' in html
    assert "\x00" not in html
    assert "<script>alert(1)</script>" not in html


def test_bad_parameters_on_the_english_page(seeded, client):
    for params in ({"art": "unknown"}, {"q": "x" * 10_000}, {"q": "\x00"}):
        response = client.get(PARTNERS_EN, params)
        assert response.status_code == 200
        assert 'role="alert"' in response.content.decode()
        assert len(partner_names(response)) == 29


def test_a_bad_parameter_does_not_cancel_the_good_one(directory_de, client):
    response = client.get(directory_de.url, {"art": "polizei", "q": "x" * 500})
    assert partner_names(response) == ["Polizei Gelsenkirchen", "Polizeipräsidium Dortmund"]


@pytest.mark.parametrize(
    "query", ['"', "'", '"abc', "' OR 1=1 --", "%", "_", "\\", "()", "🙂", "a" * 100]
)
def test_odd_but_valid_text_is_searched_literally(directory_de, client, query):
    response = client.get(directory_de.url, {"q": query})
    assert response.status_code == 200
    assert partner_names(response) == []
    assert "Keine Partner entsprechen Ihrer Auswahl." in response.content.decode()


def test_repeated_and_unknown_parameters(directory_de, client):
    response = client.get(directory_de.url + "?art=kammer&art=polizei&utm_source=x&page=-1")
    assert response.status_code == 200
    assert partner_names(response) == ["Polizei Gelsenkirchen", "Polizeipräsidium Dortmund"]
    assert client.get(directory_de.url + "?q=%FF%FE&art=%C0").status_code == 200  # not UTF-8


# Partner entries ------------------------------------------------------------------------------


def test_entry_shows_facts_external_link_logo_and_self_commitment(
    directory, client, settings, tmp_path
):
    settings.MEDIA_ROOT = tmp_path
    PartnerFactory(
        name="Stadt Beispielstadt",
        kind=PartnerKind.DISTRICT_OR_CITY,
        place="Beispielstadt",
        website="https://www.beispielstadt.de/integration",
        logo=wagtail_factories.ImageFactory(title="Logo", description="Wappen"),
        joined_on=datetime.date(2018, 3, 22),
        measures="<ul><li>Fortbildungen für Führungskräfte</li></ul>",
        time_frame="2018 bis 2020",
    )
    PartnerFactory(name="Schlichter Partner", place="", website="")
    html = client.get(directory.url).content.decode()
    assert (
        '<a class="partner__website external-link" href="https://www.beispielstadt.de/integration" '
        'rel="noopener">www.beispielstadt.de<span class="visually-hidden"> (externer Link)</span>'
    ) in html
    logos = [tag for tag in re.findall(r"<img [^>]+>", html) if "partner__logo" in tag]
    assert len(logos) == 1
    assert 'alt=""' in logos[0]  # decorative: the name stands right beside it
    assert 'src="/media/images/' in logos[0]
    assert '<time datetime="2018-03-22">22. März 2018</time>' in html
    assert "<summary>Selbstverpflichtung</summary>" in html
    assert "<li>Fortbildungen für Führungskräfte</li>" in html
    assert "2018 bis 2020" in html
    assert html.count("<details") == 1  # the plain partner has no self-commitment
    assert "Kreis oder Stadt" in html


def test_drafts_and_other_languages_stay_out(directory, client, locale_en):
    PartnerFactory(name="Veröffentlicht")
    PartnerFactory(name="Entwurf", live=False)
    PartnerFactory(name="Only English", locale=locale_en)
    assert partner_names(client.get(directory.url)) == ["Veröffentlicht"]


def test_english_page_prefers_live_english_translations(seeded, client):
    partner = Partner.objects.get(name="Westdeutscher Rundfunk")
    english = partner.copy_for_translation(Locale.objects.get(language_code="en"))
    english.time_frame = "2019 to 2021"
    english.save()
    response = client.get(PARTNERS_EN)
    html = response.content.decode()
    assert partner_names(response).count("Westdeutscher Rundfunk") == 1
    assert "2019 to 2021" in html
    assert html.count('<li class="partner" lang="de">') == 28

    english.live = False
    english.save()
    response = client.get(PARTNERS_EN)
    assert partner_names(response).count("Westdeutscher Rundfunk") == 1
    assert "2019 to 2021" not in response.content.decode()


# Query counts --------------------------------------------------------------------------------


# The directory with three partners (the page frame included).
DIRECTORY_BUDGET = 36  # measured 32 on SQLite; headroom for other databases


def test_directory_queries_do_not_grow_with_the_partners(
    directory, client, media, settings, django_assert_max_num_queries
):
    def count_queries(url):
        assert client.get(url).status_code == 200  # warm-up: renditions, site root paths
        with django_assert_max_num_queries(DIRECTORY_BUDGET, info=url) as queries:
            response = client.get(url)
        assert response.status_code == 200
        return len(queries), response

    # Renditions get a cache of their own, as in production: 300 of them would otherwise
    # evict the site root paths from the small test cache and cost queries unrelated to
    # the list. A dummy cache also means a missing prefetch would show as queries here.
    settings.CACHES = {
        **settings.CACHES,
        "renditions": {"BACKEND": "django.core.cache.backends.dummy.DummyCache"},
    }

    def add_partners(number):
        for _ in range(number):
            PartnerFactory(
                logo=wagtail_factories.ImageFactory(file__width=4, file__height=4),
                measures="<p>Fortbildungen</p>",
                website="https://example.org/",
            )

    add_partners(3)
    few, response = count_queries(directory.url)
    assert len(partner_names(response)) == 3
    add_partners(297)
    many, response = count_queries(directory.url)
    assert "300 Partner" in text_of(response)
    assert len(partner_names(response)) == PER_PAGE  # a page at a time
    assert many == few
    last, response = count_queries(directory.url + "?seite=6")
    assert len(partner_names(response)) == 300 - 5 * PER_PAGE
    assert last == few
    filtered, _response = count_queries(directory.url + "?art=polizei&ort=Dortmund&q=x&seite=2")
    assert filtered <= few + 1  # a place the text does not find: is it known at all?


# Admin ---------------------------------------------------------------------------------------


def test_admin_lists_filters_and_searches_partners(seeded, admin_client):
    url = "/admin/snippets/partners/partner/"
    response = admin_client.get(url, {"kind": "polizei"})
    assert response.status_code == 200
    html = response.content.decode()
    assert "Polizeipräsidium Dortmund" in html and "Stadt Solingen" not in html
    for query in ("Dortmund", '"', "x" * 1000):
        assert admin_client.get(url, {"q": query}).status_code == 200
    assert "Solingen" in admin_client.get(url, {"q": "solingen"}).content.decode()


def test_admin_edit_views_render(seeded, admin_client):
    for model in (PartnerIndexPage, PartnerFormPage):
        for page in model.objects.all():
            response = admin_client.get(f"/admin/pages/{page.pk}/edit/")
            assert response.status_code == 200, page
    partner = Partner.objects.get(name="IHK NRW")
    response = admin_client.get(f"/admin/snippets/partners/partner/edit/{partner.pk}/")
    assert response.status_code == 200


def test_admin_rejects_a_bad_website_and_keeps_the_input(seeded, admin_client):
    url = "/admin/snippets/partners/partner/add/"
    assert admin_client.get(url).status_code == 200
    data = {
        "name": "Neuer Partner e.V.",
        "kind": "verband",
        "place": "Köln",
        "website": "javascript:alert(1)",
        "logo": "",
        "joined_on": "",
        "measures": rich_text("<p>Fortbildungen</p>"),
        "time_frame": "",
    }
    response = admin_client.post(url, nested_form_data(data))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Neuer Partner e.V." in html
    assert not Partner.objects.filter(name="Neuer Partner e.V.").exists()
    data["website"] = "https://example.org/"
    response = admin_client.post(url, nested_form_data(data))
    assert response.status_code == 302
    partner = Partner.objects.get(name="Neuer Partner e.V.")
    assert not partner.live  # saved as a draft; publishing is a separate step
    assert partner.locale.language_code == "de"


def test_partner_preview_renders_the_entry(seeded):
    partner = Partner.objects.get(name="IHK NRW")
    request = RequestFactory().get("/")
    response = partner.serve_preview(request, partner.default_preview_mode)
    html = response.render().content.decode()
    assert '<h2 class="partner__name">IHK NRW</h2>' in html
    assert "Kammer" in html


def test_new_partner_is_published_through_the_approval_workflow(db, admin_user):
    group = Group.objects.get_or_create(name="Freigabe Partner")[0]
    task = GroupApprovalTask.objects.create(name="Freigabe Partner")
    task.groups.set([group])
    workflow = Workflow.objects.create(name="Freigabe der Partner")
    WorkflowTask.objects.create(workflow=workflow, task=task, sort_order=0)
    WorkflowContentType.objects.update_or_create(
        content_type=ContentType.objects.get_for_model(Partner), defaults={"workflow": workflow}
    )
    partner = PartnerFactory(name="Neuer Partner", live=False)
    partner.save_revision(user=admin_user)
    state = partner.get_workflow().start(partner, admin_user)
    assert partner.workflow_in_progress
    task_state = state.current_task_state
    task_state.task.specific.on_action(task_state, admin_user, "approve")
    partner.refresh_from_db()
    assert partner.live
    assert partner.live_revision is not None


def test_partners_have_the_editorial_features(seeded):
    partner = Partner.objects.get(name="IHK NRW")
    assert partner.revisions.count() == 1
    assert partner.get_lock() is None
    assert hasattr(partner, "workflow_states")
    assert partner.get_translation_or_none(Locale.objects.get(language_code="en")) is None
