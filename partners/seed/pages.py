"""The old page "Wir sind Partner" and the new form "Partner werden", as seed content.

The text of "Wir sind Partner" is the old site's, verbatim. Left out: the Drupal by-line
(its date became the page's first publication), the caption of a photo we do not have, the
second copy of the brochure teaser, and the link of "Die Dokumentation zur Veranstaltung
finden Sie hier.", whose documentation we do not have.
"""

import datetime
import uuid
from zoneinfo import ZoneInfo

from portal.seed import block_id, stream

DIRECTORY_KEY = "wir-sind-partner"
FORM_KEY = "partner-werden"
FIELD_NAMESPACE = uuid.UUID("5b0f5a7e-8d0c-4a55-b7b2-2f8e0a4f9c13")

FIRST_PUBLISHED_AT = datetime.datetime(2017, 9, 13, 13, 50, tzinfo=ZoneInfo("Europe/Berlin"))

LEAD = (
    "Interkulturelle Öffnung ist ein Erfolgsfaktor! – Deshalb möchte die Landesregierung "
    "weitere Partner aus Behörden, Verbänden und Unternehmen gewinnen, um die "
    "interkulturelle Öffnung landesweit anzustoßen."
)
WINNING_PARTNERS = (
    "Die Partner beteiligen sich im Rahmen von Selbstverpflichtungen mit passgenauen "
    "Maßnahmen an der interkulturellen Öffnung ihrer Institution; das Ministerium bietet den "
    "Partnern im Gegenzug unterschiedliche Formate zum Informationsaustausch und zur "
    "Vernetzung an.",
    "Das Land Nordrhein-Westfalen wirbt bei Kommunen, Kreisen, großen Verbänden und "
    "Unternehmen dafür, die interkulturelle Öffnung in ihrem eigenen Bereich voranzutreiben.",
    "Behörden, Verbände und Unternehmen setzen verstärkt auf die interkulturelle Kompetenz "
    "ihrer Beschäftigten und werben für mehr Menschen mit Einwanderungsgeschichte, um "
    "leistungs- und wettbewerbsfähiger zu sein. Schließen Sie sich der Initiative des Landes "
    "im Rahmen einer aktiven Partnerschaft an und tragen Sie mit Ihrer Unterstützung zum "
    "Gelingen bei.",
)
BROCHURE_TITLE = (
    "Migrantenselbstorganisationen als Partner bei der Fachkräftegewinnung – "
    "Ein Leitfaden für Arbeitgeber"
)
BROCHURE_TEXT = (
    "Interkulturelle Öffnung ist ein wichtiger Baustein für die Leistungsfähigkeit von "
    "Organisationen im Einwanderungsland Nordrhein-Westfalen. Immer mehr öffentliche "
    "Verwaltungen, Unternehmen und Verbände reagieren auf die gesellschaftlichen "
    "Herausforderungen und passen ihre Angebote, Strukturen und Prozesse denen der "
    "wachsenden Vielfalt an.",
    "Auf der Suche nach gutem Personal können sie es sich angesichts der demografischen "
    "Veränderungen und dem damit einhergehenden Fachkräftemangel nicht leisten, auf "
    "Menschen mit Einwanderungsgeschichte zu verzichten. Denn diese bringen wichtige "
    "Potenziale in die Organisationen ein. Kooperationen mit z.B. "
    "Migrantenselbstorganisationen können dabei unterstützen, geeignete Nachwuchs- und "
    "Fachkräfte zu finden.",
)
BROCHURE_MENTION = f"Broschüre „{BROCHURE_TITLE}“"
GOALS_INTRO = "Mit der Initiative will die Landesregierung dazu beitragen, dass"
GOALS = (
    "interkulturelle Vielfalt in den Partnerorganisationen als Stärke begriffen wird;",
    "Beschäftigte mit Einwanderungsgeschichte in Behörden, Verbänden und Unternehmen "
    "angemessen vertreten sind;",
    "Chancengleichheit bei Einstellungsverfahren und weiteren Personalmaßnahmen "
    "gewährleistet wird;",
    "interkulturelle Kompetenzen in der Arbeitswelt besser genutzt werden;",
    "Führungskräfte, Mitarbeiterinnen und Mitarbeiter interkulturell fortgebildet werden;",
    "Diskriminierungen verhindert und Vorurteile abgebaut werden.",
)
FRAMEWORK = (
    "In einer formlosen Erklärung beschreiben die Partner, mit welchen konkreten Maßnahmen "
    "und Projekten und in welchem Zeitrahmen sie den Prozess der interkulturellen Öffnung in "
    "ihrer Organisation/in ihrem Unternehmen voranbringen wollen.",
    "Die Erklärung wird Bestandteil der Vereinbarung.",
    "Einmal im Jahr erstellt die Landesregierung auf der Grundlage der von den Partnern "
    "zugelieferten Informationen einen Bericht über die Entwicklung und die Aktivitäten. Die "
    "Landesregierung bietet ihren Partnern einen regelmäßigen Erfahrungsaustausch, die "
    "Teilnahme an Veranstaltungen zur Interkulturellen Öffnung und eine Plattform für "
    "gemeinsame Öffentlichkeitsarbeit an. Die letzte Partnerveranstaltung fand am 22.3.2018 "
    "im Ministerium statt. Die Dokumentation zur Veranstaltung finden Sie hier.",
)


