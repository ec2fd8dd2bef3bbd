"""The dashboard per role: what each editorial group finds to do when it logs in.

Redaktion: own drafts, own submissions with their state, what was sent back with the comment.
Freigabe: what awaits review, oldest first, with who and since when. Übersetzung: live German
content whose English version is missing or out of date. Administration: what was published
without approval this month. Each dashboard asks the same number of queries for 3 as for 30
items.
"""

import datetime
import re

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from django.utils.text import slugify

from wagtail.models import Locale, Page, PageLogEntry
from wagtail_localize.operations import translate_object

import pytest

from portal.editorial.publishing import PUBLISH_WITHOUT_APPROVAL, approved_publish
from portal.editorial.worklists import start_of_month
from tests.factories import PartnerFactory, TopicPageFactory
from tests.helpers import second_editor, section_de, submit, topic_page, workflow_action

pytestmark = pytest.mark.django_db

GERMAN_DATE = re.compile(r"\d\d\.\d\d\.\d{4}, \d\d:\d\d")
QUERY_BUDGET = 60  # the whole dashboard page: menu, summary, panels


def dashboard(client, user):
    client.force_login(user)
    response = client.get("/admin/", HTTP_ACCEPT_LANGUAGE="de")
    assert response.status_code == 200
    return response.content.decode()


def panel(html, name):
    """The text of one dashboard panel (its <section>), or "" when it is not there."""
    match = re.search(rf'<section[^>]*id="portal-{name}-section".*?</section>', html, re.S)
    return match.group(0) if match else ""


def rows(section):
    """The title of each row of a panel's table, in order."""
    titles = re.findall(
        r'<td class="title">\s*<div class="title-wrapper">(.*?)</div>', section, re.S
    )
    return [re.sub(r"<[^>]+>", "", title).strip() for title in titles]


def draft(user, title):
    """A German topic page never published, saved by `user`."""
    page = TopicPageFactory(parent=section_de(), title=title, live=False)
    page.save_revision(user=user)
    return page


def submitted(user, title):
    """A live German page with a change by `user` in the approval workflow."""
    page = topic_page(title=title, slug=slugify(title))
    page.lead = f"Geändert: {title}"
    page.save_revision(user=user)
    page.get_workflow().start(page, user)
    return Page.objects.get(pk=page.pk).specific


def sent_back(user, approver, title, comment):
    page = submitted(user, title)
    page.current_workflow_task_state.reject(user=approver, comment=comment)
    return page


# Redaktion ------------------------------------------------------------------------------------


def test_editor_sees_drafts_submissions_and_what_was_sent_back(seeded, client, role_users):
    editor, approver = role_users["editor"], role_users["approver"]
    draft(editor, "Mein Entwurf")
    partner = PartnerFactory(name="Mein Partnerentwurf", live=False)
    partner.save_revision(user=editor)
    draft(second_editor(), "Fremder Entwurf")
    submitted(editor, "Meine Einreichung")
    sent_back(editor, approver, "Zurückgewiesene Seite", "Bitte die Quelle ergänzen.")
    approved = submitted(editor, "Freigegebene Seite")
    client.force_login(role_users["second_approver"])
    workflow_action(client, approved, "approve")

    html = dashboard(client, editor)

    drafts = panel(html, "my-drafts")
    assert set(rows(drafts)) == {"Mein Entwurf", "Mein Partnerentwurf"}
    assert "<td>Partner</td>" in drafts
    assert "<td>Themenseite</td>" in drafts
    assert GERMAN_DATE.search(drafts)

    submissions = panel(html, "my-submissions")
    states = dict(
        re.findall(
            r'title="Bearbeiten">(.*?)</a>.*?<td>.*?</td>\s*<td>.*?</td>\s*<td>(.*?)</td>',
            submissions,
            re.S,
        )
    )
    assert states == {
        "Freigegebene Seite": "Freigegeben",
        "Zurückgewiesene Seite": "Änderungen angefordert",
        "Meine Einreichung": "In Freigabe",
    }

    back = panel(html, "sent-back")
    assert rows(back) == ["Zurückgewiesene Seite"]
    assert "Bitte die Quelle ergänzen." in back
    assert approver.get_username() in back
    assert GERMAN_DATE.search(back)

    # not the editor's work, not the editor's role
    assert "Fremder Entwurf" not in html
    assert not panel(html, "awaiting-review")
    assert not panel(html, "published-without-approval")
    assert not panel(html, "translations-due")


