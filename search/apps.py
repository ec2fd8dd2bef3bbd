from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = _("Suche")

    def ready(self):
        # Ninja refuses routers once the API's URLs were built: attach before urls.py loads.
        from wagtail.api.v3.api import api

        from .api import router

        api.add_router("/search/", router)
