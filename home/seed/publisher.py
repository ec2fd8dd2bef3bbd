"""Seed the publisher: the old site names only the state government ("Landesregierung")."""

from portal.models import PublisherDetails

from .loader import PO_DIR, add_snippet, translate


def seed_publisher(context):
    publisher = add_snippet(
        context, "publisher", PublisherDetails, {"name": "Landesregierung Nordrhein-Westfalen"}
    )
    translate(context, publisher, PO_DIR / "publisher.po")
