"""Seed content of the press section: the archive and the one release the old site states.

The old page "Wir sind Partner" says of press-worthy events only "Die letzte
Partnerveranstaltung fand am 22.3.2018 im Ministerium statt." The release quotes that
sentence and the framework's sentences on the yearly report and the exchange with the
partners, verbatim; nothing is added. English versions come from the PO files in `en/`.
"""

import datetime
from pathlib import Path

from portal.seed import add_page, paragraphs, translate
from press.models import (
    PressReleaseContact,
    PressReleaseIndexPage,
    PressReleasePage,
    PressReleaseTopic,
)

PO_DIR = Path(__file__).resolve().parent / "en"

INDEX_KEY = "pressemitteilungen"
RELEASE_KEY = "partnerveranstaltung-im-ministerium"

EVENT_SENTENCE = "Die letzte Partnerveranstaltung fand am 22.3.2018 im Ministerium statt."
FRAMEWORK_SENTENCES = (
    "Einmal im Jahr erstellt die Landesregierung auf der Grundlage der von den Partnern "
    "zugelieferten Informationen einen Bericht über die Entwicklung und die Aktivitäten. "
    "Die Landesregierung bietet ihren Partnern einen regelmäßigen Erfahrungsaustausch, die "
    "Teilnahme an Veranstaltungen zur Interkulturellen Öffnung und eine Plattform für "
    "gemeinsame Öffentlichkeitsarbeit an."
)


def seed_press(context):
    """Create the press release archive and what the seed states about press releases."""
    index = add_page(
        context,
        INDEX_KEY,
        context.pages["home"],
        PressReleaseIndexPage(
            title="Pressemitteilungen", slug="pressemitteilungen", show_in_menus=True
        ),
    )
    release = PressReleasePage(
        title="Partnerveranstaltung im Ministerium",
        slug="partnerveranstaltung-im-ministerium",
        date=datetime.date(2018, 3, 22),
        lead=EVENT_SENTENCE,
        body=paragraphs(RELEASE_KEY, [FRAMEWORK_SENTENCES]),
    )
    release.topic_links = [PressReleaseTopic(topic=context.pages["interkulturelle-oeffnung"])]
    contact = context.snippets.get("kerstin-peters")
    if contact is not None:
        release.contact_links = [PressReleaseContact(person=contact)]
    release = add_page(context, RELEASE_KEY, index, release)

    translate(context, index, PO_DIR / f"{INDEX_KEY}.po")
    translate(context, release, PO_DIR / f"{RELEASE_KEY}.po")
