"""`?seite=` in any listing (`portal.query_params`): a page that exists, and a notice that
says what was corrected – the partner directory and the press archive read it alike."""

from django.core.paginator import Paginator

import pytest

from portal.query_params import page_number


@pytest.mark.parametrize(
    ("raw", "number", "notice"),
    [
        (None, 1, None),
        ("", 1, None),
        (" 2 ", 2, None),
        ("002", 2, None),
        ("abc", 1, "„abc“ ist keine gültige Seitenzahl. Angezeigt wird die erste Seite."),
        ("0", 1, "„0“ ist keine gültige Seitenzahl."),
        ("-1", 1, "„-1“ ist keine gültige Seitenzahl."),
        ("٣", 1, "ist keine gültige Seitenzahl."),  # an Arabic-Indic three
        ("4", 3, "Seite 4 gibt es nicht, hier gibt es nur 3 Seiten."),
        ("9" * 5000, 3, "hier gibt es nur 3 Seiten."),
    ],
)
def test_a_page_number_is_read_or_corrected_and_explained(raw, number, notice):
    notices = []

    assert page_number(raw, Paginator(range(25), 10), notices) == number
    if notice is None:
        assert notices == []
    else:
        assert len(notices) == 1
        assert notice in notices[0]
        assert len(notices[0]) < 200  # the visitor's input is shown back shortened


def test_an_empty_list_needs_no_notice_about_its_pages():
    notices = []

    assert page_number("5", Paginator([], 10), notices) == 1
    assert notices == []
