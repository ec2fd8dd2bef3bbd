from django.http import HttpResponse
from django.shortcuts import render
from django.urls import reverse
from django.views.decorators.cache import cache_control
from django.views.decorators.http import require_GET

from portal.addresses import absolute


@require_GET
@cache_control(max_age=86400, public=True)
def robots_txt(request):
    lines = [
        "User-agent: *",
        "Disallow: /admin/",
        f"Sitemap: {absolute(request, reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


def _refusal_template(request, name):
    """The admin's look under /admin/, the portal's frame (base.html) everywhere else."""
    admin = request.path_info.startswith("/admin/")
    return f"portal/errors/{name}_admin.html" if admin else f"portal/errors/{name}.html"


def csrf_failure(request, reason=""):
    """`CSRF_FAILURE_VIEW`: a form was sent without a valid security token (HTTP 403).

    Usually an old tab or blocked cookies; the page says so in the visitor's language.
    """
    response = render(request, _refusal_template(request, "csrf_failure"), status=403)
    response["Cache-Control"] = "no-store"
    return response


def permission_denied(request, exception=None):
    """`handler403`: the page is there, but not for this visitor."""
    return render(request, _refusal_template(request, "permission_denied"), status=403)
