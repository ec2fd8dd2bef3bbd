"""Language alternates of a page: the language switcher, the hreflang links, the home pages.

Results are kept on the request, so the header, the head and the footer share one lookup.
"""

from dataclasses import dataclass
from functools import partial

from django.conf import settings
from django.urls import translate_url
from django.utils.translation import get_language

from wagtail.models import Page, Site

from portal.content_cache import cached
from portal.view_restrictions import private_q


@dataclass(frozen=True)
class LanguageLink:
    code: str
    name: str
    url: str
    is_current: bool
    is_translation: bool  # False: the page has no translation; the link goes to that home page


def _cached(request, key, compute):
    cache = request.__dict__.setdefault("_portal_i18n", {})
    if key not in cache:
        cache[key] = compute()
    return cache[key]


def language_homes(request):
    """The live home page of each language, by language code."""

    def compute():
        site = Site.find_for_request(request)
        if site is None:
            return {}
        return cached("language-homes", partial(_load_language_homes, site), site.pk)

    return _cached(request, "homes", compute)


def _load_language_homes(site):
    homes = (
        Page.objects.filter(translation_key=site.root_page.translation_key)
        .live()
        .select_related("locale")
    )
    return {home.locale.language_code: home for home in homes}


def current_home(request):
    """The home page of the active language, or of the default language."""
    homes = language_homes(request)
    return homes.get(get_language()) or homes.get(settings.LANGUAGE_CODE)


def page_translations(page):
    """The live, public translations of a page (itself included), by language code; kept
    per content generation."""
    return cached("translations", partial(_load_page_translations, page), page.translation_key)


def _load_page_translations(page):
    pages = (
        Page.objects.filter(translation_key=page.translation_key)
        .live()
        .exclude(private_q())
        .select_related("locale")
    )
    return {translation.locale.language_code: translation for translation in pages}


def language_links(request, page=None):
    """One link per language: the page's translation, else that language's home page."""

    def compute():
        translations = page_translations(page) if page is not None else {}
        homes = language_homes(request)
        links = []
        for code, name in settings.LANGUAGES:
            target = translations.get(code) or homes.get(code)
            if target is not None:
                links.append(
                    LanguageLink(
                        code=code,
                        name=name,
                        url=target.get_url(request),
                        is_current=code == get_language(),
                        is_translation=code in translations,
                    )
                )
        return links

    return _cached(request, ("links", page.pk if page else None), compute)


def view_language_links(request, path):
    """One link per language to the same view with the same query (e.g. the search).

    `path` is the view's path with its query string in the active language; Django's
    `translate_url` resolves it and reverses it in each language, keeping the query.
    """
    return [
        LanguageLink(
            code=code,
            name=name,
            url=translate_url(path, code),
            is_current=code == get_language(),
            is_translation=True,
        )
        for code, name in settings.LANGUAGES
    ]
