"""Seed the contact page and the legal and accessibility pages.

Their structure is complete; where only the ministry knows the facts (names, addresses,
dates of the accessibility test) the text says so in square brackets for the editors to
complete. Nothing legal is invented. Longer than other modules: most of it is the text
of the pages themselves.
"""

from home.models import ContactFormField, ContactPage, ContactPagePerson, StandardPage
from portal.seed import add_page, block_id, stream, translate

from .pages import PO_DIR

TODO = "[Bitte ergänzen: {}]"


def heading(text):
    return ("heading", {"text": text, "level": "h2"})


def paragraph(html):
    return ("paragraph", html if html.startswith("<") else f"<p>{html}</p>")


IMPRINT = [
    heading("Herausgeber"),
    paragraph(
        "Landesregierung Nordrhein-Westfalen<br/>"
        + TODO.format("herausgebendes Ministerium mit vollständiger Postanschrift")
    ),
    heading("Vertreten durch"),
    paragraph(TODO.format("Name der Behördenleitung")),
    heading("Verantwortlich für den redaktionellen Inhalt"),
    paragraph(
        "Verantwortlich im Sinne von § 18 Abs. 2 Medienstaatsvertrag: "
        + TODO.format("Name und Anschrift der verantwortlichen Person")
    ),
    heading("Kontakt"),
    paragraph(
        TODO.format("Telefon und E-Mail-Adresse") + " Sie erreichen uns auch über das "
        "Kontaktformular dieses Portals."
    ),
    heading("Umsatzsteuer-Identifikationsnummer"),
    paragraph(TODO.format("falls vorhanden")),
    heading("Haftung für Links"),
    paragraph(
        "Dieses Portal enthält Links zu Angeboten Dritter. Für deren Inhalte sind allein "
        "deren Anbieter verantwortlich. Externe Links sind als solche gekennzeichnet."
    ),
]

PRIVACY = [
    paragraph(
        "Der Schutz Ihrer personenbezogenen Daten ist uns wichtig. Hier erfahren Sie, welche "
        "Daten dieses Portal verarbeitet, wofür und wie lange."
    ),
    heading("Verantwortliche Stelle"),
    paragraph(TODO.format("Name und Anschrift der verantwortlichen Behörde")),
    heading("Behördliche Datenschutzbeauftragte"),
    paragraph(TODO.format("Kontakt der oder des Datenschutzbeauftragten")),
    heading("Aufruf des Portals"),
    paragraph(
        "Beim Aufruf einer Seite verarbeitet der Webserver technisch notwendige Daten (IP-Adresse, "
        "Zeitpunkt, aufgerufene Adresse, Browserkennung), um die Seite auszuliefern und die "
        "Sicherheit des Angebots zu gewährleisten. Speicherdauer der Protokolle: "
        + TODO.format("Frist, z. B. 7 Tage")
    ),
    heading("Keine Cookies, keine Dienste Dritter"),
    paragraph(
        "Das Portal setzt für Besucherinnen und Besucher keine Cookies zu Analyse- oder "
        "Werbezwecken. Beim Absenden eines Formulars wird ein technisch notwendiges "
        "Sicherheits-Cookie verwendet. Schriften, Skripte und Bilder werden ausschließlich von "
        "diesem Server geladen; es werden keine Daten an Dritte übermittelt."
    ),
    heading("Kontakt- und Bestellformulare"),
    paragraph(
        "Ihre Angaben in Formularen werden nur zur Bearbeitung Ihres Anliegens verwendet, an die "
        "zuständige Stelle weitergeleitet und nach Ablauf der Aufbewahrungsfrist von "
        "90 Tagen automatisch gelöscht."
    ),
    heading("Rechtsgrundlage"),
    paragraph(
        "Art. 6 Abs. 1 Buchstabe e DSGVO in Verbindung mit dem Datenschutzgesetz "
        "Nordrhein-Westfalen " + TODO.format("Prüfung und ggf. weitere Rechtsgrundlagen")
    ),
    heading("Ihre Rechte"),
    paragraph(
        "Sie haben das Recht auf Auskunft, Berichtigung, Löschung, Einschränkung der "
        "Verarbeitung und Widerspruch (Art. 15 bis 21 DSGVO) sowie das Recht, sich bei einer "
        "Datenschutzaufsichtsbehörde zu beschweren. " + TODO.format("zuständige Aufsichtsbehörde")
    ),
]

ACCESSIBILITY = [
    paragraph(
        "Die Landesregierung Nordrhein-Westfalen ist bemüht, dieses Portal barrierefrei "
        "zugänglich zu machen. Rechtsgrundlage sind das Behindertengleichstellungsgesetz "
        "Nordrhein-Westfalen und die Barrierefreie-Informationstechnik-Verordnung."
    ),
    heading("Stand der Vereinbarkeit mit den Anforderungen"),
    paragraph(TODO.format("Ergebnis und Datum der Prüfung nach WCAG 2.1 AA / BITV 2.0")),
    heading("Nicht barrierefreie Inhalte"),
    paragraph(TODO.format("bekannte Einschränkungen, z. B. ältere PDF-Dokumente")),
    heading("Erstellung dieser Erklärung"),
    paragraph(TODO.format("Datum der Erstellung und der letzten Überprüfung")),
    heading("Barriere melden"),
    paragraph(
        "Sind Ihnen Barrieren beim Zugang zu Inhalten dieses Portals aufgefallen? Teilen Sie "
        "sie uns über das Formular „Barriere melden“ mit. Wir antworten Ihnen so schnell wie "
        "möglich."
    ),
    heading("Schlichtungsverfahren"),
    paragraph(
        "Wenn Sie auf Ihre Rückmeldung keine zufriedenstellende Antwort erhalten, können Sie "
        "ein Schlichtungsverfahren einleiten. "
        + TODO.format("zuständige Schlichtungsstelle mit Anschrift und Kontakt")
    ),
]

