"""Dates in the translation editor in the admin's language: "am 2. Dezember 2026".

wagtail-localize 1.14.5 (`StringTranslation.get_comment`) writes the date of a translated
text with `strftime("%-d %B %Y")`, which names the month in the process's C locale: the
German admin read "Übersetzt mit … am 2 December 2026". `install()` (called once from
`portal.apps.PortalConfig.ready`) replaces the method with one that says the same three
sentences with Django's localised date (`DATE_FORMAT` of the active language).

Upstream defect (wagtail-localize 1.14.5). No upstream issue yet as of 2026-12; to file
against wagtail/wagtail-localize: "StringTranslation.get_comment formats dates with strftime
(English month names in other languages)". Delete this module and its call in `portal.apps`
when wagtail-localize formats the date itself; the canary
`test_upstream_translation_comment_dates_are_english` (tests/test_upstream_canaries.py) fails
then.
"""

from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext

from wagtail_localize.models import StringTranslation

STOCK_GET_COMMENT = StringTranslation.get_comment


def get_comment(self):
    """`StringTranslation.get_comment` with the date in the admin's language."""
    date = date_format(timezone.localtime(self.updated_at), "DATE_FORMAT")
    if self.tool_name:
        return gettext("Translated with {tool_name} on {date}").format(
            tool_name=self.tool_name, date=date
        )
    if self.translation_type == self.TRANSLATION_TYPE_MANUAL:
        return gettext("Translated manually on {date}").format(date=date)
    if self.translation_type == self.TRANSLATION_TYPE_MACHINE:
        return gettext("Machine translated on {date}").format(date=date)
    return None


def install():
    StringTranslation.get_comment = get_comment
