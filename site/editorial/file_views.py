"""Admin list "Dateien zur Freigabe": approvers release uploads that no page release covers."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST
from django.views.generic import TemplateView

from wagtail.documents import get_document_model
from wagtail.images import get_image_model

from .files import can_release, pending_collection_ids, release
from .publishing import is_administrator
from .roles import APPROVERS

KINDS = {"dokument": get_document_model, "bild": get_image_model}


def may_see_pending_files(user):
    return is_administrator(user) or user.groups.filter(name=APPROVERS).exists()


class PendingFilesView(TemplateView):
    template_name = "portal/editorial/pending_files.html"

    def dispatch(self, request, *args, **kwargs):
        if not may_see_pending_files(request.user):
            raise PermissionDenied
        return super().dispatch(request, *args, **kwargs)

    def get_context_data(self, **kwargs):
        pending = pending_collection_ids()
        user = self.request.user
        rows = []
        for kind, get_model in KINDS.items():
            files = (
                get_model()
                .objects.filter(collection_id__in=pending)
                .select_related("uploaded_by_user")
            )
            if kind == "dokument":
                files = files.select_related("replaces")
            else:
                # A document's cover (downloads.covers) is released with its document.
                covers = get_document_model().objects.exclude(cover=None).values("cover")
                files = files.exclude(pk__in=covers)
            rows += [
                {"kind": kind, "file": file, "can_release": can_release(user, file)}
                for file in files.order_by("-created_at")
            ]
        return super().get_context_data(rows=rows, **kwargs)


@require_POST
def release_file(request, kind, pk):
    if kind not in KINDS:
        raise PermissionDenied
    file = get_object_or_404(KINDS[kind](), pk=pk, collection_id__in=pending_collection_ids())
    if not can_release(request.user, file):
        raise PermissionDenied(_("Eigene Uploads gibt eine andere Person der Freigabe frei."))
    approved = request.user.groups.filter(name=APPROVERS).exists() and (
        file.uploaded_by_user_id != request.user.pk
    )
    released = release(file, user=request.user, approved=approved)
    messages.success(request, _("„%(title)s“ ist freigegeben.") % {"title": released.title})
    return redirect("portal_pending_files")
