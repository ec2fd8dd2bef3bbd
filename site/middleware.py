"""Middleware of the portal's frame."""

from django.middleware.locale import LocaleMiddleware


class NonApiLocaleMiddleware(LocaleMiddleware):
    """Django's LocaleMiddleware, minus its language redirect for the API.

    With `i18n_patterns(prefix_default_language=True)` and Wagtail's catch-all page route,
    every unknown URL is "valid" under `/de/`, so LocaleMiddleware turns each API 404 into
    a 302 to `/de/api/…` and the client ends on an HTML page. API answers stay as they are.
    """

    def process_response(self, request, response):
        if request.path_info.startswith("/api/"):
            return response
        return super().process_response(request, response)