def _heading(text):
    return ("heading", {"text": text, "level": "h2"})


def _paragraph(html):
    return ("paragraph", f"<p>{html}</p>")


def brochure_mention(brochure):
    """The brochure line: a link to the publication page if the downloads section made one."""
    if brochure is None:
        return BROCHURE_MENTION
    return f'<a linktype="page" id="{brochure.pk}">{BROCHURE_MENTION}</a>'


def directory_body(brochure):
    goals = "".join(f"<li>{goal}</li>" for goal in GOALS)
    return stream(
        DIRECTORY_KEY,
        [
            _heading("Partner gewinnen"),
            *[_paragraph(text) for text in WINNING_PARTNERS],
            _heading(BROCHURE_TITLE),
            *[_paragraph(text) for text in BROCHURE_TEXT],
            _paragraph(brochure_mention(brochure)),
            _heading("Ziele"),
            ("paragraph", f"<p>{GOALS_INTRO}</p><ul>{goals}</ul>"),
            _heading("Rahmenbedingungen der Partnerschaft"),
            *[_paragraph(text) for text in FRAMEWORK],
        ],
    )


def directory_sidebar(contact):
    """The old page's "Kontakt" panel, if the contact section created the person."""
    if contact is None:
        return []
    key = f"{DIRECTORY_KEY}-sidebar"
    item = {"type": "item", "value": contact.pk, "id": block_id(f"{key}-contacts", 0)}
    return stream(key, [("contacts", [item])])


FORM_INTRO = (
    "<p>Schließen Sie sich der Initiative des Landes im Rahmen einer aktiven Partnerschaft "
    "an und tragen Sie mit Ihrer Unterstützung zum Gelingen bei.</p>"
    "<p>In einer formlosen Erklärung beschreiben die Partner, mit welchen konkreten "
    "Maßnahmen und Projekten und in welchem Zeitrahmen sie den Prozess der interkulturellen "
    "Öffnung in ihrer Organisation/in ihrem Unternehmen voranbringen wollen.</p>"
)
FORM_PRIVACY_NOTICE = (
    "<p>Wir verwenden Ihre Angaben nur, um Ihre Anfrage zur Partnerschaft zu bearbeiten.</p>"
)
FORM_THANK_YOU = "<p>Ihre Angaben sind bei uns eingegangen. Wir melden uns bei Ihnen.</p>"

# (clean_name, label, field type, required, help text)
FORM_FIELDS = (
    (
        "organisation",
        "Organisation",
        "singleline",
        True,
        "Name der Behörde, des Verbands oder des Unternehmens.",
    ),
    ("ansprechperson", "Ansprechperson", "singleline", True, ""),
    ("e_mail", "E-Mail-Adresse", "email", True, "Damit wir Ihnen antworten können."),
    (
        "massnahmen",
        "Geplante Maßnahmen",
        "multiline",
        True,
        "Mit welchen konkreten Maßnahmen und Projekten wollen Sie die interkulturelle Öffnung "
        "in Ihrer Organisation voranbringen?",
    ),
    ("zeitrahmen", "Zeitrahmen", "singleline", True, "Zum Beispiel „2025 bis 2027“."),
    (
        "einwilligung",
        "Ich bin einverstanden, dass meine Angaben gespeichert und verwendet werden, um meine "
        "Anfrage zur Partnerschaft zu bearbeiten.",
        "checkbox",
        True,
        "",
    ),
)


def field_translation_key(clean_name):
    """A stable translation key, so the PO contexts (`form_fields.<key>.label`) match."""
    return uuid.uuid5(FIELD_NAMESPACE, f"{FORM_KEY}:{clean_name}")
