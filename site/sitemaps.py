from django.db.models import Q

from wagtail.contrib.sitemaps import Sitemap
from wagtail.models import Page


class PortalSitemap(Sitemap):
    """Wagtail's sitemap over the page trees of every language, not only the default one."""

    def items(self):
        root = self.get_wagtail_site().root_page
        homes = Page.objects.filter(translation_key=root.translation_key).live()
        in_a_tree = Q()
        for home in homes:
            in_a_tree |= Q(path__startswith=home.path)
        if not in_a_tree:
            return Page.objects.none()
        return (
            Page.objects.filter(in_a_tree)
            .live()
            .public()
            .order_by("path")
            .defer_streamfields()
            .specific()
        )
