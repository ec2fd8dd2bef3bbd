"""The German seed content: the old site's page "Integration und Arbeit", verbatim.

Each page is described by its type, its place in the tree and its fields. Body blocks get
stable ids, so the English PO files in `en/` keep matching the German source.
"""

from dataclasses import dataclass
from pathlib import Path

from django.apps import apps

from wagtail.models import Site

from portal.seed import add_page, paragraphs, translate

PO_DIR = Path(__file__).resolve().parent / "en"


@dataclass(frozen=True)
class SeedPage:
    key: str  # stable name of the page in the seed, also the name of its PO file
    model: str  # "home.SectionPage"
    parent: str | None  # key of the parent page; None for the home page
    title: str
    slug: str
    lead: str = ""
    paragraphs: tuple[str, ...] = ()
    show_in_menus: bool = False


HOME = SeedPage(
    key="home",
    model="home.HomePage",
    parent=None,
    title="chancen.nrw",
    slug="home",
    lead=(
        "Das Portal der Landesregierung Nordrhein-Westfalen zu Integration und Arbeit: "
        "für gleichberechtigte Teilhabe am Erwerbsleben und die interkulturelle Öffnung "
        "der Landesverwaltung."
    ),
)

INTEGRATION_AND_WORK = SeedPage(
    key="integration-und-arbeit",
    model="home.SectionPage",
    parent="home",
    title="Integration und Arbeit",
    slug="integration-und-arbeit",
    show_in_menus=True,
    lead=(
        "Die gleichberechtigte Teilhabe am Erwerbsleben ist eine wesentliche Voraussetzung "
        "für gelingende Integration und Teilhabe. Nordrhein-Westfalen besitzt ein großes "
        "Potenzial an qualifizierten und an zu qualifizierenden zukünftigen Fachkräften mit "
        "Migrationshintergrund, die den Wirtschaftsstandort NRW nachhaltig stärken."
    ),
    paragraphs=(
        "Wegen der zentralen Bedeutung der Einmündung in Qualifizierung und Beschäftigung "
        "enthält das Gesetz zur Förderung der gesellschaftlichen Teilhabe in NRW auch den §8, "
        "in dem Grundsätze zur Integration /Arbeit normiert sind.",
        "Die Aktivitäten der Landesregierung konzentrieren sich insbesondere auf Menschen mit "
        "Einwanderungsgeschichte, die sich mit dem Willen und auch mit der Aussicht auf einen "
        "dauerhaften Aufenthalt in Nordrhein-Westfalen befinden.",
        "Die Landesregierung setzt sich für die Verbesserung der Zugangsmöglichkeiten zum "
        "allgemeinen Arbeitsmarkt für Menschen mit im Ausland erworbenen beruflichen "
        "Abschlüssen ein. Gleichzeitig stehen – mit Blick auf das künftige "
        "Fachkräftepotenzial – insbesondere auch die beruflichen Entwicklungsmöglichkeiten "
        "und Perspektiven der Menschen mit Einwanderungsgeschichte im Zentrum der "
        "Aktivitäten. Vielfalt im Unternehmen stärkt die Wettbewerbsfähigkeit und kann zum "
        "Unternehmenserfolg entscheidend beitragen. Um eine chancengerechte Teilhabe am "
        "Arbeitsleben sicherzustellen, ist es aus Sicht der Landesregierung aber auch "
        "erforderlich, dass Menschen mit Einwanderungsgeschichte in den auf Landes- und "
        "Regionalebene bestehenden ausbildungs- und beschäftigungsfördernden Gremien "
        "vertreten sind.",
    ),
)

INITIATIVE = SeedPage(
    key="initiative-interkulturelle-oeffnung-landesverwaltung",
    model="home.TopicPage",
    parent="integration-und-arbeit",
    title="Initiative zur interkulturellen Öffnung der Landesverwaltung",
    slug="initiative-zur-interkulturellen-oeffnung-der-landesverwaltung",
    show_in_menus=True,
    lead=(
        "Nordrhein-Westfalen profitiert seit Jahrzehnten davon, dass Menschen aus anderen "
        "Staaten in unser Land kommen, um hier zu leben und zu arbeiten. Allerdings sind "
        "Menschen mit Einwanderungsgeschichte in der Landesverwaltung noch unterrepräsentiert."
    ),
    paragraphs=(
        "Da die Verwaltungen nicht auf die Kompetenzen und Potenziale von Zugewanderten "
        "verzichten können, setzt die Landesregierung Nordrhein-Westfalen auf vielfältige "
        "Maßnahmen, um den Anteil der Beschäftigten mit Migrationshintergrund in der "
        "Landesverwaltung zu erhöhen.",
    ),
)

# The old page links "Interkulturelle Öffnung" without text of its own; its lead is the
# old site's own opening sentence of the partner initiative, nothing is invented.
INTERCULTURAL_OPENING = SeedPage(
    key="interkulturelle-oeffnung",
    model="home.TopicPage",
    parent="integration-und-arbeit",
    title="Interkulturelle Öffnung",
    slug="interkulturelle-oeffnung",
    show_in_menus=True,
    lead=(
        "Interkulturelle Öffnung ist ein Erfolgsfaktor! – Deshalb möchte die Landesregierung "
        "weitere Partner aus Behörden, Verbänden und Unternehmen gewinnen, um die "
        "interkulturelle Öffnung landesweit anzustoßen."
    ),
)

SEED_PAGES = (HOME, INTEGRATION_AND_WORK, INITIATIVE, INTERCULTURAL_OPENING)


def _apply_fields(page, seed):
    page.title = seed.title
    page.draft_title = seed.title
    page.slug = seed.slug
    page.lead = seed.lead
    page.body = paragraphs(seed.key, seed.paragraphs)
    page.show_in_menus = seed.show_in_menus


def seed_content_pages(context):
    """The home page (filled once) and the section and topic pages of the old site."""
    home = Site.objects.get(is_default_site=True).root_page.get_translation(context.german)
    home = home.specific
    home_seed, *other_seeds = SEED_PAGES
    if home.latest_revision_id is None:
        _apply_fields(home, home_seed)
        home.save_revision(log_action=True).publish()
        context.report.created.append(f"de: {home.title}")
    else:
        context.report.unchanged.append(f"de: {home.title}")
    context.pages[home_seed.key] = home
    for seed in other_seeds:
        page = apps.get_model(seed.model)()
        _apply_fields(page, seed)
        add_page(context, seed.key, context.pages[seed.parent], page)
    for seed in SEED_PAGES:
        translate(context, context.pages[seed.key], PO_DIR / f"{seed.key}.po")
