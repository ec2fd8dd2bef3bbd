"""Seed content of the partner directory (filled in by the partners section)."""


def seed_partners(context):
    """Create the partner page, the 30 partners and "Partner werden"."""
