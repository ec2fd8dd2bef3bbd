"""The partner list of the directory page: filtered, counted, A to Z, a page at a time.

Works without JavaScript: the filter is a plain GET form and everything else is a link, so
every view has a shareable address (`?art=polizei&ort=Dortmund&q=präsidium&seite=2`).

- Filters: kind (`art`), place (`ort`, compared folded: "dortmund" is "Dortmund") and a
  text (`q`) that every word of must occur in the name or the place. Each filter's options
  carry the number of partners it would show with the other filters: "Polizei (4)".
- The list is sorted A to Z (umlauts with their base letter) under one heading per letter;
  the A–Z navigation leads to each letter's first partner, on whichever page that is.
- `PER_PAGE` partners a page, so that a request renders a bounded number of partners. The
  queries do not depend on the number of partners: two aggregates (the letters, the filter
  counts), the page's partners and their logos' renditions.

A parameter that does not validate is reported (next to its field, or as a notice for the
page number) and ignored; the others still apply. Nothing reaches the database that the form
has not cleaned.

Language: the directory lists the partners of the page's language. A partner without a
published translation in that language appears in its German (source) version, since
partner names are proper names; the template marks such entries with `lang="de"`.
"""

from dataclasses import dataclass, replace
from urllib.parse import urlencode

from django import forms
from django.conf import settings
from django.core.paginator import Paginator
from django.db.models import Count, Min, Q
from django.utils.functional import cached_property
from django.utils.translation import get_language, gettext
from django.utils.translation import gettext_lazy as _

from portal.i18n import language_links
from portal.query_params import PAGE_PARAM, page_number

from .folding import LETTERS, OTHER_LETTER, fold, place_key
from .models import Partner, PartnerKind

PER_PAGE = 50
QUERY_MAX_LENGTH = 100
PLACE_MAX_LENGTH = 100
MAX_TERMS = 10
KIND_PARAM, PLACE_PARAM, TEXT_PARAM = "art", "ort", "q"
FILTER_PARAMS = (KIND_PARAM, PLACE_PARAM, TEXT_PARAM)
LIST_ANCHOR = "partnerliste"
# More digits than any page number could have; int() would refuse thousands of them.


class FilterTextInput(forms.TextInput):
    """A search box that never echoes NUL characters back into the page."""

    input_type = "search"

    def format_value(self, value):
        value = super().format_value(value)
        return value.replace("\x00", "") if value else value


class KindField(forms.ChoiceField):
    """A kind from the URL; "Polizei " is read as "polizei"."""

    def to_python(self, value):
        return super().to_python(value).strip().lower()


class PlaceField(forms.CharField):
    """A place from the URL, chosen in a select box (which has no `maxlength`)."""

    def widget_attrs(self, widget):
        return {}


