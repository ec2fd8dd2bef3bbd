"""Each role's main journey through the admin, in Chromium, as the person sees it.

- Redaktion writes a press release and submits it;
- Freigabe approves one submission and sends another back with a comment;
- Redaktion sees the comment on top of the form and submits again;
- Übersetzung translates a page and a partner and submits both, Freigabe releases them,
  and a visitor reads both in English.

Each step asserts what the user sees (messages, status labels, dashboard rows) and every
click is counted: `handbook_shots.CLICKS` holds the count of each journey, the handbook's table
(docs/handbuch/README.md, "Wie viele Klicks?") repeats it, and a test keeps the two equal.
Logins are not part of a journey: each person's session is made on the server before
Chromium starts and handed to the browser as a cookie, so no test pays for a login page.

With PORTAL_HANDBOOK_SCREENSHOTS=1 (`make handbook`) the journeys also photograph the admin
for the handbook, into docs/handbuch/bilder/.

No 5xx anywhere: the `page` fixture fails the test on any response of 400 or more, and
`server_errors` on any error the server logged (django.request), even one the browser
never saw (a failed background request).
"""

import logging
import re

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.test import Client

from wagtail.models import Locale, Page

import pytest
from playwright.sync_api import expect

from home.models import SectionPage, TopicPage
from partners.models import Partner, PartnerKind
from portal.editorial.publishing import approved_publish
from portal.editorial.roles import APPROVERS, EDITORS, TRANSLATORS
from press.models import PressReleaseIndexPage
from tests import handbook_shots
from tests.factories import PressReleasePageFactory
from tests.helpers import PARTNERS_EN

pytestmark = pytest.mark.browser

PEOPLE = {
    # key: (username, first name, last name, group)
    "editor": ("rita", "Rita", "Redaktion", EDITORS),
    "approver": ("frieda", "Frieda", "Freigabe", APPROVERS),
    "translator": ("ulla", "Ulla", "Übersetzung", TRANSLATORS),
}

RELEASE = "Neue Partner im Münsterland"
RELEASE_LEAD = "Drei Kreise treten der Initiative zur interkulturellen Öffnung bei."
RELEASE_TEXT = "Die Kreise Borken, Coesfeld und Steinfurt sind neu dabei."
CHANGES = "Bitte nennen Sie im Vorspann das Datum der Unterzeichnung."


# Fixtures: people, their sessions, the server's errors -----------------------------------------


@pytest.fixture
def sessions(site):
    """A logged-in session per role (made before Chromium starts, see `page`), by role."""
    keys = {}
    for role, (username, first, last, group) in PEOPLE.items():
        user = get_user_model().objects.create_user(
            username, f"{username}@example.org", first_name=first, last_name=last
        )
        user.groups.add(Group.objects.get(name=group))
        client = Client()
        client.force_login(user)
        keys[role] = client.cookies[settings.SESSION_COOKIE_NAME].value
    return keys


class ErrorLog(logging.Handler):
    def __init__(self):
        super().__init__(level=logging.ERROR)
        self.records = []

    def emit(self, record):
        self.records.append(self.format(record))


@pytest.fixture
def server_errors():
    """What the live server logs as an error while the test runs (5xx, exceptions)."""
    handler = ErrorLog()
    loggers = [logging.getLogger(name) for name in ("django.request", "django.server")]
    for logger in loggers:
        logger.addHandler(handler)
    yield handler.records
    for logger in loggers:
        logger.removeHandler(handler)
    assert not handler.records, "the server logged errors:\n" + "\n".join(handler.records)


