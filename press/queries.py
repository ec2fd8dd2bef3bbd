"""Queries on press releases that pages and other sections use.

A release names its topics by page; wagtail-localize copies these links unchanged into the
translations (they are synchronised), so an English release still links the German topic
page. Topics are therefore matched by `translation_key` and shown in the reader's language.
"""

from functools import partial

from django.contrib.contenttypes.models import ContentType
from django.db.models import Exists, OuterRef, Q, Subquery

from wagtail.models import Page, get_page_models

from portal.contacts import ContactPerson
from portal.content_cache import cached
from portal.pages import SidebarPage
from portal.view_restrictions import private_q


def topic_page_models():
    """Page types a release can be about: those that show "Pressemitteilungen zum Thema"."""
    return [model for model in get_page_models() if issubclass(model, SidebarPage)]


def topic_page_choices():
    """`limit_choices_to` of a release's topic: pages of the topic page types."""
    content_types = ContentType.objects.get_for_models(*topic_page_models()).values()
    return {"content_type__in": [content_type.pk for content_type in content_types]}


def on_topic(topic):
    """Filter for releases that name `topic`, or one of its translations, as a topic."""
    from .models import PressReleaseTopic

    return Exists(
        PressReleaseTopic.objects.filter(
            release_id=OuterRef("pk"), topic__translation_key=topic.translation_key
        )
    )


class TopicPressReleases(list):
    """The releases of a sidebar panel, with the archive and topic for "Alle … zum Thema"."""

    def __init__(self, releases=(), archive=None, topic=None):
        super().__init__(releases)
        self.archive = archive
        self.topic = topic


def latest_press_releases_on_topic(page, limit=3):
    """The newest live, public releases in the page's language that name `page` as a topic.

    Two queries when there are none (view restrictions, releases), three otherwise (plus
    the archive page for the link to all of them), however many releases exist.
    """
    from .models import PressReleasePage

    # A home page (depth 2) is never a topic: topics are section and topic pages below it.
    if page.pk is None or page.depth is None or page.depth <= 2:
        return TopicPressReleases()
    home_path = page.path[: 2 * Page.steplen]
    releases = PressReleasePage.objects.filter(on_topic(page))
    return _newest(releases, page.locale_id, home_path, limit, topic=page)


def newest_press_releases(home, limit=3):
    """The newest live, public releases below a language's home page, and their archive.

    Two queries however many releases exist (view restrictions, releases), one more for
    the archive page when there are releases.
    """
    from .models import PressReleasePage

    return _newest(PressReleasePage.objects.all(), home.locale_id, home.path, limit)


def _newest(releases, locale_id, home_path, limit, topic=None):
    """The newest live, public `releases` of one language tree, and their archive."""
    from .models import PressReleaseIndexPage

    releases = list(
        releases.live()
        .exclude(private_q())
        .filter(locale_id=locale_id, path__startswith=home_path)
        .order_by("-date", "-pk")
        .defer_streamfields()[:limit]
    )
    if not releases:
        return TopicPressReleases()
    archive = (
        PressReleaseIndexPage.objects.live()
        .filter(path=releases[0].path[: -Page.steplen])
        .defer_streamfields()
        .first()
    )
    return TopicPressReleases(releases, archive=archive, topic=topic)


def topics_of_releases(releases, locale_id, private_q):
    """The live, public pages in that language that some of `releases` name as a topic."""
    from .models import PressReleaseTopic

    keys = PressReleaseTopic.objects.filter(release_id__in=releases.values("pk")).values(
        "topic__translation_key"
    )
    return list(
        Page.objects.live()
        .exclude(private_q)
        .filter(locale_id=locale_id, translation_key__in=keys)
        .order_by("title")
    )


def localized_topics(release):
    """The release's topics as live, public pages in the release's language, in order;
    kept per content generation (the page and the API show them)."""
    return _kept("release-topics", _load_localized_topics, release)


def _load_localized_topics(release):
    from .models import PressReleaseTopic

    links = PressReleaseTopic.objects.filter(release_id=release.pk)
    return list(
        Page.objects.live()
        .exclude(private_q())
        .filter(locale_id=release.locale_id)
        .filter(translation_key__in=links.values("topic__translation_key"))
        .annotate(
            link_order=Subquery(
                links.filter(topic__translation_key=OuterRef("translation_key")).values(
                    "sort_order"
                )[:1]
            )
        )
        .order_by("link_order", "path")
    )


def localized_contact_persons(release):
    """The release's live contact persons, each in the release's language where translated;
    kept per content generation.

    A person without a translation is shown as chosen: a name and a phone number are better
    than no contact at all.
    """
    return _kept("release-contacts", _load_contact_persons, release)


def _kept(name, load, release):
    """`load(release)`, kept per content generation; a release not saved yet (a preview)
    is read each time."""
    if release.pk is None:
        return load(release)
    return cached(name, partial(load, release), release.pk)


def _load_contact_persons(release):
    from .models import PressReleaseContact

    links = PressReleaseContact.objects.filter(release_id=release.pk)
    candidates = ContactPerson.objects.filter(live=True).filter(
        Q(pk__in=links.values("person_id"))
        | Q(
            locale_id=release.locale_id,
            translation_key__in=links.values("person__translation_key"),
        )
    )
    candidates = candidates.annotate(
        link_order=Subquery(
            links.filter(person__translation_key=OuterRef("translation_key")).values("sort_order")[
                :1
            ]
        )
    ).order_by("link_order")
    persons = {}
    for person in candidates:
        chosen = persons.get(person.translation_key)
        if chosen is None or person.locale_id == release.locale_id:
            persons[person.translation_key] = person
    return list(persons.values())
