"""Seed the publisher: the old site names only the state government ("Landesregierung")."""

from portal.publisher import PublisherDetails
from portal.seed import add_snippet, translate

from .pages import PO_DIR


def seed_publisher(context):
    publisher = add_snippet(
        context, "publisher", PublisherDetails, {"name": "Landesregierung Nordrhein-Westfalen"}
    )
    translate(context, publisher, PO_DIR / "publisher.po")