def test_editor_with_nothing_to_do_is_told_so(seeded, client, role_users):
    html = dashboard(client, role_users["editor"])

    for name in ("my-drafts", "my-submissions", "sent-back"):
        assert "Nichts zu tun." in panel(html, name)


def test_a_resubmitted_page_leaves_sent_back(seeded, client, role_users):
    editor = role_users["editor"]
    page = sent_back(editor, role_users["approver"], "Überarbeitet", "Zu lang.")
    client.force_login(editor)
    submit(client, page, "Kürzer.")

    html = dashboard(client, editor)

    assert "Überarbeitet" not in panel(html, "sent-back")
    assert "Überarbeitet" in panel(html, "my-submissions")
    assert "Überarbeitet" not in panel(html, "my-drafts")


# Freigabe -------------------------------------------------------------------------------------


def test_approver_sees_what_awaits_review_oldest_first_with_who_and_since_when(
    seeded, client, role_users
):
    editor, approver = role_users["editor"], role_users["approver"]
    now = timezone.now()
    for days, title in ((1, "Gestern eingereicht"), (9, "Vor neun Tagen"), (3, "Vor drei Tagen")):
        page = submitted(editor, title)
        task_state = page.current_workflow_task_state
        task_state.started_at = now - datetime.timedelta(days=days)
        task_state.save(update_fields=["started_at"])
    partner = PartnerFactory(name="Partner in Prüfung")
    partner.name = "Partner in Prüfung (neu)"
    partner.save_revision(user=editor)
    partner.get_workflow().start(partner, editor)
    submitted(approver, "Eigene Einreichung")  # four eyes: not for its author

    html = dashboard(client, approver)

    review = panel(html, "awaiting-review")
    assert rows(review) == [
        "Vor neun Tagen",
        "Vor drei Tagen",
        "Gestern eingereicht",
        "Partner in Prüfung (neu)",
    ]
    assert review.count(editor.get_username()) == 4
    nine_days_ago = timezone.localtime(now - datetime.timedelta(days=9))
    assert nine_days_ago.strftime("%d.%m.%Y, %H:%M") in review
    assert "data-workflow-action-url" in review  # approve / request changes from here
    assert "Eigene Einreichung" not in html
    assert not panel(html, "my-drafts")


def test_approver_with_nothing_to_review_is_told_so(seeded, client, role_users):
    assert "Nichts zu tun." in panel(dashboard(client, role_users["approver"]), "awaiting-review")


# Übersetzung ----------------------------------------------------------------------------------


def test_translator_sees_missing_and_outdated_translations_of_live_german_content(
    seeded, client, role_users
):
    english = Locale.objects.get(language_code="en")
    topic_page(title="Noch nicht übersetzt", slug="noch-nicht-uebersetzt")
    changed = topic_page(title="Seither geändert", slug="seither-geaendert")
    translate_object(changed, [english], user=role_users["translator"])
    translation = changed.get_translation(english)
    with approved_publish():
        translation.save_revision().publish()
        changed.lead = "Ein neuer Vorspann."
        changed.save_revision().publish()
    TopicPageFactory(parent=section_de(), title="Deutscher Entwurf", live=False)
    partner = PartnerFactory(name="Partner ohne Übersetzung")
    with approved_publish():
        partner.save_revision().publish()

    html = dashboard(client, role_users["translator"])

    due = panel(html, "translations-due")
    states = dict(
        re.findall(r'title="Bearbeiten">(.*?)</a>.*?<td>.*?</td>\s*<td>(.*?)</td>', due, re.S)
    )
    assert states["Noch nicht übersetzt"] == "fehlt"
    assert states["Seither geändert"] == "veraltet"
    assert states["Partner ohne Übersetzung"] == "fehlt"
    assert re.search(r"<td>\d+/\d+</td>", due)  # strings translated of all
    assert "Deutscher Entwurf" not in due
    assert not panel(html, "my-drafts")
    assert not panel(html, "awaiting-review")


