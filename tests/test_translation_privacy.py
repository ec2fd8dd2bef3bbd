"""A private German page's English translation is private too (site and API), whoever
changes the restriction and whichever path saves the translation."""

from wagtail.models import PageViewRestriction
from wagtail_localize.models import Translation

import pytest

from home.models import TopicPage
from portal.translation.review import save_translation_draft

pytestmark = pytest.mark.django_db


@pytest.fixture
def topics(seeded):
    german = TopicPage.objects.get(locale__language_code="de", slug="interkulturelle-oeffnung")
    return german, german.get_translation(seeded["en"].locale).specific


def visitor_sees(client, page):
    """What an anonymous visitor gets for the page: on the site and from the API."""
    client.logout()
    site = client.get(page.url).status_code
    api = client.get(f"/api/v3/pages/{page.pk}/").status_code
    return site, api


def test_restricting_the_german_page_makes_its_translation_private(client, topics):
    german, english = topics
    assert visitor_sees(client, english) == (200, 200)

    PageViewRestriction.objects.create(page=german, restriction_type=PageViewRestriction.LOGIN)

    assert english.get_view_restrictions().filter(restriction_type="login").exists()
    site, api = visitor_sees(client, english)
    assert site == 302 and api == 404


def test_lifting_the_german_restriction_makes_the_translation_public_again(client, topics):
    german, english = topics
    restriction = PageViewRestriction.objects.create(
        page=german, restriction_type=PageViewRestriction.LOGIN
    )
    assert visitor_sees(client, english)[0] == 302

    restriction.delete()

    assert not english.get_view_restrictions().exists()
    assert visitor_sees(client, english) == (200, 200)


def test_a_translators_draft_restores_the_restriction_of_the_german_page(
    client, role_users, topics
):
    german, english = topics
    PageViewRestriction.objects.create(page=german, restriction_type=PageViewRestriction.LOGIN)
    # Lifted on the English page alone (say, by mistake in the admin).
    english.view_restrictions.all().delete()
    assert visitor_sees(client, english) == (200, 200)

    translation = Translation.objects.get(
        source__object_id=german.translation_key, target_locale=english.locale
    )
    save_translation_draft(translation, role_users["translator"])

    site, api = visitor_sees(client, english)
    assert site == 302 and api == 404


def test_group_restrictions_follow_to_the_translation(topics, role_users):
    from django.contrib.auth.models import Group

    german, english = topics
    restriction = PageViewRestriction.objects.create(
        page=german, restriction_type=PageViewRestriction.GROUPS
    )
    restriction.groups.add(Group.objects.get(name="Redaktion"))

    copied = english.view_restrictions.get()
    assert copied.restriction_type == PageViewRestriction.GROUPS
    assert list(copied.groups.values_list("name", flat=True)) == ["Redaktion"]
