"""Fixes for Wagtail 8.0.1's API v3 document and image lists, which query once per item.

Both lists answer with each item's `collection` (`{"id": …}`) but do not select it along,
so 200 documents cost 200 extra queries. The routers look their queryset function up in
their module at request time; it is wrapped here to select the collection in the same query.

Upstream defect (Wagtail 8.0.1, `wagtail/documents/api/v3/router.py` and
`wagtail/images/api/v3/router.py`). Wagtail fixed the same N+1 in the admin's image listing
(https://github.com/wagtail/wagtail/pull/7304); no issue for API v3 yet as of 2026-12; to file
against wagtail/wagtail: "API v3: document and image lists query the collection once per item".
Delete this module (and its call in `portal.api.middleware`) once Wagtail's lists
`select_related("collection")` themselves; the canary
`test_upstream_document_and_image_lists_do_not_select_the_collection` fails then.
"""

from functools import wraps


def _with_collection(get_queryset):
    @wraps(get_queryset)
    def wrapper(request):
        return get_queryset(request).select_related("collection")

    wrapper.portal_collection_fix = True
    return wrapper


def select_collections():
    from wagtail.documents.api.v3 import router as documents
    from wagtail.images.api.v3 import router as images

    for module, name in ((documents, "get_documents_queryset"), (images, "get_images_queryset")):
        function = getattr(module, name)
        if not getattr(function, "portal_collection_fix", False):
            setattr(module, name, _with_collection(function))
