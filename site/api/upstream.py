"""Fixes for Wagtail 8.0.1's API v3 document and image lists, which query once per item.

Both lists answer with each item's `collection` (`{"id": …}`) but do not select it along,
so 200 documents cost 200 extra queries. The routers look their queryset function up in
their module at request time; it is wrapped here to select the collection in the same query.
Delete this module once Wagtail's lists `select_related("collection")` themselves.
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
