"""The partner list of the directory page: filtered through a GET form, grouped by kind.

Works without JavaScript: the filter is a plain GET form, so every filtered view has a
shareable address (`?art=polizei&q=dortmund`). A parameter that does not validate is reported
next to its field and ignored; the other one still applies. Nothing reaches the database
that the form has not cleaned.

Language: the directory lists the partners of the page's language. A partner without a
published translation in that language appears in its German (source) version, since
partner names are proper names; the template marks such entries with `lang="de"`.
"""

import unicodedata
from dataclasses import dataclass, field

from django import forms
from django.conf import settings
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

from .models import Partner, PartnerKind

QUERY_MAX_LENGTH = 100
MAX_TERMS = 10


class FilterTextInput(forms.TextInput):
    """A search box that never echoes NUL characters back into the page."""

    input_type = "search"

    def format_value(self, value):
        value = super().format_value(value)
        return value.replace("\x00", "") if value else value


class PartnerFilterForm(forms.Form):
    art = forms.ChoiceField(
        label=_("Art"),
        required=False,
        choices=[("", _("Alle Arten")), *PartnerKind.choices],
        error_messages={
            "invalid_choice": _("Diese Art gibt es nicht. Es werden alle Arten gezeigt."),
        },
    )
    q = forms.CharField(
        label=_("Name oder Ort"),
        required=False,
        max_length=QUERY_MAX_LENGTH,
        widget=FilterTextInput,
        error_messages={
            "max_length": _(
                "Bitte höchstens %(limit_value)d Zeichen eingeben. "
                "Der Suchtext wurde nicht berücksichtigt."
            ),
            "null_characters_not_allowed": _(
                "Der Suchtext enthält unzulässige Zeichen und wurde nicht berücksichtigt."
            ),
        },
    )

    def filters(self):
        """The kind and the search text that validated; invalid ones count as empty."""
        if not self.is_bound:
            return "", ""
        self.is_valid()
        data = getattr(self, "cleaned_data", {})
        return data.get("art", ""), data.get("q", "")


@dataclass
class PartnerGroup:
    kind: str
    label: str
    partners: list = field(default_factory=list)


def partners_for_locale(locale_id):
    """Live partners of the locale; German ones stand in where a translation is not live.

    One query for every language: on the German page the second condition matches nothing.
    """
    live = Partner.objects.filter(live=True)
    translated = live.filter(locale_id=locale_id).values("translation_key")
    untranslated_source = Q(locale__language_code=settings.LANGUAGE_CODE) & ~Q(
        translation_key__in=translated
    )
    return live.filter(Q(locale_id=locale_id) | untranslated_source)


def fold(text):
    """Text to compare and sort as a German reader would, ignoring case and accents.

    "MÜNSTER" finds "Münster", "Ärztekammer" sorts with "A", "Straße" equals "Strasse".
    """
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def matches(partner, terms):
    """Whether the partner's name or place contains every (folded) term."""
    haystack = fold(f"{partner.name} {partner.place}")
    return all(term in haystack for term in terms)


def group_by_kind(partners):
    """Groups in the order of the kinds, partners alphabetical within each group."""
    groups = {kind: PartnerGroup(kind, label) for kind, label in PartnerKind.choices}
    for partner in partners:
        kind = partner.kind if partner.kind in groups else PartnerKind.OTHER
        groups[kind].partners.append(partner)
    for group in groups.values():
        group.partners.sort(key=lambda partner: fold(partner.name))
    return [group for group in groups.values() if group.partners]


def partner_directory(page, params):
    """Template context of the partner list on `page` for the GET parameters `params`.

    The text filter runs in Python over the partners of the page's language (the page lists
    all of them anyway): the same matching on every database, umlauts included.
    """
    form = PartnerFilterForm(params if ("art" in params or "q" in params) else None)
    kind, text = form.filters()
    queryset = partners_for_locale(page.locale_id)
    if kind:
        queryset = queryset.filter(kind=kind)
    queryset = queryset.select_related("locale", "logo").prefetch_related("logo__renditions")
    terms = [fold(term) for term in text.split()[:MAX_TERMS]]
    partners = [partner for partner in queryset if matches(partner, terms)]
    return {
        "filter_form": form,
        "filter_active": bool(kind or terms),
        "partner_groups": group_by_kind(partners),
        "partner_count": len(partners),
    }
