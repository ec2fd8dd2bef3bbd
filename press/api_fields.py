"""The press release's own API field: its topics, in the release's language."""

from rest_framework.fields import Field

from portal.api_common.representations import page_link
from portal.api_common.schemas import PageLinkSchema

from .queries import localized_topics


class TopicLinksField(Field):
    """The topics of a press release in the release's own language, live ones only."""

    def __init__(self, **kwargs):
        super().__init__(read_only=True, source="*", **kwargs)

    def to_representation(self, release) -> list[PageLinkSchema]:
        return [link for link in map(page_link, localized_topics(release)) if link]
