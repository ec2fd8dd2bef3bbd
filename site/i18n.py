"""Language alternates of a page: the language switcher and the hreflang links."""

from dataclasses import dataclass

from django.conf import settings
from django.utils.translation import get_language

from wagtail.models import Locale, Page, Site


@dataclass(frozen=True)
class LanguageLink:
    code: str
    name: str
    url: str
    is_current: bool
    is_translation: bool  # False: the page has no translation; the link goes to that home page


def language_homes(request):
    """The live home page of each language, by language code."""
    site = Site.find_for_request(request)
    if site is None:
        return {}
    homes = (
        Page.objects.filter(translation_key=site.root_page.translation_key)
        .live()
        .select_related("locale")
    )
    return {home.locale.language_code: home for home in homes}


def page_translations(page):
    """The live, public translations of a page (itself included), by language code."""
    if page is None:
        return {}
    pages = (
        Page.objects.filter(translation_key=page.translation_key)
        .live()
        .public()
        .select_related("locale")
    )
    return {translation.locale.language_code: translation for translation in pages}


def language_links(request, page=None):
    """One link per language: the page's translation, else that language's home page."""
    translations = page_translations(page)
    homes = language_homes(request) if len(translations) < len(settings.LANGUAGES) else {}
    current = get_language() or Locale.get_default().language_code
    links = []
    for code, name in settings.LANGUAGES:
        target = translations.get(code) or homes.get(code)
        if target is None:
            continue
        links.append(
            LanguageLink(
                code=code,
                name=name,
                url=target.get_url(request),
                is_current=code == current,
                is_translation=code in translations,
            )
        )
    return links
