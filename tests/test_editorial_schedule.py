"""Scheduled go-live and expiry happen without a person, and only for approved content."""

import datetime
from io import StringIO

from django.core.cache import cache
from django.core.management import call_command
from django.utils import timezone

from wagtail.models import Page, PageLogEntry

import pytest

from portal.management.commands import run_scheduler
from tests.factories import TopicPageFactory
from tests.helpers import section_de

pytestmark = pytest.mark.django_db


def scheduled_page(go_live_at, approved=True):
    """A draft topic page whose revision is set to go live at `go_live_at`.

    Approved means the revision carries `approved_go_live_at`, which only a publish (that is,
    an approval) sets; an editor's own date on an unapproved draft is just a wish.
    """
    page = TopicPageFactory(parent=section_de(), title="Geplante Seite", slug="geplant", live=False)
    page.go_live_at = go_live_at
    revision = page.save_revision()
    if approved:
        revision.approved_go_live_at = go_live_at
        revision.save(update_fields=["approved_go_live_at"])
    return page


def run_once():
    output = StringIO()
    call_command("run_scheduler", once=True, stdout=output)
    return output.getvalue()


def is_live(page):
    return Page.objects.get(pk=page.pk).live


def test_page_scheduled_in_the_past_minute_goes_live_on_the_next_run(seeded, client):
    page = scheduled_page(timezone.now() - datetime.timedelta(seconds=30))
    assert client.get(page.get_url()).status_code == 404

    run_once()

    assert is_live(page)
    assert client.get(page.get_url()).status_code == 200
    assert PageLogEntry.objects.filter(page=page, action="wagtail.publish.scheduled").count() == 1


def test_page_scheduled_for_later_waits(seeded):
    page = scheduled_page(timezone.now() + datetime.timedelta(hours=1))
    run_once()
    assert not is_live(page)


def test_an_unapproved_go_live_date_publishes_nothing(seeded, client):
    page = scheduled_page(timezone.now() - datetime.timedelta(minutes=5), approved=False)
    run_once()
    assert not is_live(page)
    assert client.get(page.get_url()).status_code == 404


def test_expired_page_is_taken_offline(seeded, client):
    page = TopicPageFactory(parent=section_de(), title="Befristet", slug="befristet")
    page.expire_at = timezone.now() - datetime.timedelta(seconds=10)
    page.save_revision().publish()
    assert client.get(page.get_url()).status_code == 200

    run_once()

    page.refresh_from_db()
    assert not page.live and page.expired
    assert client.get(page.get_url()).status_code == 404


def test_overlapping_runs_publish_once(seeded):
    page = scheduled_page(timezone.now() - datetime.timedelta(seconds=5))
    cache.add(run_scheduler.LOCK_KEY, "busy")
    try:
        assert "skipping" in run_once()
        assert not is_live(page)
    finally:
        cache.delete(run_scheduler.LOCK_KEY)

    run_once()
    run_once()

    assert is_live(page)
    publishes = PageLogEntry.objects.filter(page=page, action="wagtail.publish.scheduled")
    assert publishes.count() == 1


def test_the_scheduler_loop_runs_until_stopped(seeded, monkeypatch):
    """`make run` starts the loop; it publishes on each turn and ends on SIGTERM."""
    page = scheduled_page(timezone.now() - datetime.timedelta(seconds=5))

    def stop_after_first_turn(command, seconds):
        command.stop(None, None)

    monkeypatch.setattr(run_scheduler.Command, "sleep", stop_after_first_turn)
    monkeypatch.setattr(run_scheduler.signal, "signal", lambda *args: None)
    output = StringIO()
    call_command("run_scheduler", interval=30, stdout=output)

    assert is_live(page)
    assert "every 30 s" in output.getvalue()


def test_scheduler_turns_within_a_minute(settings):
    assert 0 < settings.PORTAL_SCHEDULER_INTERVAL <= 60


def test_scheduled_content_goes_live_while_the_cache_is_unreachable(seeded, monkeypatch):
    """django-redis answers None while Redis is down: the database's lock takes over."""
    page = scheduled_page(timezone.now() - datetime.timedelta(seconds=5))
    monkeypatch.setattr(run_scheduler.cache, "add", lambda *args, **kwargs: None)

    assert "skipping" not in run_once()

    assert is_live(page)
