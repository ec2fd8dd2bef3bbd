from django import template

from wagtail.models import Page

from home.models import ContactPage, StandardPage
from portal.i18n import current_home, language_links
from portal.models import PublisherDetails

register = template.Library()


@register.inclusion_tag("components/language_switcher.html", takes_context=True)
def language_switcher(context):
    request = context["request"]
    return {"links": language_links(request, context.get("page"))}


@register.inclusion_tag("components/hreflang_links.html", takes_context=True)
def hreflang_links(context):
    request = context["request"]
    page = context.get("page")
    links = [link for link in language_links(request, page) if link.is_translation]
    default = next((link for link in links if link.code == "de"), None)
    return {"links": links, "default": default, "request": request}


@register.inclusion_tag("components/main_navigation.html", takes_context=True)
def main_navigation(context):
    request = context["request"]
    home = current_home(request)
    items = home.get_children().live().public().in_menu() if home else Page.objects.none()
    current = context.get("page")
    return {
        "home": home,
        "items": items,
        "current_path": current.path if current else "",
        "request": request,
    }


@register.inclusion_tag("components/footer_navigation.html", takes_context=True)
def footer_navigation(context):
    """The legal pages, the contact page and the other standard pages of the current home."""
    request = context["request"]
    home = current_home(request)
    items = home.get_children().live().public().type(StandardPage, ContactPage) if home else []
    return {"items": items, "request": request}


@register.inclusion_tag("components/service_navigation.html", takes_context=True)
def service_navigation(context):
    """Leichte Sprache and Gebärdensprache, at the top of every page."""
    request = context["request"]
    home = current_home(request)
    items = (
        StandardPage.objects.child_of(home)
        .live()
        .public()
        .filter(role__in=StandardPage.SERVICE_ROLES)
        .order_by("role")
        if home
        else []
    )
    return {"items": items, "request": request}


@register.inclusion_tag("components/breadcrumb.html", takes_context=True)
def breadcrumb(context):
    page = context.get("page")
    if page is None or page.depth <= 2:
        return {"ancestors": [], "page": page}
    ancestors = page.get_ancestors().filter(depth__gte=2).live()
    return {"ancestors": ancestors, "page": page, "request": context["request"]}


@register.simple_tag
def document_facts(document):
    """Format, size, pages and language of a document: "PDF, 1,2 MB, 24 Seiten, Deutsch"."""
    return document.facts_text


@register.simple_tag
def publisher_details():
    """The publisher's name and address in the visitor's language."""
    return PublisherDetails.for_active_language()