class Journey:
    """One person's way through the admin: who is at the keyboard, and the clicks it takes."""

    def __init__(self, page, site, sessions):
        self.page, self.site, self.sessions = page, site, sessions
        self.clicks = 0
        page.set_viewport_size({"width": 1280, "height": 800})
        page.set_default_timeout(10_000)
        page.set_extra_http_headers({"Accept-Language": "de-DE,de"})

    def as_(self, role):
        """Continue as `role`, on their dashboard (a new tab in the morning: not a click)."""
        context = self.page.context
        context.clear_cookies()
        context.add_cookies(
            [{"name": settings.SESSION_COOKIE_NAME, "value": self.sessions[role], "url": self.site}]
        )
        self.clicks = 0
        self.open("/admin/")

    def as_visitor(self):
        self.page.context.clear_cookies()

    def open(self, path):
        response = self.page.goto(self.site + path)
        assert response.ok, f"{path}: HTTP {response.status}"

    def click(self, locator):
        locator.click()
        self.clicks += 1

    def counted(self, name):
        expected, _label = handbook_shots.CLICKS[name]
        assert self.clicks == expected, f"{name}: {self.clicks} clicks, expected {expected}"
        print(f"{name}: {self.clicks} clicks")  # noqa: T201 – the closing note's table
        self.clicks = 0

    def shot(self, name, target=None):
        handbook_shots.save(self.page, name, target)

    # What the admin shows

    @property
    def messages(self):
        return self.page.locator(".messages")

    def panel(self, name):
        return self.page.locator(f"#portal-{name}-section")

    def row(self, panel, title):
        return self.panel(panel).locator("tbody tr", has_text=title)

    def action_menu(self, button_name):
        """Open the editor's action menu (the arrow beside the main button) and pick one."""
        self.click(self.page.locator("footer .w-dropdown__toggle").first)
        button = self.page.locator(f'footer button[name="{button_name}"]')
        return button


@pytest.fixture
def journey(sessions, server_errors, site, page):
    """Needs to come after the fixtures that make content: Chromium starts here (see `page`)."""
    return Journey(page, site.url, sessions)


# Content the journeys start from (made before Chromium starts) ------------------------------


def press_index():
    return PressReleaseIndexPage.objects.get(locale__language_code="de")


def user(role):
    return get_user_model().objects.get(username=PEOPLE[role][0])


def submitted_release(title, lead):
    """A press release the editor wrote and submitted; never published."""
    editor = user("editor")
    release = PressReleasePageFactory(parent=press_index(), title=title, lead=lead, live=False)
    release.owner = editor
    release.save()
    release.save_revision(user=editor)
    release.get_workflow().start(release, editor)
    return Page.objects.get(pk=release.pk).specific


# Redaktion: write and submit -----------------------------------------------------------------


def test_editor_writes_a_press_release_and_submits_it(journey):
    page = journey.page
    journey.as_("editor")
    expect(journey.panel("my-submissions")).to_contain_text("Nichts zu tun.")
    journey.shot("redaktion-startseite")

    journey.click(page.get_by_role("button", name="Seiten", exact=True))
    journey.click(page.get_by_role("link", name="Pressemitteilungen", exact=True).first)
    expect(page.locator("h1")).to_contain_text("Pressemitteilungen")
    add = page.locator("header").get_by_role("link", name="Unterseite hinzufügen")
    journey.shot("pressemitteilungen-liste")
    journey.click(add)
    expect(page.locator("header")).to_contain_text("Neu: Pressemitteilung")

    page.fill("#id_title", RELEASE)
    page.fill("#id_lead", RELEASE_LEAD)
    journey.click(page.locator("button.c-sf-add-button").first)
    journey.click(page.get_by_role("option", name="Text", exact=True))
    page.locator("[data-contentpath='body'] [contenteditable='true']").first.fill(RELEASE_TEXT)
    journey.shot("seite-schreiben")

    submit = journey.action_menu("action-submit")
    expect(submit).to_have_text(re.compile("Zur Freigabe einreichen"))
    journey.shot("zur-freigabe-einreichen")
    journey.click(submit)
    expect(journey.messages).to_contain_text(f"„{RELEASE}“ erstellt und zur Freigabe eingereicht")
    journey.counted("editor_submit")

    journey.open("/admin/")
    submission = journey.row("my-submissions", RELEASE)
    expect(submission).to_contain_text("Pressemitteilung")
    expect(submission).to_contain_text("In Freigabe")
    journey.shot("meine-einreichungen", journey.panel("my-submissions"))

    journey.as_visitor()
    journey.open("/de/pressemitteilungen/")
    expect(page.locator("main")).not_to_contain_text(RELEASE)


# Freigabe: approve one, send one back ----------------------------------------------------------


@pytest.fixture
def two_submissions(sessions):
    first = submitted_release(RELEASE, RELEASE_LEAD)
    second = submitted_release("Fachtag Vielfalt", "Der Fachtag findet im Herbst statt.")
    return first, second


