"""Limit/offset pagination for the portal's own list endpoints, bounded like Wagtail's.

The portal's lists annotate their items in one batch after slicing (topics of press
releases, partner logos), which Ninja's `@paginate` does not allow; the envelope and the
bounds are the same as in Wagtail's endpoints: `{"count": N, "items": [...]}`, `limit` at
most `WAGTAILAPI_LIMIT_MAX`.
"""

from django.conf import settings
from django.shortcuts import get_object_or_404

from wagtail.models import Locale

from ninja import Field, Schema
from ninja.errors import HttpError


class LocaleFilter(Schema):
    """`?locale=de`: the items of one language; 404 for a language the portal lacks."""

    locale: str | None = None

    def apply(self, queryset):
        if self.locale:
            queryset = queryset.filter(locale=get_object_or_404(Locale, language_code=self.locale))
        return queryset


class PageParams(Schema):
    limit: int = Field(20, ge=1, description="Items per page, at most WAGTAILAPI_LIMIT_MAX.")
    offset: int = Field(0, ge=0, description="Items to skip.")


def page_of(queryset, params):
    """The count and the items of one page of `queryset`."""
    limit_max = getattr(settings, "WAGTAILAPI_LIMIT_MAX", 20)
    if limit_max is not None and params.limit > limit_max:
        raise HttpError(400, f"limit cannot be higher than {limit_max}")
    count = queryset.count()
    items = list(queryset[params.offset : params.offset + params.limit])
    return count, items
