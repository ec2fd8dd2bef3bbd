"""What the site search shows of a result, whichever section it comes from.

Sections add their results to the search through the `register_search_source` hook
(`SEARCH_SOURCE_HOOK`): the hook is called with the search (its `words`, `locale` and
`request`) and returns pairs of lazy search results and a function turning a slice of them
into `Hit`s. Excerpts mark the query's words safely: the text is escaped piece by piece and
only the `<mark>` tags are added as markup, so nothing an editor or a visitor typed is ever
rendered as HTML.
"""

import re
from dataclasses import dataclass
from datetime import date, datetime
from html import unescape

from django.utils.html import escape, strip_tags
from django.utils.safestring import mark_safe

SEARCH_SOURCE_HOOK = "register_search_source"
EXCERPT_LENGTH = 220
LEAD_IN = 60
MIN_STEM = 4
# Umlauts and their base letters mark each other: "Leitfäden" marks "Leitfaden".
FOLDS = {"ä": "[äa]", "ö": "[öo]", "ü": "[üu]", "a": "[aä]", "o": "[oö]", "u": "[uü]"}


@dataclass
class Hit:
    """One search result, whatever it is."""

    kind: str  # "page", "partner" or "document"
    label: str
    title: str
    url: str
    excerpt: str
    language: str
    date: date | datetime | None = None
    promoted: bool = False
    page_id: int | None = None
    facts: str = ""


def word_pattern(words):
    """A regex for text tokens that look like one of the words, stemming roughly.

    The backends stem properly when they match; this only has to mark what they found
    ("Partnern" marks "Partner"), so a word's last letters are left open.
    """
    stems = []
    for word in dict.fromkeys(words.casefold().split()):
        stem = word[: max(MIN_STEM, len(word) - 2)] if len(word) > MIN_STEM else word
        stems.append("".join(FOLDS.get(char, re.escape(char)) for char in stem))
    if not stems:
        return None
    return re.compile(r"\b(?:" + "|".join(stems) + r")\w*", re.IGNORECASE)


def plain_text(value):
    """Text without tags and entities, whitespace collapsed."""
    return " ".join(unescape(strip_tags(value or "")).split())


def excerpt(text, words, length=EXCERPT_LENGTH):
    """About `length` characters around the first match, matches in `<mark>`; escaped HTML."""
    text = plain_text(text)
    pattern = word_pattern(words)
    match = pattern.search(text) if pattern else None
    start = 0
    if match and match.start() > LEAD_IN:
        start = text.find(" ", match.start() - LEAD_IN) + 1
    snippet = text[start : start + length]
    if start + length < len(text):
        snippet = snippet.rsplit(" ", 1)[0] + " …"
    if start:
        snippet = "… " + snippet
    return mark_safe(_marked(snippet, pattern))  # noqa: S308 – every piece is escaped


def has_match(text, words):
    pattern = word_pattern(words)
    return bool(pattern and pattern.search(plain_text(text)))


def _marked(snippet, pattern):
    if pattern is None:
        return escape(snippet)
    pieces, position = [], 0
    for match in pattern.finditer(snippet):
        pieces.append(escape(snippet[position : match.start()]))
        pieces.append(f"<mark>{escape(match.group())}</mark>")
        position = match.end()
    pieces.append(escape(snippet[position:]))
    return "".join(pieces)