def confirm_approval(journey, title):
    """The dialog "Freigeben" opens: it says what happens, then one click confirms."""
    intro = journey.page.locator("[data-workflow-action-intro]")
    expect(intro).to_contain_text(f"„{title}“")
    expect(intro).to_contain_text("veröffentlicht")
    journey.click(journey.page.locator("form:has(textarea[name='comment']) button[type='submit']"))


def test_approver_approves_one_submission_and_sends_one_back(two_submissions, journey):
    page = journey.page
    first, second = two_submissions
    journey.as_("approver")
    waiting = journey.panel("awaiting-review")
    expect(waiting.locator("h2")).to_contain_text("Wartet auf Ihre Freigabe (2)")
    row = journey.row("awaiting-review", first.title)
    expect(row).to_contain_text("Rita Redaktion")
    expect(row).to_contain_text("Pressemitteilung")

    journey.click(row.locator(".w-dropdown__toggle"))
    journey.shot("freigabe-startseite")
    journey.click(row.get_by_role("button", name="Freigeben", exact=True))
    confirm_approval(journey, first.title)
    approved = f"„{first.title}“ wurde freigegeben und veröffentlicht."
    expect(journey.messages).to_contain_text(approved)
    expect(journey.row("awaiting-review", first.title)).to_have_count(0)
    journey.counted("approve")

    row = journey.row("awaiting-review", second.title)
    journey.click(row.locator(".w-dropdown__toggle"))
    journey.click(row.get_by_role("button", name="Änderungen anfordern"))
    dialog = page.locator("form:has(textarea[name='comment'])")
    expect(page.locator("[data-workflow-action-intro]")).to_contain_text(
        f"„{second.title}“ geht mit Ihrem Kommentar an die Redaktion zurück"
    )
    dialog.locator("textarea[name='comment']").fill(CHANGES)
    journey.shot("aenderungen-anfordern")
    journey.click(dialog.locator("button[type='submit']"))
    expect(journey.messages).to_contain_text(f"Änderungen an „{second.title}“ angefordert.")
    expect(waiting.locator("h2")).to_have_text(re.compile(r"Wartet auf Ihre Freigabe\s*$"))
    expect(waiting).to_contain_text("Nichts zu tun.")
    journey.counted("request_changes")

    journey.as_visitor()
    journey.open("/de/pressemitteilungen/")
    expect(page.locator("main")).to_contain_text(first.title)
    expect(page.locator("main")).not_to_contain_text(second.title)


# Redaktion: read the comment, change, submit again ---------------------------------------------


@pytest.fixture
def sent_back(sessions):
    release = submitted_release(RELEASE, RELEASE_LEAD)
    release.current_workflow_task_state.reject(user=user("approver"), comment=CHANGES)
    return release


def test_editor_sees_the_comment_and_submits_again(sent_back, journey):
    page = journey.page
    journey.as_("editor")
    row = journey.row("sent-back", RELEASE)
    expect(row).to_contain_text("Frieda Freigabe")
    expect(row).to_contain_text(CHANGES)
    journey.shot("aenderungen-angefordert", journey.panel("sent-back"))

    journey.click(row.get_by_role("link", name=RELEASE))
    notice = journey.messages
    expect(notice).to_contain_text("Änderungen angefordert von Frieda Freigabe am")
    expect(notice).to_contain_text(CHANGES)
    journey.shot("kommentar-im-formular")

    page.fill("#id_lead", "Am 3. März 2027 unterzeichnet: " + RELEASE_LEAD)
    submit = journey.action_menu("action-submit")
    journey.click(submit)
    expect(journey.messages).to_contain_text(RELEASE)
    journey.counted("resubmit")

    journey.open("/admin/")
    expect(journey.panel("sent-back")).to_contain_text("Nichts zu tun.")
    expect(journey.row("my-submissions", RELEASE)).to_contain_text("In Freigabe")


# Übersetzung, Freigabe, visitors: a page and a partner in English ------------------------------

TOPIC = "Fachkräfte gewinnen"
TOPIC_EN = "Recruiting skilled workers"
TOPIC_LEAD = "Wie Arbeitgeber Fachkräfte mit Einwanderungsgeschichte erreichen."
TOPIC_LEAD_EN = "How employers reach skilled workers with an immigration history."
PARTNER = "Kreis Borken"
MEASURES = "Mentoring für Auszubildende."
MEASURES_EN = "Mentoring for apprentices."


