"""Spreadsheet exports of the admin never carry a formula (OWASP "CSV injection").

Every CSV/XLSX export of Wagtail's admin (form submissions, reports, the portal's own reports,
snippet listings) goes through `wagtail.admin.views.mixins.SpreadsheetExportMixin`. It writes
CSV cells verbatim, so a visitor who types `=HYPERLINK(…)` into the contact form plants a
formula in the export an approver opens; Wagtail declares CSV injection outside its security
policy. XLSX cells are safe since Wagtail 8.0.1, but the headings of an XLSX file are not
(openpyxl turns a heading such as a form field label `=…` into a formula).

`install()` (called once from `portal.apps.PortalConfig.ready`) wraps two methods of the
mixin: CSV cells and all headings that start with `=`, `+`, `-`, `@`, tab or carriage return
get a leading `'`, which spreadsheet programs show as text. Numbers stay numbers.

Upstream limitation by decision: Wagtail declined to escape formulas in its exports
(https://github.com/wagtail/wagtail/issues/3466, closed) and documented CSV injection as the
spreadsheet program's concern (https://github.com/wagtail/wagtail/pull/7554), so this stays
until Wagtail changes its mind. Delete this module and its call in `portal.apps` when Wagtail
neutralises CSV cells and headings itself; the canary
`test_upstream_csv_export_writes_formulas_verbatim` fails then, and tests/test_forms_privacy.py
proves the behaviour either way.
"""

from wagtail.admin.views.mixins import SpreadsheetExportMixin

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value):
    """The value, with a leading apostrophe if a spreadsheet would read it as a formula."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def spreadsheet_text(value):
    """Any value as text that spreadsheet programs will not run as a formula."""
    value = str(value)
    return f"'{value}" if value.startswith(FORMULA_PREFIXES) else value


def install():
    """Make `SpreadsheetExportMixin` neutralise formulas; calling it twice changes nothing."""
    mixin = SpreadsheetExportMixin
    if getattr(mixin, "neutralises_formulas", False):
        return
    preprocess_field_value = mixin.preprocess_field_value
    get_heading = mixin.get_heading

    def safe_preprocess_field_value(self, field, value, export_format):
        cell = preprocess_field_value(self, field, value, export_format)
        return neutralise(cell) if export_format == self.FORMAT_CSV else cell

    def safe_get_heading(self, queryset, field):
        return neutralise(get_heading(self, queryset, field))

    # Wagtail's own methods stay reachable for the canary in tests/test_upstream_canaries.py.
    safe_preprocess_field_value.__wrapped__ = preprocess_field_value
    safe_get_heading.__wrapped__ = get_heading
    mixin.preprocess_field_value = safe_preprocess_field_value
    mixin.get_heading = safe_get_heading
    mixin.neutralises_formulas = True
