"""Partners in the site search: found as the partner directory shows them, linked into it.

A partner without a live translation appears in its German version, names being proper
names (`partners_for_locale`). A hit links to the directory filtered by the partner's name.
"""

from functools import partial
from urllib.parse import urlencode

from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _

from wagtail.models import Locale
from wagtail.search.backends import get_search_backend

from portal.search_hits import Hit, excerpt, plain_text

from .directory import partners_for_locale
from .models import Partner, PartnerIndexPage

FILTER_LENGTH = 100


def partner_results(search):
    """The block of partner results for a site search."""
    visible = partners_for_locale(search.locale.pk, search.locale.language_code).values("pk")
    partners = Partner.objects.filter(pk__in=visible)
    results = get_search_backend().search(search.words, partners, operator="and")
    return [(results, partial(partner_hits, search))]


def partner_hits(search, partners):
    directory = PartnerIndexPage.objects.live().public().filter(locale=search.locale).first()
    base = directory.get_url(request=search.request) if directory else ""
    locales = dict(Locale.objects.values_list("pk", "language_code"))
    return [partner_hit(search, partner, base, locales) for partner in partners]


def partner_hit(search, partner, base, locales):
    name = Truncator(partner.name).chars(FILTER_LENGTH, truncate="")
    url = f"{base}?{urlencode({'q': name})}#partnerliste" if base else ""
    text = " ".join(filter(None, [partner.place, plain_text(partner.measures)]))
    return Hit(
        kind="partner",
        label=str(_("Partner")),
        title=partner.name,
        url=url,
        excerpt=excerpt(text, search.words),
        language=locales.get(partner.locale_id, search.locale.language_code),
        date=partner.last_published_at,
        facts=partner.get_kind_display(),
    )
