"""Image renditions from the object store, for visitors (`portal.storage`).

Only renditions (`images/…`) are served: original images and documents never come through
here (documents go through Wagtail's serve view and its privacy checks). Renditions are
public once a page shows them; the HTTP cache in front keeps them for a day.
"""

import posixpath

from django.core.files.storage import default_storage
from django.http import FileResponse, Http404
from django.utils.cache import patch_cache_control
from django.views.decorators.http import require_safe

PUBLIC_PREFIXES = ("images/",)  # renditions; the object store's other files stay private


@require_safe
def serve_rendition(request, path):
    name = posixpath.normpath(path)
    if name != path or not name.startswith(PUBLIC_PREFIXES) or "\x00" in name:
        raise Http404
    try:
        handle = default_storage.open(name, "rb")
    except FileNotFoundError:
        raise Http404 from None
    except Exception as error:
        # botocore's ClientError for a missing key (404/NoSuchKey); other errors pass on.
        code = getattr(error, "response", {}).get("Error", {}).get("Code")
        if code in ("404", "NoSuchKey", "NotFound"):
            raise Http404 from None
        raise
    response = FileResponse(handle)
    patch_cache_control(response, public=True, max_age=24 * 60 * 60)
    return response
