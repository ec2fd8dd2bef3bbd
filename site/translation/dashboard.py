"""The translators' dashboard panel: live German content whose English version is missing
("fehlt") or out of date ("veraltet"), with the string counts of wagtail-localize.

The rows are those of the report "Übersetzungsstand" (`portal.translation.status`, a fixed
number of queries for the whole site), narrowed to sources live in German: a German draft
is nothing to translate yet.
"""

import datetime

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from wagtail.models import Locale

from portal.editorial.dashboard import WorklistPanel
from portal.editorial.roles import TRANSLATORS
from portal.editorial.worklists import SHORT_LIMIT, Row, edit_url
from portal.translation.status import MISSING, OUT_OF_DATE, status_rows

DUE = (MISSING, OUT_OF_DATE)


def target_locale():
    """The translation language, as the report picks it: the first besides German."""
    return Locale.objects.exclude(pk=Locale.get_default().pk).order_by("pk").first()


def translations_due(locale):
    """Status rows of live German sources whose translation is missing or out of date:
    the out-of-date ones first (English readers see old text), then the missing ones; the
    most recently published German first within each."""
    if locale is None:
        return []
    due = [
        row for row in status_rows(locale) if row.state in DUE and getattr(row.source, "live", True)
    ]
    due.sort(key=published, reverse=True)
    due.sort(key=lambda row: DUE.index(row.state), reverse=True)
    return due


def published(row):
    moment = getattr(row.source, "last_published_at", None)
    return moment or datetime.datetime.min.replace(tzinfo=datetime.UTC)


def as_row(status):
    """A status row in the dashboard's terms; the title leads to where the work is done."""
    label, url = status.action
    target = status.target
    return Row(
        title=status.title,
        kind=status.type_label,
        language="",
        edit_url=url if target is None else edit_url(type(target), target.pk),
        when=getattr(status.source, "last_published_at", None),
        state=str(status.state_label),
        progress=status.progress,
        actions=((label, url, False),),
    )


class TranslationsDuePanel(WorklistPanel):
    name = "portal_translations_due"
    order = 95
    heading = _("Zu übersetzen")
    columns = (
        _("Typ"),
        _("Stand"),
        _("Übersetzte Texte"),
        _("Deutsch veröffentlicht"),
        _("Aktion"),
    )
    row_template = "portal/dashboard/rows/translation.html"

    def get_rows(self, request):
        due = translations_due(target_locale())
        return [as_row(status) for status in due[:SHORT_LIMIT]], len(due)

    def get_extra_context(self, request):
        return {
            "link_url": reverse("translation_status_report"),
            "link_label": _("Alles im Übersetzungsstand"),
        }


def add_translator_panel(request, panels):
    """Wagtail's `construct_homepage_panels`: translators get their panel."""
    user = request.user
    if user.groups.filter(name=TRANSLATORS).exists():
        panels.append(TranslationsDuePanel())
