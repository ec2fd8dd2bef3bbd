"""Seed content of the downloads section (filled in by the downloads section)."""


def seed_downloads(context):
    """Create the downloads page, the brochure stand-in PDF and its publication page."""
