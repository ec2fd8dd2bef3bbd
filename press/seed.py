"""Seed content of the press section (filled in by the press section)."""


def seed_press(context):
    """Create the press release archive and what the seed states about press releases."""
