"""What visitors put into a listing's address, read so that no value can break the page.

Listings (the partner directory, the press archive) correct a bad value and say so in a
notice above the list instead of answering with an error; the value is shown back shortened
and stripped of what cannot be printed.
"""

import re

from django.utils.translation import gettext, ngettext

PAGE_PARAM = "seite"
# More than nine digits is beyond any listing; int() would refuse 4,301 of them.
PAGE_DIGITS = 9


def shorten(value, length=40):
    """A visitor's input as shown back in a notice: printable, trimmed and short."""
    value = " ".join("".join(char for char in value if char.isprintable()).split())
    return value if len(value) <= length else value[: length - 1] + "…"


def page_number(raw, paginator, notices):
    """`?seite=` as a page of `paginator` that exists; anything else is corrected, and the
    correction explained in `notices` (a list of texts)."""
    last = paginator.num_pages
    raw = (raw or "").strip()
    if not raw:
        return 1
    if re.fullmatch(r"[0-9]+", raw):
        digits = raw.lstrip("0")
        number = int(digits or "0") if len(digits) <= PAGE_DIGITS else last + 1
    else:
        number = 0
    if number < 1:
        notices.append(
            gettext("„%(page)s“ ist keine gültige Seitenzahl. Angezeigt wird die erste Seite.")
            % {"page": shorten(raw)}
        )
        return 1
    if number > last:
        if paginator.count:  # an empty list says so itself
            notices.append(
                ngettext(
                    "Seite %(page)s gibt es nicht, hier gibt es nur %(count)s Seite. "
                    "Angezeigt wird die letzte Seite.",
                    "Seite %(page)s gibt es nicht, hier gibt es nur %(count)s Seiten. "
                    "Angezeigt wird die letzte Seite.",
                    last,
                )
                % {"page": shorten(raw), "count": last}
            )
        return last
    return number