class PartnerFilterForm(forms.Form):
    art = KindField(
        label=_("Art"),
        required=False,
        choices=[("", _("Alle Arten")), *PartnerKind.choices],
        error_messages={
            "invalid_choice": _("Diese Art gibt es nicht. Es werden alle Arten gezeigt."),
        },
    )
    # The places are the partners' own: a select whose options the directory fills in.
    ort = PlaceField(
        label=_("Ort"),
        required=False,
        max_length=PLACE_MAX_LENGTH,
        widget=forms.Select,
        error_messages={
            "max_length": _(
                "Diesen Ort gibt es im Verzeichnis nicht. Es werden alle Orte gezeigt."
            ),
            "null_characters_not_allowed": _(
                "Diesen Ort gibt es im Verzeichnis nicht. Es werden alle Orte gezeigt."
            ),
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
        """Kind, place and search text that validated; invalid ones count as empty."""
        if not self.is_bound:
            return "", "", ""
        self.is_valid()
        data = getattr(self, "cleaned_data", {})
        return data.get("art", ""), data.get("ort", ""), data.get("q", "")

    def show(self, name, value):
        """Render field `name` with `value` (the form's cleaned spelling of the input)."""
        self.data = self.data.copy()
        self.data[name] = value


def partners_for_locale(locale_id, language_code=None):
    """Live partners of the locale; German ones stand in where a translation is not live.

    One query for every language. Given the locale's language and it is German, the
    condition for stand-ins (which would match nothing) is left out: a cheaper query.
    """
    live = Partner.objects.filter(live=True)
    if language_code == settings.LANGUAGE_CODE:
        return live.filter(locale_id=locale_id)
    translated = live.filter(locale_id=locale_id).values("translation_key")
    untranslated_source = Q(locale__language_code=settings.LANGUAGE_CODE) & ~Q(
        translation_key__in=translated
    )
    return live.filter(Q(locale_id=locale_id) | untranslated_source)


@dataclass(frozen=True)
class Option:
    value: str
    label: str
    count: int

    @property
    def text(self):
        return f"{self.label} ({self.count})"


@dataclass(frozen=True)
class Letter:
    key: str
    label: str
    anchor: str
    count: int
    url: str  # empty: no partner under this letter


@dataclass
class LetterGroup:
    letter: Letter
    partners: list


@dataclass(frozen=True)
class PageLink:
    number: int
    url: str
    current: bool


def letter_anchor(key):
    return "buchstabe-" + ("andere" if key == OTHER_LETTER else key)


def letter_label(key):
    return key if key == OTHER_LETTER else key.upper()


class PartnerDirectory:
    """The directory as one request shows it; see the module's description."""

    def __init__(self, page, params, base_url):
        self.page = page
        self.base_url = base_url
        self.notices = []
        bound = any(name in params for name in FILTER_PARAMS)
        self.form = PartnerFilterForm(params if bound else None)
        self.kind, place, self.text = self.form.filters()
        self.terms = [fold(term) for term in self.text.split()[:MAX_TERMS]]

        # The page is served in its own language (its URL has the language prefix): the
        # active language names the page's locale without a query for it.
        partners = partners_for_locale(page.locale_id, get_language()).order_by()
        searched = partners.filter(*self._text_conditions())
        # One aggregate for every count on the page: the partners the text finds, by kind,
        # place and letter. At most one row per partner, usually far fewer.
        self._facets = list(
            searched.values("kind", "place_key", "sort_letter").annotate(
                count=Count("pk"), label=Min("place")
            )
        )
        self.place_key, self.place = self._find_place(place, partners)

        filtered = searched
        if self.kind:
            filtered = filtered.filter(kind=self.kind)
        if self.place_key:
            filtered = filtered.filter(place_key=self.place_key)
        self._letter_counts = {}
        for row in self._facets:
            if self._chosen(row, kind=True) and self._chosen(row, place=True):
                letter = row["sort_letter"]
                self._letter_counts[letter] = self._letter_counts.get(letter, 0) + row["count"]

        ordered = (
            filtered.order_by("sort_letter", "sort_name", "pk")
            .select_related("locale", "logo")
            .prefetch_related("logo__renditions")
        )
        self.paginator = Paginator(ordered, PER_PAGE)
        self.paginator.count = sum(self._letter_counts.values())  # known: no COUNT query
        self.page_obj = self.paginator.page(
            page_number(params.get(PAGE_PARAM), self.paginator, self.notices)
        )
        self._fill_form_options()

    # Filters ---------------------------------------------------------------------------------

    def _text_conditions(self):
        """Every word in the (folded) name or place."""
        return [Q(sort_name__contains=term) | Q(place_key__contains=term) for term in self.terms]

    def _chosen(self, row, kind=False, place=False):
        """Whether an aggregate row passes the chosen kind (`kind`) or place (`place`)."""
        if kind:
            return not self.kind or row["kind"] == self.kind
        return not self.place_key or row["place_key"] == self.place_key

    def _find_place(self, raw, partners):
        """The place's key and its spelling in the directory; an unknown place is reported."""
        key = place_key(raw)
        if not key:
            return "", ""
        labels = [row["label"] for row in self._facets if row["place_key"] == key]
        if labels:
            return key, min(labels)
        # Not among the partners the text finds: does the directory know it at all?
        label = partners.filter(place_key=key).aggregate(label=Min("place"))["label"]
        if label is not None:
            return key, label
        self.form.add_error(
            "ort", gettext("Diesen Ort gibt es im Verzeichnis nicht. Es werden alle Orte gezeigt.")
        )
        return "", ""

    def _fill_form_options(self):
        """The select boxes' options with their counts; the inputs as the filter read them.

        Each filter's counts apply the other filters (and the text): "Polizei (4)" is what
        choosing Polizei would show with the chosen place.
        """
        kind_counts, place_counts, labels = {}, {}, {}
        all_places = 0  # with the chosen kind, partners without a place included
        for row in self._facets:
            key, count = row["place_key"], row["count"]
            if self._chosen(row, place=True):
                kind_counts[row["kind"]] = kind_counts.get(row["kind"], 0) + count
            if self._chosen(row, kind=True):
                all_places += count
                if key:
                    place_counts[key] = place_counts.get(key, 0) + count
            if key:
                labels[key] = min(labels.get(key, row["label"]), row["label"])
        if self.place_key:
            place_counts.setdefault(self.place_key, 0)
            labels[self.place_key] = self.place

        self.kind_options = [
            Option(kind, str(label), kind_counts.get(kind, 0))
            for kind, label in PartnerKind.choices
            if kind_counts.get(kind) or kind == self.kind
        ]
        self.place_options = sorted(
            (Option(labels[key], labels[key], count) for key, count in place_counts.items()),
            key=lambda option: place_key(option.label),
        )
        kinds = [Option("", gettext("Alle Arten"), sum(kind_counts.values())), *self.kind_options]
        places = [Option("", gettext("Alle Orte"), all_places), *self.place_options]
        self.form.fields["art"].choices = [(option.value, option.text) for option in kinds]
        self.form.fields["ort"].widget.choices = [(option.value, option.text) for option in places]
        if self.form.is_bound:
            self.form.show("art", self.kind)
            self.form.show("ort", self.place)

    @property
    def title_filters(self):
        """The kind and place of a filtered view, for the document title: "Polizei, Dortmund"."""
        kind = str(PartnerKind(self.kind).label) if self.kind else ""
        return ", ".join(part for part in (kind, self.place) if part)

    @property
    def filter_active(self):
        return bool(self.kind or self.place_key or self.terms)

    # Pages and letters -----------------------------------------------------------------------

    @cached_property
    def letters(self):
        """The A–Z navigation: every letter, linked where partners start with it."""
        keys = [OTHER_LETTER] if self._letter_counts.get(OTHER_LETTER) else []
        keys += list(LETTERS)
        before, letters = 0, []
        for key in keys:
            count = self._letter_counts.get(key, 0)
            url = ""
            if count:
                number = before // PER_PAGE + 1
                fragment = "#" + letter_anchor(key)
                url = fragment if number == self.page_obj.number else self.url(number, fragment)
            letters.append(Letter(key, letter_label(key), letter_anchor(key), count, url))
            before += count
        return letters

    @cached_property
    def groups(self):
        """The partners of this page under their letters."""
        letters = {letter.key: letter for letter in self.letters}
        groups = []
        for partner in self.page_obj.object_list:
            key = partner.sort_letter if partner.sort_letter in letters else OTHER_LETTER
            if not groups or groups[-1].letter.key != key:
                letter = letters.get(key) or Letter(
                    key, letter_label(key), letter_anchor(key), 0, ""
                )
                groups.append(LetterGroup(letter, []))
            groups[-1].partners.append(partner)
        return groups

    @property
    def count(self):
        return self.paginator.count

    @cached_property
    def page_links(self):
        """The page numbers around the current one, `None` where some are left out."""
        if self.paginator.num_pages < 2:
            return []
        number = self.page_obj.number
        return [
            PageLink(item, self.url(item, "#" + LIST_ANCHOR), item == number)
            if isinstance(item, int)
            else None
            for item in self.paginator.get_elided_page_range(number, on_each_side=2, on_ends=1)
        ]

    @property
    def previous_url(self):
        if self.page_obj.has_previous():
            return self.url(self.page_obj.previous_page_number(), "#" + LIST_ANCHOR)
        return ""

    @property
    def next_url(self):
        if self.page_obj.has_next():
            return self.url(self.page_obj.next_page_number(), "#" + LIST_ANCHOR)
        return ""

    # Addresses -------------------------------------------------------------------------------

    def query(self, number=1):
        """The view's parameters as they were understood: the valid filters, the page."""
        params = {}
        if self.kind:
            params[KIND_PARAM] = self.kind
        if self.place:
            params[PLACE_PARAM] = self.place
        if self.text:
            params[TEXT_PARAM] = self.text
        if number > 1:
            params[PAGE_PARAM] = number
        return urlencode(params)

    def url(self, number=1, fragment=""):
        query = self.query(number)
        return self.base_url + (f"?{query}" if query else "") + fragment

    @property
    def reset_url(self):
        return f"{self.base_url}#{LIST_ANCHOR}"

    @property
    def canonical_url(self):
        return self.url(self.page_obj.number)

    @property
    def noindex(self):
        """Searches and corrected input are no pages for search engines; filters are."""
        return bool(self.text or self.notices or self.form.errors)

    def language_links(self, request):
        """The same view in each language: the filters kept, from the first page.

        Kinds are codes and places proper names, the same in every language; the other
        language's list may differ in length, so its link starts at its first page.
        """
        query = self.query()
        result = []
        for link in language_links(request, self.page):
            if link.is_current:
                result.append(replace(link, url=self.canonical_url))
            elif link.is_translation and query:
                result.append(replace(link, url=f"{link.url}?{query}"))
            else:
                result.append(link)
        return result
