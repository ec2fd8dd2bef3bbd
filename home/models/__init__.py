from .contact import ContactPerson
from .pages import (
    ContentPage,
    HomePage,
    SectionPage,
    SidebarMixin,
    StandardPage,
    TopicListMixin,
    TopicPage,
)

__all__ = [
    "ContactPerson",
    "ContentPage",
    "HomePage",
    "SectionPage",
    "SidebarMixin",
    "StandardPage",
    "TopicListMixin",
    "TopicPage",
]
