"""The models of the portal app, for Django's app registry.

Each lives in the module of its concern: images (`portal.images`), publisher details and
settings (`portal.publisher`), contact persons (`portal.contacts`) and the four-eyes
approval task of the editorial workflow (`portal.editorial.approval`). Code imports them
from there, not from here.
"""

from portal.contacts import ContactPerson
from portal.editorial.approval import FourEyesApprovalTask
from portal.images import PortalImage, PortalRendition
from portal.publisher import PortalSettings, PublisherDetails

__all__ = [
    "ContactPerson",
    "FourEyesApprovalTask",
    "PortalImage",
    "PortalRendition",
    "PortalSettings",
    "PublisherDetails",
]
