from django.core.management import call_command

from wagtail.models import Page, Revision

from home.models import SectionPage, TopicPage
from home.seed.pages import INITIATIVE, INTEGRATION_AND_WORK

OLD_SITE_SENTENCE = (
    "Die gleichberechtigte Teilhabe am Erwerbsleben ist eine wesentliche Voraussetzung "
    "für gelingende Integration und Teilhabe."
)


def test_seed_builds_the_german_tree_from_the_old_site(seeded):
    section = SectionPage.objects.get(locale__language_code="de")
    assert section.title == "Integration und Arbeit"
    assert section.get_parent().specific == seeded["de"]
    topics = set(TopicPage.objects.child_of(section).values_list("title", flat=True))
    assert topics == {
        "Initiative zur interkulturellen Öffnung der Landesverwaltung",
        "Interkulturelle Öffnung",
    }
    assert all(page.live for page in Page.objects.filter(depth__gte=2))


def test_seed_text_is_verbatim(seeded, client):
    response = client.get("/de/integration-und-arbeit/")
    assert OLD_SITE_SENTENCE in response.content.decode()
    for paragraph in INTEGRATION_AND_WORK.paragraphs:
        assert paragraph in response.content.decode()


def test_pages_are_published_as_revisions(seeded):
    for page in Page.objects.filter(depth__gte=2).specific():
        assert page.live_revision is not None, page.title
        assert page.first_published_at is not None


def test_english_tree_is_translated_from_po_files(seeded, client):
    response = client.get(
        "/en/integration-and-work/initiative-for-the-intercultural-opening-of-the-state-administration/"
    )
    assert response.status_code == 200
    content = response.content.decode()
    assert "under-represented in the state administration" in content
    assert INITIATIVE.lead not in content


def test_second_run_changes_nothing_and_says_so(seeded):
    pages_before = Page.objects.count()
    revisions_before = Revision.objects.count()
    output = _run_command()
    assert Page.objects.count() == pages_before
    assert Revision.objects.count() == revisions_before
    assert "nothing to do" in output


def test_seed_never_overwrites_an_editors_change(seeded):
    section = SectionPage.objects.get(locale__language_code="de")
    section.lead = "Von der Redaktion geändert."
    section.save_revision().publish()
    _run_command()
    section.refresh_from_db()
    assert section.lead == "Von der Redaktion geändert."


def test_missing_pages_are_created_again_and_reported(seeded):
    german = TopicPage.objects.get(slug=INITIATIVE.slug)
    german.get_translation(seeded["en"].locale).delete()
    german.delete()
    output = _run_command()
    assert f"+ de: {INITIATIVE.title}" in output
    assert "+ en: Initiative for the intercultural opening of the state administration" in output
    assert "Seed content loaded:" in output
    assert TopicPage.objects.filter(slug=INITIATIVE.slug).count() == 1


def _run_command():
    from io import StringIO

    out = StringIO()
    call_command("load_seed_content", stdout=out)
    return out.getvalue()