# Administration -------------------------------------------------------------------------------


def test_administration_sees_what_was_published_without_approval_this_month(
    seeded, client, role_users
):
    administrator = role_users["administrator"]
    direct = topic_page(title="Eilig korrigiert", slug="eilig")
    direct.save_revision(user=administrator).publish(user=administrator)
    partner = PartnerFactory(name="Direkt veröffentlichter Partner")
    partner.save_revision(user=administrator).publish(user=administrator)
    old = topic_page(title="Im Vormonat", slug="vormonat")
    old.save_revision(user=administrator).publish(user=administrator)
    PageLogEntry.objects.filter(page=old, action=PUBLISH_WITHOUT_APPROVAL).update(
        timestamp=start_of_month() - datetime.timedelta(days=2)
    )
    approved = submitted(role_users["editor"], "Ordentlich freigegeben")
    client.force_login(role_users["approver"])
    workflow_action(client, approved, "approve")

    html = dashboard(client, administrator)

    released = panel(html, "published-without-approval")
    assert set(rows(released)) == {"Eilig korrigiert", "Direkt veröffentlichter Partner"}
    assert administrator.get_username() in released
    assert GERMAN_DATE.search(released)
    assert not panel(html, "awaiting-review")
    assert not panel(html, "my-drafts")


def test_a_superuser_sees_the_administration_panel(seeded, client, django_user_model):
    boss = django_user_model.objects.create_superuser("chefin", "chefin@example.org", "x" * 16)
    assert "Nichts zu tun." in panel(dashboard(client, boss), "published-without-approval")


def test_a_member_of_several_groups_sees_each_of_their_panels(seeded, client, role_users):
    from django.contrib.auth.models import Group

    user = role_users["editor"]
    user.groups.add(Group.objects.get(name="Übersetzung"), Group.objects.get(name="Freigabe"))

    html = dashboard(client, user)

    for name in ("my-drafts", "my-submissions", "sent-back", "awaiting-review", "translations-due"):
        assert panel(html, name), name
    assert not panel(html, "published-without-approval")


# Query budget: 3 or 30 items, the same queries -----------------------------------------------


def queries_for(client, user):
    dashboard(client, user)  # warm the caches (content types, permissions, site)
    with CaptureQueriesContext(connection) as captured:
        dashboard(client, user)
    return len(captured)


def editor_work(users, numbers):
    editor, approver = users["editor"], users["approver"]
    for n in numbers:
        draft(editor, f"Entwurf {n}")
        submitted(editor, f"Eingereicht {n}")
        sent_back(editor, approver, f"Zurück {n}", "Kommentar")


def review_work(users, numbers):
    for n in numbers:
        submitted(users["editor"], f"Zur Prüfung {n}")


def translation_work(users, numbers):
    for n in numbers:
        topic_page(title=f"Unübersetzt {n}", slug=f"unuebersetzt-{n}")


def administration_work(users, numbers):
    administrator = users["administrator"]
    for n in numbers:
        page = topic_page(title=f"Direkt {n}", slug=f"direkt-{n}")
        page.save_revision(user=administrator).publish(user=administrator)
        partner = PartnerFactory(name=f"Direkt {n}")
        partner.save_revision(user=administrator).publish(user=administrator)


@pytest.mark.parametrize(
    ("role", "make_work"),
    [
        ("editor", editor_work),
        ("approver", review_work),
        ("translator", translation_work),
        ("administrator", administration_work),
    ],
)
def test_the_dashboard_asks_as_many_queries_for_30_items_as_for_3(
    seeded, client, role_users, role, make_work, django_assert_max_num_queries
):
    user = role_users[role]
    make_work(role_users, range(3))
    few = queries_for(client, user)
    make_work(role_users, range(3, 30))
    many = queries_for(client, user)

    assert many == few
    with django_assert_max_num_queries(QUERY_BUDGET):
        dashboard(client, user)
