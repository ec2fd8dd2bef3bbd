"""Choosers that offer items in the language of the object being edited.

Wagtail's choosers do not know what they were opened for: the page chooser starts at the
root in the language of the admin interface and searches every tree, the snippet choosers
list every language, the document chooser every document. Their modals are loaded from the
edit view, so the request's Referer names the page or snippet being edited; its locale
becomes the default of the choosers' own `locale` filter (an explicit choice, including
"All", wins). Documents are not translatable: those in the edited language come first.
"""

from urllib.parse import urlsplit

from django.db.models import Case, IntegerField, Value, When
from django.shortcuts import redirect
from django.urls import Resolver404, resolve, reverse
from django.utils.translation import get_language

from wagtail.models import Locale, Page, Site, TranslatableMixin
from wagtail.snippets.views.chooser import (
    ChooseResultsView,
    ChooseView,
    SnippetChooserViewSet,
)

PAGE_VIEWS = {"edit": "page_id", "add": "parent_page_id"}


def editing_locale(request):
    """The locale of the page or snippet whose edit view opened this chooser, or None."""
    cache = request.__dict__
    if "_editing_locale" not in cache:
        cache["_editing_locale"] = _locale_from_referer(request.META.get("HTTP_REFERER", ""))
    return cache["_editing_locale"]


def _locale_from_referer(referer):
    try:
        match = resolve(urlsplit(referer).path)
    except Resolver404:
        return None
    instance = None
    if match.namespace == "wagtailadmin_pages" and match.url_name in PAGE_VIEWS:
        page_id = match.kwargs.get(PAGE_VIEWS[match.url_name])
        instance = Page.objects.filter(pk=page_id).select_related("locale").first()
    elif match.url_name == "edit" and "pk" in match.kwargs:
        model = getattr(getattr(match.func, "view_class", None), "model", None)
        model = getattr(match.func, "view_initkwargs", {}).get("model", model)
        if model is not None and issubclass(model, TranslatableMixin):
            instance = model._default_manager.filter(pk=match.kwargs["pk"]).first()
    return instance.locale if instance is not None else None


def with_editing_locale(request):
    """The query parameters, with `locale` defaulting to the edited object's language."""
    params = request.GET
    locale = editing_locale(request)
    if locale is not None and "locale" not in params:
        params = params.copy()
        params["locale"] = locale.language_code
    return params


def prefer_editing_locale(request):
    """Let Wagtail's page chooser start in the edited page's tree (it reads `locale`)."""
    request.GET = with_editing_locale(request)
    return editing_locale(request)


def pages_for_editing_locale(pages, request):
    """Browsing starts in the edited page's tree; search finds pages of that tree only."""
    locale = prefer_editing_locale(request)
    selected = request.GET.get("locale")
    url_name = request.resolver_match.url_name if request.resolver_match else None
    is_search = (url_name or "").endswith("search")
    if locale is None or not is_search or not selected:
        return pages
    chosen = Locale.objects.filter(language_code=selected).first()
    return pages.filter(locale=chosen) if chosen else pages


def documents_for_editing_locale(documents, request):
    locale = editing_locale(request)
    if locale is None:
        return documents
    first = Case(
        When(language=locale.language_code, then=Value(0)),
        default=Value(1),
        output_field=IntegerField(),
    )
    return documents.order_by(first, "-created_at", "-pk")


class EditingLocaleFilterMixin:
    def get_filter_form(self):
        return self.get_filter_form_class()(with_editing_locale(self.request))


class LocaleAwareChooseView(EditingLocaleFilterMixin, ChooseView):
    pass


class LocaleAwareChooseResultsView(EditingLocaleFilterMixin, ChooseResultsView):
    pass


class LocaleAwareSnippetChooserViewSet(SnippetChooserViewSet):
    """For `SnippetViewSet.chooser_viewset_class` of translatable snippets."""

    choose_view_class = LocaleAwareChooseView
    choose_results_view_class = LocaleAwareChooseResultsView


def language_home(request):
    """The home page of the language the page chooser should start in: the `locale` chosen
    in the chooser, else the edited object's, else the admin's language; None if that
    language has no home page."""
    code = request.GET.get("locale")
    locale = Locale.objects.filter(language_code=code).first() if code else None
    locale = locale or editing_locale(request)
    if locale is None:
        locale = Locale.objects.filter(language_code=get_language()).first()
    root = Site.objects.filter(is_default_site=True).select_related("root_page").first()
    if locale is None or root is None:
        return None
    return root.root_page.get_translation_or_none(locale)


def page_chooser_start(request):
    """`/admin/choose-page/` without a parent: Wagtail would start at the root of all trees;
    for any page type, start inside the language's home page instead (its pages are what
    an editor links to). Restricted page types keep Wagtail's start, the nearest common
    ancestor of the pages that can be chosen. The query string (chooser options) is kept."""
    from wagtail.admin.views.chooser import BrowseView

    page_type = request.GET.get("page_type", "")
    home = None if page_type not in ("", "wagtailcore.page") else language_home(request)
    if home is None:
        return BrowseView.as_view()(request)
    params = request.GET.copy()
    params.pop("locale", None)
    target = reverse("wagtailadmin_choose_page_child", args=[home.pk])
    return redirect(f"{target}?{params.urlencode()}" if params else target)
