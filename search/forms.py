import re

from django import forms
from django.utils.translation import gettext_lazy as _

QUERY_MAX_LENGTH = 200
WORD = re.compile(r"\w+")


class SearchForm(forms.Form):
    """The visitor's query, validated before any search backend sees it.

    Full-text syntax (quotes, operators, brackets) is not passed on: the backends answer
    some of it with errors (a lone `"` is a 500 in stock Wagtail on SQLite), so the query
    is reduced to its words.
    """

    q = forms.CharField(
        label=_("Suchbegriff"),
        required=False,
        max_length=QUERY_MAX_LENGTH,
        error_messages={"max_length": _("Bitte geben Sie höchstens %(limit_value)d Zeichen ein.")},
    )

    def words(self):
        """The query's words joined by spaces, or "" when there is nothing to search for."""
        if not self.is_valid():
            return ""
        return " ".join(WORD.findall(self.cleaned_data["q"]))
