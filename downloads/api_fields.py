"""The downloads page's own API field: its document groups with each document's facts."""

from ninja import Schema
from rest_framework.fields import Field

from portal.api_common.representations import document_data, restricted_collection_ids
from portal.api_common.schemas import DocumentFileSchema


class DownloadGroupSchema(Schema):
    heading: str
    description: str = ""
    documents: list[DocumentFileSchema] = []


class DownloadGroupsField(Field):
    """The downloads page's document groups, with each document's facts."""

    def __init__(self, **kwargs):
        super().__init__(read_only=True, **kwargs)

    def to_representation(self, stream) -> list[DownloadGroupSchema]:
        restricted = restricted_collection_ids()
        groups = []
        for child in stream:
            documents = [
                document_data(doc, restricted=restricted) for doc in child.value["documents"]
            ]
            groups.append(
                {
                    "heading": child.value["heading"],
                    "description": child.value["description"],
                    "documents": [document for document in documents if document],
                }
            )
        return groups
