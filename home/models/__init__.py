from .contact import ContactFormField, ContactPage, ContactPagePerson, ContactPerson
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
    "ContactFormField",
    "ContactPage",
    "ContactPagePerson",
    "ContactPerson",
    "ContentPage",
    "HomePage",
    "SectionPage",
    "SidebarMixin",
    "StandardPage",
    "TopicListMixin",
    "TopicPage",
]