@pytest.fixture
def german_only(sessions):
    """A live German topic page and partner with no English version yet."""
    section = SectionPage.objects.get(locale__language_code="de")
    with approved_publish():
        topic = TopicPage(title=TOPIC, slug="fachkraefte-gewinnen", lead=TOPIC_LEAD, live=False)
        section.add_child(instance=topic)
        topic.save_revision().publish()
        partner = Partner(
            name=PARTNER,
            kind=PartnerKind.DISTRICT_OR_CITY,
            place="Borken",
            measures=f"<p>{MEASURES}</p>",
            locale=Locale.get_default(),
            live=False,
        )
        partner.save()
        partner.save_revision().publish()
    return topic.url


def translate(journey, source, translation):
    """Translate one string in wagtail-localize's editor: open it, type, save."""
    segment = journey.page.locator("li", has_text=source).last
    journey.click(segment.get_by_role("button", name="Übersetzen"))
    segment.locator("textarea").fill(translation)
    journey.click(segment.get_by_role("button", name="Speichern"))
    expect(segment).to_contain_text(translation)


def start_translation(journey, title):
    """From the dashboard's "Zu übersetzen": Übersetzen, Absenden (Englisch is ticked)."""
    page = journey.page
    row = journey.row("translations-due", title)
    expect(row).to_contain_text("fehlt")
    journey.click(row.get_by_role("link", name="Übersetzen"))
    expect(page.get_by_label("Englisch")).to_be_checked()
    journey.click(page.get_by_role("button", name="Absenden"))
    expect(journey.messages.first).to_contain_text("zur Übersetzung in Englisch eingereicht")


def submit_translation(journey):
    page = journey.page
    journey.click(page.locator('a[href*="/admin/translations/"][href$="/submit/"]'))
    expect(page.locator("main")).to_contain_text("sehen bis zur Freigabe weiter")
    journey.shot("uebersetzung-einreichen")
    journey.click(page.locator('main form button[type="submit"]'))
    expect(journey.messages.first).to_contain_text("ist zur Freigabe eingereicht")


def test_translator_translates_a_page_and_a_partner_approver_releases_visitors_read_them(
    german_only, journey
):
    page = journey.page
    journey.as_("translator")
    journey.shot("uebersetzung-startseite", journey.panel("translations-due"))

    start_translation(journey, TOPIC)
    translate(journey, TOPIC, TOPIC_EN)
    translate(journey, TOPIC_LEAD, TOPIC_LEAD_EN)
    journey.shot("uebersetzungseditor")
    submit_translation(journey)
    journey.counted("translate_page")

    journey.open("/admin/")
    start_translation(journey, PARTNER)
    translate(journey, MEASURES, MEASURES_EN)
    submit_translation(journey)
    journey.counted("translate_partner")

    journey.open("/admin/")
    submissions = journey.panel("my-submissions")
    expect(submissions.locator("tbody tr", has_text="In Freigabe")).to_have_count(2)

    journey.as_visitor()
    journey.open(PARTNERS_EN)
    expect(page.locator("main")).not_to_contain_text(MEASURES_EN)

    journey.as_("approver")
    for title in (TOPIC_EN, PARTNER):
        row = journey.row("awaiting-review", title)
        expect(row).to_contain_text("Englisch")
        expect(row).to_contain_text("Ulla Übersetzung")
        journey.click(row.locator(".w-dropdown__toggle"))
        journey.click(row.get_by_role("button", name="Freigeben", exact=True))
        confirm_approval(journey, title)
        expect(journey.messages).to_contain_text("wurde freigegeben und veröffentlicht.")
    expect(journey.panel("awaiting-review")).to_contain_text("Nichts zu tun.")
    journey.counted("release_translations")

    journey.as_visitor()
    journey.open(german_only)
    page.locator("nav.language-switcher").get_by_role("link", name="English", exact=True).click()
    expect(page.locator("html")).to_have_attribute("lang", "en")
    expect(page.locator("h1")).to_have_text(TOPIC_EN)
    expect(page.locator("main")).to_contain_text(TOPIC_LEAD_EN)
    journey.open(PARTNERS_EN)
    expect(page.locator("main")).to_contain_text(MEASURES_EN)
