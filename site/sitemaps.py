from collections import defaultdict
from functools import partial

from django.conf import settings
from django.contrib.sitemaps.views import SitemapIndexItem, x_robots_tag
from django.db.models import Q
from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.urls import reverse

from wagtail.contrib.sitemaps import Sitemap
from wagtail.contrib.sitemaps.views import sitemap
from wagtail.models import Locale, Page

from portal.addresses import absolute, rebased
from portal.content_cache import cached
from portal.view_restrictions import private_q


class PortalSitemap(Sitemap):
    """Wagtail's sitemap over the page trees of every language, not only the default one.

    Each page lists its live, public translations (itself included) as hreflang alternates,
    which Django's sitemap template renders as `<xhtml:link rel="alternate">`, and the German
    one again as `x-default` (the version for visitors of other languages). They come from
    one query for the whole sitemap, grouped by `translation_key`. Every address is at the
    public address (`portal.addresses`), like the pages' canonical links.

    At most `limit` addresses a file: a larger site gets a sitemap index (`sitemap_view`).
    """

    limit = 500

    def pages(self):
        root = self.get_wagtail_site().root_page
        homes = Page.objects.filter(translation_key=root.translation_key).live()
        in_a_tree = Q()
        for home in homes:
            in_a_tree |= Q(path__startswith=home.path)
        if not in_a_tree:
            return Page.objects.none()
        return Page.objects.filter(in_a_tree).live().exclude(private_q()).order_by("path")

    def items(self):
        return self.pages().defer_streamfields().specific()

    def get_urls(self, page=1, site=None, protocol=None):
        urls = super().get_urls(page=page, site=site, protocol=protocol)
        alternates = self.alternates()
        for url in urls:
            url["location"] = rebased(self.request, url["location"])
            url["alternates"] = alternates.get(url["location"], [])
        return urls

    def alternates(self):
        """Alternates by page URL, for pages that exist in more than one language."""
        languages = dict(Locale.objects.values_list("pk", "language_code"))
        groups = defaultdict(list)
        for page in self.pages().only("pk", "path", "url_path", "translation_key", "locale_id"):
            location = page.get_full_url(self.request)
            if location:
                groups[page.translation_key].append(
                    {
                        "lang_code": languages[page.locale_id],
                        "location": rebased(self.request, location),
                    }
                )
        return {
            alternate["location"]: group + self.x_default(group)
            for group in groups.values()
            if len(group) > 1
            for alternate in group
        }

    @staticmethod
    def x_default(group):
        default = next(
            (link for link in group if link["lang_code"] == settings.LANGUAGE_CODE), None
        )
        return [{"lang_code": "x-default", "location": default["location"]}] if default else []


SITEMAPS = {"pages": PortalSitemap}
KEPT_HEADERS = ("Content-Type", "Last-Modified", "X-Robots-Tag")


def sitemap_view(request):
    """`/sitemap.xml`: Wagtail's sitemap, rendered once per content generation
    (`portal.content_cache`) and kept in the shared cache, not in each process.

    Up to `PortalSitemap.limit` pages it lists them all; beyond, it is a sitemap index of
    `/sitemap.xml?p=1`, `?p=2`, … (Django's pages of the same sitemap), so no answer grows
    with the site: 4,000 pages in one file were 2.4 MB and a second of work.
    """
    status, content, headers = cached(
        "sitemap",
        partial(_render_sitemap, request),
        request.get_host(),
        request.get_full_path(),
        local=False,
    )
    response = HttpResponse(content, status=status)
    for name, value in headers.items():
        response[name] = value
    return response


def _render_sitemap(request):
    if "p" not in request.GET and PortalSitemap(request).paginator.num_pages > 1:
        response = _sitemap_index(request)
    else:
        response = sitemap(request, sitemaps=SITEMAPS)
    response.render()
    headers = {name: response[name] for name in KEPT_HEADERS if response.has_header(name)}
    return response.status_code, response.content, headers


@x_robots_tag
def _sitemap_index(request):
    pages = PortalSitemap(request).paginator.page_range
    path = reverse("sitemap")
    files = [SitemapIndexItem(absolute(request, f"{path}?p={number}")) for number in pages]
    return TemplateResponse(
        request, "sitemap_index.xml", {"sitemaps": files}, content_type="application/xml"
    )