EASY_LANGUAGE = [
    paragraph("Hier finden Sie Informationen in Leichter Sprache."),
    heading("Was ist chancen.nrw?"),
    paragraph("chancen.nrw ist eine Internet-Seite von der Landes-Regierung Nordrhein-Westfalen."),
    paragraph(
        "Auf der Internet-Seite geht es um Arbeit. Und um Menschen, die aus einem anderen Land "
        "nach Nordrhein-Westfalen gekommen sind."
    ),
    paragraph(
        "Alle Menschen sollen die gleichen Chancen bei der Arbeit haben. Dafür setzt sich die "
        "Landes-Regierung ein."
    ),
    heading("Was steht auf der Internet-Seite?"),
    paragraph(
        "<ul><li>Informationen zu Integration und Arbeit.</li>"
        "<li>Informationen zu den Partnern. Partner sind zum Beispiel Behörden, Vereine und "
        "Firmen.</li><li>Eine Broschüre für Arbeit-Geber zum Herunter-Laden.</li></ul>"
    ),
    paragraph(TODO.format("Prüfung des Textes durch eine Prüfgruppe für Leichte Sprache")),
]

SIGN_LANGUAGE = [
    paragraph(
        "Auf dieser Seite erklären wir in Deutscher Gebärdensprache, was Sie auf chancen.nrw "
        "finden."
    ),
    paragraph(TODO.format("Video in Deutscher Gebärdensprache mit Untertiteln einbinden")),
]

STANDARD_PAGES = [
    ("imprint", "Impressum", "impressum", StandardPage.Role.IMPRINT, IMPRINT),
    ("privacy", "Datenschutzerklärung", "datenschutz", StandardPage.Role.PRIVACY, PRIVACY),
    (
        "accessibility",
        "Erklärung zur Barrierefreiheit",
        "barrierefreiheit",
        StandardPage.Role.ACCESSIBILITY,
        ACCESSIBILITY,
    ),
    (
        "easy-language",
        "Leichte Sprache",
        "leichte-sprache",
        StandardPage.Role.EASY_LANGUAGE,
        EASY_LANGUAGE,
    ),
    (
        "sign-language",
        "Gebärdensprache",
        "gebaerdensprache",
        StandardPage.Role.SIGN_LANGUAGE,
        SIGN_LANGUAGE,
    ),
]

CONSENT_LABEL = "Ich habe den Datenschutzhinweis gelesen."
PRIVACY_NOTICE = (
    "<p>Wir verwenden Ihre Angaben nur, um Ihr Anliegen zu bearbeiten, und löschen sie nach "
    "90 Tagen.</p>"
)

CONTACT_FIELDS = [
    ("Name", "singleline", False, ""),
    ("E-Mail-Adresse", "email", True, "Damit wir Ihnen antworten können."),
    ("Nachricht", "multiline", True, ""),
    (CONSENT_LABEL, "checkbox", True, ""),
]

FEEDBACK_FIELDS = [
    ("Adresse der Seite", "url", False, "Wo ist Ihnen die Barriere aufgefallen?"),
    ("Beschreibung der Barriere", "multiline", True, ""),
    ("E-Mail-Adresse", "email", False, "Nur nötig, wenn Sie eine Antwort wünschen."),
    (CONSENT_LABEL, "checkbox", True, ""),
]


def form_fields(key, fields):
    """Form fields with stable translation keys, so the PO contexts match on every machine."""
    return [
        ContactFormField(
            label=label,
            field_type=kind,
            required=required,
            help_text=help_text,
            translation_key=block_id(f"{key}:field", index),
        )
        for index, (label, kind, required, help_text) in enumerate(fields)
    ]


def contact_page(key, title, slug, intro, fields, persons=()):
    page = ContactPage(
        title=title,
        slug=slug,
        intro=f"<p>{intro}</p>",
        privacy_notice=PRIVACY_NOTICE,
        thank_you_text="<p>Vielen Dank. Wir melden uns so bald wie möglich bei Ihnen.</p>",
        subject=f"chancen.nrw: {title}",
    )
    page.form_fields = form_fields(key, fields)
    page.persons = [ContactPagePerson(person=person) for person in persons]
    return page


def seed_legal_pages(context):
    home = context.pages["home"]
    for key, title, slug, role, blocks in STANDARD_PAGES:
        page = StandardPage(title=title, slug=slug, role=role, body=stream(key, blocks))
        add_page(context, key, home, page)
    person = context.snippets.get("kerstin-peters")
    add_page(
        context,
        "contact",
        home,
        contact_page(
            "contact",
            "Kontakt",
            "kontakt",
            "Sie haben Fragen zur Integration in Arbeit oder zur Initiative für interkulturelle "
            "Öffnung? Schreiben Sie uns.",
            CONTACT_FIELDS,
            persons=[person] if person else [],
        ),
    )
    add_page(
        context,
        "accessibility-feedback",
        context.pages["accessibility"],
        contact_page(
            "accessibility-feedback",
            "Barriere melden",
            "barriere-melden",
            "Beschreiben Sie uns, welche Barriere Ihnen aufgefallen ist.",
            FEEDBACK_FIELDS,
        ),
    )
    keys = [key for key, *_ in STANDARD_PAGES] + ["contact", "accessibility-feedback"]
    for key in keys:
        translate(context, context.pages[key], PO_DIR / f"{key}.po")
