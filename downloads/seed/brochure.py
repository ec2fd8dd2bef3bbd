"""The employer guide as the old site presents it, and a stand-in PDF made from that text.

The project has no copy of the original brochure. The stand-in says so on every page, so
nobody mistakes it for the real thing; editors replace its file in the admin (Dokumente).
"""

import datetime

from fpdf import FPDF

TITLE = (
    "Migrantenselbstorganisationen als Partner bei der Fachkräftegewinnung – "
    "Ein Leitfaden für Arbeitgeber"
)
# The old site's two paragraphs on the brochure, verbatim (shared/seed/wir-sind-partner.txt).
SUMMARY = (
    "Interkulturelle Öffnung ist ein wichtiger Baustein für die Leistungsfähigkeit von "
    "Organisationen im Einwanderungsland Nordrhein-Westfalen. Immer mehr öffentliche "
    "Verwaltungen, Unternehmen und Verbände reagieren auf die gesellschaftlichen "
    "Herausforderungen und passen ihre Angebote, Strukturen und Prozesse denen der wachsenden "
    "Vielfalt an.",
    "Auf der Suche nach gutem Personal können sie es sich angesichts der demografischen "
    "Veränderungen und dem damit einhergehenden Fachkräftemangel nicht leisten, auf Menschen "
    "mit Einwanderungsgeschichte zu verzichten. Denn diese bringen wichtige Potenziale in die "
    "Organisationen ein. Kooperationen mit z.B. Migrantenselbstorganisationen können dabei "
    "unterstützen, geeignete Nachwuchs- und Fachkräfte zu finden.",
)
FILENAME = "leitfaden-arbeitgeber-platzhalter.pdf"
PLACEHOLDER_NOTICE = "Platzhalter – bitte durch die Originalbroschüre ersetzen"
PUBLISHER = "Landesregierung Nordrhein-Westfalen"
# A fixed date keeps the file identical on every run (same size, same hash).
CREATED = datetime.datetime(2026, 11, 23, tzinfo=datetime.UTC)


class _StandInPDF(FPDF):
    def header(self):
        self.set_font("Helvetica", "B", 9)
        self.set_text_color(176, 0, 22)
        self.cell(0, 8, PLACEHOLDER_NOTICE, align="C", new_x="LMARGIN", new_y="NEXT")
        self.set_text_color(0, 0, 0)
        self.ln(4)

    def footer(self):
        self.set_y(-15)
        self.set_font("Helvetica", size=9)
        self.cell(0, 8, f"{PUBLISHER} – Seite {self.page_no()} von {{nb}}", align="C")


def brochure_pdf():
    """The stand-in brochure: a cover page and a page with the old site's text."""
    pdf = _StandInPDF(format="A4")
    # The core fonts cover German text (ä ö ü ß – „ “) in Windows-1252.
    pdf.core_fonts_encoding = "windows-1252"
    pdf.set_creation_date(CREATED)
    pdf.set_title(TITLE)
    pdf.set_author(PUBLISHER)
    pdf.set_subject(PLACEHOLDER_NOTICE)
    pdf.set_lang("de")
    pdf.set_margins(25, 20, 25)

    pdf.add_page()
    pdf.ln(50)
    pdf.set_font("Helvetica", "B", 22)
    pdf.multi_cell(0, 11, TITLE, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(12)
    pdf.set_font("Helvetica", size=13)
    pdf.multi_cell(0, 7, PUBLISHER, new_x="LMARGIN", new_y="NEXT")
    pdf.ln(30)
    pdf.set_font("Helvetica", "B", 14)
    pdf.set_text_color(176, 0, 22)
    pdf.multi_cell(0, 8, PLACEHOLDER_NOTICE, border=1, padding=4, new_x="LMARGIN", new_y="NEXT")
    pdf.set_text_color(0, 0, 0)

    pdf.add_page()
    pdf.set_font("Helvetica", "B", 14)
    pdf.multi_cell(0, 8, "Worum es geht", new_x="LMARGIN", new_y="NEXT")
    pdf.ln(2)
    pdf.set_font("Helvetica", size=11)
    for paragraph in SUMMARY:
        pdf.multi_cell(0, 6, paragraph, new_x="LMARGIN", new_y="NEXT")
        pdf.ln(3)
    pdf.ln(6)
    pdf.set_font("Helvetica", "I", 10)
    pdf.multi_cell(
        0,
        5,
        "Diese Datei hat das Portal aus dem Text der alten Website erzeugt, weil keine Kopie "
        "der Originalbroschüre „" + TITLE + "“ vorlag. Bitte ersetzen Sie sie in der "
        "Verwaltung unter „Dokumente“ durch die Originaldatei.",
        new_x="LMARGIN",
        new_y="NEXT",
    )
    return bytes(pdf.output())
