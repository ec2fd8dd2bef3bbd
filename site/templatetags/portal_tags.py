import logging
from functools import partial

from django import template
from django.templatetags.static import static
from django.utils.translation import gettext_lazy as _

from wagtail.images.models import SourceImageIOError

from home.models import ContactPage, StandardPage
from portal import navigation
from portal.addresses import absolute
from portal.content_cache import cached
from portal.i18n import current_home, language_links
from portal.publisher import publisher_for
from portal.structured_data import description_of, json_ld
from portal.view_restrictions import private_q

register = template.Library()
logger = logging.getLogger(__name__)


def _language_links(context):
    """A view's own alternates (the search keeps its query), else the page's translations."""
    if context.get("language_links"):
        return context["language_links"]
    return language_links(context["request"], context.get("page"))


@register.inclusion_tag("components/language_switcher.html", takes_context=True)
def language_switcher(context):
    return {"links": _language_links(context)}


@register.inclusion_tag("components/hreflang_links.html", takes_context=True)
def hreflang_links(context):
    request = context["request"]
    links = [link for link in _language_links(context) if link.is_translation]
    default = next((link for link in links if link.code == "de"), None)
    return {"links": links, "default": default, "request": request}


@register.inclusion_tag("components/main_navigation.html", takes_context=True)
def main_navigation(context):
    """The home page and its children shown in menus; the page's section marked as current."""
    request = context["request"]
    page = context.get("page")
    home = current_home(request)
    return {
        "home": home,
        "home_is_current": home is not None and page is not None and page.pk == home.pk,
        "items": navigation.menu_items(request, page),
        "request": request,
    }


@register.inclusion_tag("components/section_navigation.html", takes_context=True)
def section_navigation(context):
    """On the pages of a menu section: the section's pages shown in menus, as a tree."""
    request = context["request"]
    page = context.get("page")
    section = navigation.current_section(request, page) if page is not None else None
    tree = navigation.section_tree(request, section, page) if section is not None else None
    return {"section": tree if tree and tree.children else None, "request": request}


@register.inclusion_tag("components/footer_navigation.html", takes_context=True)
def footer_navigation(context):
    """The sections of the main navigation; the legal, contact and other standard pages."""
    request = context["request"]
    home = current_home(request)
    items = cached("footer-pages", partial(_footer_pages, home), home.pk) if home else []
    return {"sections": navigation.menu_pages(request), "items": items, "request": request}


def _footer_pages(home):
    return list(home.get_children().live().exclude(private_q()).type(StandardPage, ContactPage))


@register.inclusion_tag("components/service_navigation.html", takes_context=True)
def service_navigation(context):
    """Leichte Sprache and Gebärdensprache, at the top of every page."""
    request = context["request"]
    home = current_home(request)
    items = cached("service-pages", partial(_service_pages, home), home.pk) if home else []
    return {"items": items, "request": request}


def _service_pages(home):
    pages = StandardPage.objects.child_of(home).live().exclude(private_q())
    return list(pages.filter(role__in=StandardPage.SERVICE_ROLES).order_by("role"))


@register.inclusion_tag("components/breadcrumb.html", takes_context=True)
def breadcrumb(context):
    page = context.get("page")
    if page is None or page.depth is None or page.depth <= 2:
        return {"ancestors": [], "page": page}
    ancestors = cached("breadcrumb", partial(_live_ancestors, page), page.path)
    return {"ancestors": ancestors, "page": page, "request": context["request"]}


def _live_ancestors(page):
    return list(page.get_ancestors().filter(depth__gte=2).live())


@register.simple_tag(takes_context=True)
def canonical_address(context):
    """The page's own address, absolute: `canonical_url` where a view sets one (filtered
    archive views, the search), else the page's URL; empty outside pages."""
    request, page = context.get("request"), context.get("page")
    path = context.get("canonical_url") or (page.url if page is not None else "")
    if request is None or not path:
        return ""
    return absolute(request, path)


@register.simple_tag(takes_context=True)
def absolute_url(context, path):
    """`path` at the portal's public address (`portal.addresses`)."""
    return absolute(context["request"], path)


@register.simple_tag
def page_description(page):
    return description_of(page)


OPEN_GRAPH_LOCALES = {"de": "de_DE", "en": "en_GB"}


@register.simple_tag(takes_context=True)
def open_graph_locale(context):
    return OPEN_GRAPH_LOCALES.get(context.get("LANGUAGE_CODE"), "de_DE")


@register.simple_tag
def document_facts(document):
    """Format, size, pages and language of a document: "PDF, 1,2 MB, 24 Seiten, Deutsch"."""
    return document.facts_text


@register.simple_tag(takes_context=True)
def publisher_details(context):
    """The publisher's name and address in the visitor's language."""
    return publisher_for(context.get("request"))


@register.simple_tag(takes_context=True)
def structured_data(context):
    """The page's schema.org description as JSON-LD, where its type has one."""
    page = context.get("page")
    describe = getattr(page, "structured_data", None)
    data = describe(context["request"]) if describe is not None else None
    return json_ld(data) if data else ""


@register.simple_tag(takes_context=True)
def privacy_page(context):
    """The live privacy page (Datenschutzerklärung) of the request's language, or None."""
    home = current_home(context["request"])
    if home is None:
        return None
    return cached("privacy-page", partial(_privacy_page, home), home.pk)


def _privacy_page(home):
    pages = StandardPage.objects.child_of(home).live().exclude(private_q())
    return pages.filter(role=StandardPage.Role.PRIVACY).first()


# The portal's default share image (tools/share_image.py renders it from the wordmark).
DEFAULT_SHARE_IMAGE = {
    "path": "brand/share.png",
    "width": 1200,
    "height": 630,
    "alt": _("chancen.nrw – Interkulturelle Öffnung in Nordrhein-Westfalen"),
}
SHARE_RENDITION = "max-1200x630"


@register.simple_tag(takes_context=True)
def share_image(context):
    """The image link previews show (Open Graph, Twitter card): the page's own where its type
    offers one (`share_image()`, e.g. a publication's cover), else the portal's default; the
    address absolute at the public address, with size and alternative text."""
    request, page = context["request"], context.get("page")
    own = getattr(page, "share_image", None)
    image = own() if callable(own) else None
    rendition = None
    if image is not None:
        try:
            rendition = image.get_rendition(SHARE_RENDITION)
        except SourceImageIOError:  # the original is missing: the portal's image instead
            logger.warning("Share image %s: original file missing", image.pk)
    if rendition is not None:
        url = rendition.url
        return {
            "url": url if url.startswith(("http://", "https://")) else absolute(request, url),
            "width": rendition.width,
            "height": rendition.height,
            "alt": getattr(page, "share_image_alt", lambda: image.default_alt_text)(),
            # A portrait image (a brochure's cover) would be cut to 2:1 in a large card.
            "card": "summary_large_image" if rendition.width > rendition.height else "summary",
        }
    return {
        "url": absolute(request, static(DEFAULT_SHARE_IMAGE["path"])),
        "width": DEFAULT_SHARE_IMAGE["width"],
        "height": DEFAULT_SHARE_IMAGE["height"],
        "alt": DEFAULT_SHARE_IMAGE["alt"],
        "card": "summary_large_image",
    }
