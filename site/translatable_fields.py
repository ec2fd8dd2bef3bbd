"""What translators translate and what stays in step with the German source, per content type.

wagtail-localize would guess (text fields translatable, everything else synchronised); the
portal says it explicitly, so a translator sees exactly the texts to translate and never an
e-mail address, a date or a page role. Models declare `translatable_fields` from these lists;
`tests/test_translation_fields.py` fails when a model field is not covered.
"""

from wagtail_localize.fields import SynchronizedField, TranslatableField

PAGE_FIELDS = [
    TranslatableField("title"),
    TranslatableField("slug"),
    TranslatableField("seo_title"),
    TranslatableField("search_description"),
    SynchronizedField("show_in_menus"),
]

CONTENT_PAGE_FIELDS = [*PAGE_FIELDS, TranslatableField("lead"), TranslatableField("body")]

SIDEBAR_PAGE_FIELDS = [*CONTENT_PAGE_FIELDS, TranslatableField("sidebar")]

# The mail goes to the ministry's German-speaking staff: addresses and subject stay as set.
FORM_PAGE_FIELDS = [
    *PAGE_FIELDS,
    TranslatableField("intro"),
    TranslatableField("privacy_notice"),
    TranslatableField("thank_you_text"),
    SynchronizedField("to_address"),
    SynchronizedField("from_address"),
    SynchronizedField("subject"),
    SynchronizedField("honeypot", overridable=False),
]

# Pages whose form an editor builds field by field (labels and help texts to translate).
FORM_BUILDER_PAGE_FIELDS = [*FORM_PAGE_FIELDS, TranslatableField("form_fields")]
