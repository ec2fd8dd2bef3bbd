"""The portal's URLs and `/__bench__/constant`, the benchmark's reference view.

The reference answers the same bytes every time, no database, no template, yet passes
through the whole middleware stack (security headers, sessions, CSRF, logins, …) like a
page: a page's time divided by its time is what the page costs beyond the frame every
request pays. It exists only in the benchmark's settings (`bench.settings`).
"""

from django.http import HttpResponse
from django.urls import path
from django.views.decorators.http import require_safe

from portal import ops_urls

CONSTANT = b"chancen.nrw benchmark reference\n" * 32


@require_safe
def constant(request):
    return HttpResponse(CONSTANT, content_type="text/plain; charset=utf-8")


urlpatterns = [path("__bench__/constant", constant), *ops_urls.urlpatterns]
handler403 = ops_urls.handler403
handler500 = ops_urls.handler500
