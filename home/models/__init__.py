from .contact import ContactFormField, ContactPage, ContactPagePerson
from .pages import (
    HomePage,
    SectionPage,
    StandardPage,
    TopicPage,
)

__all__ = [
    "ContactFormField",
    "ContactPage",
    "ContactPagePerson",
    "HomePage",
    "SectionPage",
    "StandardPage",
    "TopicPage",
]
