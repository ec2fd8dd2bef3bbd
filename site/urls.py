from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.urls import include, path
from django.utils.translation import gettext_lazy as _

from wagtail import urls as wagtail_urls
from wagtail.admin import urls as wagtailadmin_urls
from wagtail.admin.auth import require_admin_access
from wagtail.api.v3.urls import api as api_v3
from wagtail.documents import urls as wagtaildocs_urls

from downloads import views as document_views
from portal import choosers, patterns, views
from portal.api.mount import attach_routers
from portal.sitemaps import sitemap_view
from search import views as search_views

attach_routers()

urlpatterns = [
    # The page chooser starts in the language's tree (before Wagtail's own address).
    path("admin/choose-page/", require_admin_access(choosers.page_chooser_start)),
    path("admin/", include(wagtailadmin_urls)),
    path(
        "documents/<int:document_id>/<str:document_filename>",
        document_views.serve_document,
        name="portal_document_serve",
    ),
    path("documents/", include(wagtaildocs_urls)),
    path("api/v3/", api_v3.urls),
    path("sitemap.xml", sitemap_view, name="sitemap"),
    path("robots.txt", views.robots_txt, name="robots_txt"),
]

if settings.DEBUG:
    from django.conf.urls.static import static
    from django.contrib.staticfiles.urls import staticfiles_urlpatterns

    urlpatterns += staticfiles_urlpatterns()
    urlpatterns += static(settings.MEDIA_URL, document_root=settings.MEDIA_ROOT)

# Refusals in the portal's frame (or the admin's look under /admin/), in the visitor's language.
handler403 = "portal.views.permission_denied"

urlpatterns += i18n_patterns(
    path(_("suche/"), search_views.search, name="search"),
    # The pattern page of the components, in development only (404 otherwise).
    path("-/muster/", patterns.pattern_library, name="patterns"),
    path("", include(wagtail_urls)),
    prefix_default_language=True,
)
