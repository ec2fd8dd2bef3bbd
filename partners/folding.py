"""Partner names and places as a German reader compares and sorts them: case and accents aside.

"MÜNSTER" finds "Münster", "Ärztekammer" sorts with "A", "Straße" equals "Strasse". The
directory stores these folded forms beside the originals (`Partner.sort_name`, `sort_letter`,
`place_key`), so that filtering, sorting and the A–Z navigation run in the database, the same
on SQLite and PostgreSQL, however many partners there are.
"""

import unicodedata

SORT_NAME_LENGTH = 255
PLACE_KEY_LENGTH = 200
OTHER_LETTER = "#"  # names that start with a digit or a letter outside A–Z
LETTERS = "abcdefghijklmnopqrstuvwxyz"


def fold(text):
    """Lower case without accents or umlaut dots, white space collapsed."""
    decomposed = unicodedata.normalize("NFKD", (text or "").casefold())
    return " ".join("".join(char for char in decomposed if not unicodedata.combining(char)).split())


def sort_name(name):
    """The name to sort and search by: folded, from its first letter or digit on.

    A leading quotation mark or dash does not decide where a name is listed:
    "„Zukunft“ e.V." stands under Z.
    """
    folded = fold(name)
    start = next((i for i, char in enumerate(folded) if char.isalnum()), len(folded))
    return (folded[start:] or folded)[:SORT_NAME_LENGTH]


def sort_letter(name):
    """The letter of the A–Z navigation a name is listed under; "#" for any other start."""
    first = sort_name(name)[:1]
    return first if first and first in LETTERS else OTHER_LETTER


def place_key(place):
    """A place as the filter compares it: "Kreis  soest" is "Kreis Soest"."""
    return fold(place)[:PLACE_KEY_LENGTH]
