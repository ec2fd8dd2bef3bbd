from django.core.paginator import Paginator
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.http import urlencode
from django.utils.translation import get_language

from portal.i18n import view_language_links

from .forms import SearchForm
from .queries import SiteSearch, record_query

RESULTS_PER_PAGE = 10


def search(request):
    """Pages, partners and documents for the query's words; editors' picks on top."""
    form = SearchForm({"q": request.GET["q"].replace("\x00", "")} if "q" in request.GET else None)
    words = form.words()
    site_search = SiteSearch(words, get_language(), request)
    promotions = site_search.promotions()
    promoted_pages = {hit.page_id for hit in promotions if hit.page_id}
    paginator = Paginator(site_search.results(exclude_page_ids=promoted_pages), RESULTS_PER_PAGE)
    page_of_results = paginator.get_page(request.GET.get("seite"))
    if request.GET.get("seite", "1").strip() in ("", "1"):
        # The first page is the search; further pages are the same search, not counted again.
        record_query(words)
    if page_of_results.number > 1:
        promotions = []
    return TemplateResponse(
        request,
        "search/search.html",
        {
            "form": form,
            "words": words,
            "results": page_of_results,
            "promotions": promotions,
            "count": paginator.count,
            **_alternates(request, form, page_of_results.number),
        },
    )


def _alternates(request, form, number):
    """The search's own address (query and result page kept) and the same in each language."""
    query = form.data["q"].strip() if form.is_bound else ""
    params = {"q": query} if query else {}
    if number > 1:
        params["seite"] = number
    path = reverse("search") + (f"?{urlencode(params)}" if params else "")
    return {"canonical_url": path, "language_links": view_language_links(request, path)}
