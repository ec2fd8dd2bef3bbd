from django.core.paginator import Paginator
from django.template.response import TemplateResponse

from wagtail.models import Locale, Page

from .forms import SearchForm

RESULTS_PER_PAGE = 10


def search(request):
    """Live, public pages of the visitor's language that match the query's words."""
    form = SearchForm({"q": request.GET["q"].replace("\x00", "")} if "q" in request.GET else None)
    words = form.words()
    results = Page.objects.none()
    if words:
        results = (
            Page.objects.live()
            .public()
            .filter(locale=Locale.get_active(), depth__gt=1)
            .search(words, operator="and")
        )
    paginator = Paginator(results, RESULTS_PER_PAGE)
    page_of_results = paginator.get_page(request.GET.get("seite"))
    return TemplateResponse(
        request,
        "search/search.html",
        {
            "form": form,
            "words": words,
            "results": page_of_results,
            "count": paginator.count,
        },
    )
