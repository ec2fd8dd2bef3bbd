"""The document upload form: every upload in the admin goes through it."""

from types import SimpleNamespace

from django.conf import settings
from django.contrib.auth.models import AnonymousUser
from django.core.files.uploadedfile import UploadedFile
from django.forms.models import modelform_factory

from wagtail.api.v3.permissions import get_restricted_collection_ids
from wagtail.documents import get_document_model
from wagtail.documents.forms import BaseDocumentForm, formfield_for_dbfield

from downloads.files import inspect_document, safe_filename


class PortalDocumentForm(BaseDocumentForm):
    """Refuses files whose content is not what their extension says; names them safely.

    Used for the single and the multiple upload and for replacing a file, through
    `WAGTAILDOCS_DOCUMENT_FORM_BASE = "downloads.forms.PortalDocumentForm"`.
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if "file" in self.fields:
            # A long name is shortened when the file is stored, not refused.
            self.fields["file"].max_length = None
        if "language" in self.fields:
            # The multiple upload sends only title and collection: German until edited.
            self.fields["language"].required = False
        if "collection" in self.fields:
            # Code that uploads without a user, and Administration, get the first collection.
            self.fields["collection"].required = False
        if "replaces" in self.fields:
            self.fields["replaces"].queryset = replaceable_documents(self.instance)

    def clean_file(self):
        file = self.cleaned_data.get("file")
        if isinstance(file, UploadedFile):
            facts = inspect_document(file)
            file.name = safe_filename(file.name, facts.file_format)
            self.instance.remember_file_facts(file, facts)
        return file

    def clean_collection(self):
        """Unchosen: an edited document stays where it is, a new one gets the first."""
        chosen = self.cleaned_data.get("collection")
        if chosen is None and self.instance.pk:
            return self.instance.collection
        return chosen or self.collections.order_by("path").first()

    def clean_language(self):
        return self.cleaned_data.get("language") or settings.LANGUAGE_CODE


def replaceable_documents(document):
    """What a new file may replace: documents visitors can download, not itself."""
    visitor = SimpleNamespace(user=AnonymousUser(), session={})
    return (
        get_document_model()
        .objects.exclude(collection__in=get_restricted_collection_ids(visitor))
        .exclude(pk=document.pk)
        .order_by("title")
    )


def upload_form_class():
    """The admin's upload form as Wagtail builds it, with these checks, for code that uploads."""
    model = get_document_model()
    return modelform_factory(
        model,
        form=PortalDocumentForm,
        fields=[*model.admin_form_fields],
        formfield_callback=formfield_for_dbfield,
    )
