"""Blocks of the downloads page: documents grouped by topic, in the order editors choose.

Groups are a StreamField rather than document tags: the heading is page content that
translators translate with the page, and the editor decides the order of groups and of the
documents in them. All documents of all groups load in one query (ListBlock's bulk load).
"""

from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.documents import get_document_model
from wagtail.documents.blocks import DocumentChooserBlock


class DownloadGroupBlock(blocks.StructBlock):
    heading = blocks.CharBlock(max_length=200, label=_("Thema"))
    description = blocks.TextBlock(
        required=False, max_length=600, label=_("Erläuterung"), help_text=_("Ein bis zwei Sätze.")
    )
    documents = blocks.ListBlock(DocumentChooserBlock(), min_num=1, label=_("Dokumente"))

    class Meta:
        icon = "folder-open-inverse"
        template = "downloads/blocks/download_group_block.html"
        label = _("Dokumente zu einem Thema")
        description = _("Eine Überschrift und die Dokumente zu diesem Thema, mit Format und Größe.")

    def get_preview_value(self):
        """The newest documents of the library, so the preview shows real download links."""
        documents = get_document_model().objects.order_by("-created_at")[:3]
        return self.to_python(
            {
                "heading": "Interkulturelle Öffnung",
                "description": "",
                "documents": [document.pk for document in documents],
            }
        )


class DownloadGroupsBlock(blocks.StreamBlock):
    group = DownloadGroupBlock()

    class Meta:
        template = "downloads/blocks/download_groups_block.html"
