from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PortalConfig(AppConfig):
    name = "portal"
    label = "portal"
    verbose_name = _("Portal")

    def ready(self):
        from portal import content_cache, csv_injection, renditions
        from portal.editorial import notifications
        from portal.translation import comment_dates, snippet_status_panel

        from .editorial import files, publishing  # noqa: F401  (connect their signal receivers)
        from .http_cache import signals as http_cache_signals
        from .translation import view_restrictions  # noqa: F401  (connects its receivers)

        content_cache.connect_receivers()
        renditions.connect_receivers()
        files.register_policies()
        csv_injection.install()
        notifications.replace_wagtail_notifiers()
        snippet_status_panel.install()
        comment_dates.install()
        http_cache_signals.connect()
