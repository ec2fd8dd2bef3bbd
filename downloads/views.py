"""Document addresses that outlive a replaced file."""

from django.shortcuts import get_object_or_404, redirect

from wagtail.documents import get_document_model
from wagtail.documents.views.serve import serve


def serve_document(request, document_id, document_filename):
    """Wagtail's download view; a file name the document had before its file was replaced
    redirects to the current file, so links in mails and print keep working."""
    document = get_object_or_404(get_document_model(), id=document_id)
    if document_filename != document.filename and document_filename in document.former_file_names:
        return redirect(document.url)
    return serve(request, document_id, document_filename)
