"""Helpers for the press tests: an archive under a home page and releases in it.

Pages are added with `add_child`, which makes them live (like a published page) unless
`live=False` is given; the tree rules are tested separately. Tests that count releases start
from `empty_archive`, so the seed's release (if the seed is loaded) does not interfere.
"""

import datetime

from press.models import (
    PressReleaseContact,
    PressReleaseIndexPage,
    PressReleasePage,
    PressReleaseTopic,
)


def make_archive(home, title="Pressemitteilungen", slug="pressemitteilungen"):
    archive = PressReleaseIndexPage(title=title, slug=slug)
    home.add_child(instance=archive)
    return archive


def remove_archive(home):
    """Delete the archive under `home` (the seed's, where loaded), so that a test makes its own."""
    for archive in PressReleaseIndexPage.objects.child_of(home):
        archive.delete()


def empty_archive(home):
    """The archive under `home` without any releases: the seed's, emptied, or a new one."""
    archive = PressReleaseIndexPage.objects.child_of(home).first()
    if archive is None:
        return make_archive(home)
    for release in archive.get_children().specific():
        release.delete()
    archive.refresh_from_db()
    return archive


def make_release(archive, title, date, *, topics=(), contacts=(), **fields):
    fields.setdefault("lead", f"Vorspann von {title}.")
    release = PressReleasePage(title=title, date=date, **fields)
    release.topic_links = [PressReleaseTopic(topic=topic) for topic in topics]
    release.contact_links = [PressReleaseContact(person=person) for person in contacts]
    archive.add_child(instance=release)
    return release


def make_releases(archive, count, *, first=0, topics=()):
    """`count` releases "Mitteilung <n>" from n = `first` on, one a day from 1 January 2020."""
    start = datetime.date(2020, 1, 1)
    return [
        make_release(
            archive,
            f"Mitteilung {number}",
            start + datetime.timedelta(days=number),
            topics=topics,
            slug=f"mitteilung-{number}",
        )
        for number in range(first, first + count)
    ]
