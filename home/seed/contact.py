"""Seed contact persons: the old site's "Kontakt" panel names Kerstin Peters, nothing more."""

from portal.contacts import ContactPerson
from portal.seed import add_snippet


def seed_contact_persons(context):
    add_snippet(context, "kerstin-peters", ContactPerson, {"name": "Kerstin Peters"})
