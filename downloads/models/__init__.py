from .documents import DocumentDownloadMonth, PortalDocument
from .pages import DownloadIndexPage, PublicationOrderPage, PublicationPage

__all__ = [
    "DocumentDownloadMonth",
    "DownloadIndexPage",
    "PortalDocument",
    "PublicationOrderPage",
    "PublicationPage",
]
