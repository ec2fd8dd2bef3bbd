"""Abuse of the public forms behind the TLS proxy, and mails that never hold a transaction.

- The rate limit keys on the visitor's address from the trusted proxies' X-Forwarded-For
  (`PORTAL_TRUSTED_PROXY_COUNT`), not on the proxy: one visitor cannot block "Kontakt" for
  everyone, and a header forged from outside changes nothing.
- The honeypot's fill-in time is signed: a forged, altered or missing one is a bot.
- Bodies beyond `DATA_UPLOAD_MAX_MEMORY_SIZE` are refused before parsing; uploads still work.
- Form, workflow and control mails go out after the commit, retried a bounded number of
  times and logged when they fail.
"""

import os
import re
import smtplib
import time
from types import SimpleNamespace

from django.core import mail, signing
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.mail.backends import locmem
from django.test import override_settings
from django.urls import reverse

from wagtail.contrib.forms.models import FormSubmission
from wagtail.models import Collection

import pytest
from fpdf import FPDF
from PIL import Image

from downloads.models import PortalDocument
from portal import form_honeypot
from tests.helpers import edit_url, honeypot_fields, submit, topic_form, topic_page, workflow_action

VALID = {
    "name": "Erika Mustermann",
    "e_mail_adresse": "erika@example.org",
    "nachricht": "Wie wird meine Organisation Partner?",
    "ich_habe_den_datenschutzhinweis_gelesen": "on",
}
PROXY = "10.0.0.2"
THANKS = "Vielen Dank"


def post(client, page, remote=PROXY, forwarded=None, fields=None):
    meta = {"REMOTE_ADDR": remote}
    if forwarded is not None:
        meta["HTTP_X_FORWARDED_FOR"] = forwarded
    data = {**VALID, **honeypot_fields()} if fields is None else fields
    return client.post(page.url, data, **meta)


# (trusted proxies, first request's (REMOTE_ADDR, X-Forwarded-For), the second's, whether the
# second is limited at one submission per day)
CLIENTS = [
    pytest.param(0, ("198.51.100.1", None), ("198.51.100.2", None), False, id="direct-two-clients"),
    pytest.param(0, (PROXY, "203.0.113.1"), (PROXY, "203.0.113.2"), True, id="untrusted-header"),
    pytest.param(1, (PROXY, "203.0.113.1"), (PROXY, "203.0.113.2"), False, id="proxy-two-visitors"),
    pytest.param(1, (PROXY, "203.0.113.1"), (PROXY, "203.0.113.1"), True, id="proxy-one-visitor"),
    pytest.param(
        1, (PROXY, "6.6.6.6, 203.0.113.1"), (PROXY, "7.7.7.7, 203.0.113.1"), True, id="spoofed-left"
    ),
    pytest.param(
        2,
        ("10.0.0.3", "6.6.6.6, 203.0.113.1, 192.0.2.10"),
        ("10.0.0.3", "203.0.113.1, 192.0.2.11"),
        True,
        id="two-proxies-same-visitor",
    ),
    pytest.param(
        2,
        ("10.0.0.3", "203.0.113.1, 192.0.2.10"),
        ("10.0.0.3", "203.0.113.2, 192.0.2.10"),
        False,
        id="two-proxies-two-visitors",
    ),
    pytest.param(1, (PROXY, None), (PROXY, None), True, id="no-header-is-the-proxy"),
    pytest.param(1, (PROXY, "kein-ip"), (PROXY, "<script>, "), True, id="garbage-is-the-proxy"),
    pytest.param(3, (PROXY, "203.0.113.1"), (PROXY, "203.0.113.2"), True, id="header-too-short"),
    pytest.param(1, (PROXY, "2001:db8::1"), (PROXY, "2001:db8::2"), True, id="ipv6-same-64"),
    pytest.param(1, (PROXY, "2001:db8:0:1::1"), (PROXY, "2001:db8:0:2::1"), False, id="ipv6-other"),
]


@pytest.mark.parametrize(("proxies", "first", "second", "limited"), CLIENTS)
def test_the_rate_limit_keys_on_the_client_behind_the_trusted_proxies(
    client, contact_page, proxies, first, second, limited
):
    with override_settings(PORTAL_TRUSTED_PROXY_COUNT=proxies, PORTAL_FORM_RATE="1/d"):
        assert post(client, contact_page, *first).status_code == 200
        response = post(client, contact_page, *second)
    assert response.status_code == (429 if limited else 200)
    assert FormSubmission.objects.count() == (1 if limited else 2)


@override_settings(PORTAL_TRUSTED_PROXY_COUNT=1, PORTAL_FORM_RATE="2/d")
def test_one_flooding_visitor_does_not_block_the_form_for_everyone(client, contact_page):
    flood = [post(client, contact_page, forwarded="203.0.113.66").status_code for _ in range(4)]
    assert flood == [200, 200, 429, 429]
    assert post(client, contact_page, forwarded="203.0.113.7").status_code == 200
    assert FormSubmission.objects.count() == 3


def shown_time(client, page):
    """The signed time in the form as a browser receives it."""
    html = client.get(page.url).content.decode()
    return re.search(r'name="whf_time"[^>]*value="([^"]+)"', html)[1]


def test_a_person_who_takes_their_time_is_stored_a_bot_that_hurries_is_not(
    client, contact_page, monkeypatch
):
    token = shown_time(client, contact_page)
    response = post(client, contact_page, fields={**VALID, "whf_name": "", "whf_time": token})
    assert THANKS in response.content.decode()
    assert not FormSubmission.objects.exists()  # at once: a bot

    later = time.time() + 10
    monkeypatch.setattr(form_honeypot, "time", SimpleNamespace(time=lambda: later))
    post(client, contact_page, fields={**VALID, "whf_name": "", "whf_time": token})
    assert FormSubmission.objects.count() == 1


def altered(signature):
    return signature[:-1] + ("A" if signature[-1] != "A" else "B")


def forged_times():
    now = int(time.time())
    valid = signing.dumps(now - 60, salt=form_honeypot.SALT)
    payload, timestamp, signature = valid.split(":")
    older_payload = signing.dumps(now - 3600, salt=form_honeypot.SALT).split(":")[0]
    return {
        "plain-number": str(now - 10),
        "plain-number-future": str(now + 10),
        "empty": "",
        "other-salt": signing.dumps(now - 60, salt="other"),
        "altered-signature": f"{payload}:{timestamp}:{altered(signature)}",
        "swapped-payload": f"{older_payload}:{timestamp}:{signature}",
        "signed-future": signing.dumps(now + 3600, salt=form_honeypot.SALT),
        "signed-text": signing.dumps("vor einer Stunde", salt=form_honeypot.SALT),
        "signed-bool": signing.dumps(True, salt=form_honeypot.SALT),
        "nul": f"{valid}\x00",
        "long": "A" * 10_000,
    }


@pytest.mark.parametrize("kind", list(forged_times()) + ["missing"])
def test_a_forged_or_missing_fill_in_time_is_a_bot(
    client, contact_page, kind, django_capture_on_commit_callbacks
):
    fields = {**VALID, "whf_name": ""}
    if kind != "missing":
        fields["whf_time"] = forged_times()[kind]
    with django_capture_on_commit_callbacks(execute=True):
        response = post(client, contact_page, fields=fields)
    assert response.status_code == 200
    assert THANKS in response.content.decode()
    assert not FormSubmission.objects.exists()
    assert not mail.outbox


@pytest.mark.parametrize("encoding", ["urlencoded", "multipart"])
def test_an_oversized_body_is_refused_before_it_is_stored(client, contact_page, encoding, settings):
    fields = {
        **VALID,
        **honeypot_fields(),
        "nachricht": "x" * (settings.DATA_UPLOAD_MAX_MEMORY_SIZE + 1),
    }
    if encoding == "urlencoded":
        from urllib.parse import urlencode

        response = client.post(
            contact_page.url, urlencode(fields), content_type="application/x-www-form-urlencoded"
        )
    else:
        response = client.post(contact_page.url, fields)
    assert response.status_code == 400
    assert not FormSubmission.objects.exists()
    assert not mail.outbox


def large_pdf():
    """A real PDF of about 3 MB: more than a form body may be, less than a document may be."""
    pdf = FPDF()
    pdf.add_page()
    pdf.image(Image.frombytes("RGB", (1000, 1000), os.urandom(3_000_000)), x=10, y=10, w=100)
    return bytes(pdf.output())


def test_uploads_larger_than_the_body_cap_still_work(client, role_users, settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    content = large_pdf()
    assert len(content) > settings.DATA_UPLOAD_MAX_MEMORY_SIZE
    client.force_login(role_users["administrator"])
    response = client.post(
        reverse("wagtaildocs:add"),
        {
            "title": "Großer Bericht",
            "file": SimpleUploadedFile("bericht.pdf", content),
            "language": "de",
            "collection": Collection.get_first_root_node().pk,
        },
    )
    assert response.status_code == 302
    assert PortalDocument.objects.get(title="Großer Bericht").file.size == len(content)


class FlakyMailBackend(locmem.EmailBackend):
    """A mail server that fails `failures` times, then delivers into `mail.outbox`."""

    failures = 0

    def send_messages(self, messages):
        if FlakyMailBackend.failures > 0:
            FlakyMailBackend.failures -= 1
            raise smtplib.SMTPServerDisconnected("Verbindung verloren")
        return super().send_messages(messages)


# (failures of the server, mails delivered, attempts logged as failed, failures left unused)
SERVERS = [
    pytest.param(0, 1, 0, 0, id="healthy"),
    pytest.param(2, 1, 2, 0, id="recovers"),
    pytest.param(3, 0, 3, 0, id="down"),
    pytest.param(9, 0, 3, 6, id="bounded"),
]


@pytest.fixture
def flaky_server(settings):
    settings.EMAIL_BACKEND = "tests.test_forms_abuse.FlakyMailBackend"
    settings.PORTAL_MAIL_ATTEMPTS = 3

    def fail(times):
        FlakyMailBackend.failures = times

    yield fail
    FlakyMailBackend.failures = 0


def failed_attempts(caplog):
    return [r for r in caplog.records if "could not be sent (attempt" in r.getMessage()]


@pytest.mark.parametrize(("failures", "delivered", "logged", "left"), SERVERS)
def test_form_mail_is_retried_and_logged_and_the_submission_kept(
    client,
    contact_page,
    flaky_server,
    caplog,
    django_capture_on_commit_callbacks,
    failures,
    delivered,
    logged,
    left,
):
    flaky_server(failures)
    with django_capture_on_commit_callbacks(execute=True):
        response = post(client, contact_page)
    assert THANKS in response.content.decode()
    assert FormSubmission.objects.count() == 1
    assert len(mail.outbox) == delivered
    assert len(failed_attempts(caplog)) == logged
    assert all(record.exc_info for record in failed_attempts(caplog))
    assert FlakyMailBackend.failures == left


@pytest.mark.parametrize(("failures", "delivered", "logged", "left"), SERVERS)
def test_approval_mail_goes_out_after_the_commit_retried(
    client,
    seeded,
    role_users,
    flaky_server,
    caplog,
    django_capture_on_commit_callbacks,
    failures,
    delivered,
    logged,
    left,
):
    page = topic_page()
    client.force_login(role_users["editor"])
    with django_capture_on_commit_callbacks(execute=True):
        submit(client, page, "Der neue Vorspann.")
    mail.outbox.clear()
    caplog.clear()
    flaky_server(failures)

    client.force_login(role_users["approver"])
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        response = workflow_action(client, page, "approve")
        assert not mail.outbox  # nothing is sent inside the approval's transaction
    assert response.status_code < 400
    assert page.specific_class.objects.get(pk=page.pk).lead == "Der neue Vorspann."
    for callback in callbacks:
        callback()
    assert [message.to for message in mail.outbox] == [["editor@example.org"]] * delivered
    assert len(failed_attempts(caplog)) == logged
    assert FlakyMailBackend.failures == left


def test_submission_mails_wait_for_the_commit(
    client, seeded, role_users, django_capture_on_commit_callbacks
):
    page = topic_page()
    client.force_login(role_users["editor"])
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        submit(client, page, "Der neue Vorspann.")
        assert not mail.outbox
    for callback in callbacks:
        callback()
    recipients = {address for message in mail.outbox for address in message.to}
    assert {"approver@example.org", "second_approver@example.org"} <= recipients
    assert all(
        message.extra_headers["Auto-Submitted"] == "auto-generated" for message in mail.outbox
    )


@pytest.mark.parametrize(("failures", "delivered", "logged", "left"), SERVERS)
def test_the_control_mail_is_never_lost_silently(
    client,
    seeded,
    role_users,
    flaky_server,
    caplog,
    django_capture_on_commit_callbacks,
    failures,
    delivered,
    logged,
    left,
):
    """ "Ohne Freigabe veröffentlicht" used to be sent with fail_silently=True."""
    page = topic_page()
    flaky_server(failures)
    client.force_login(role_users["administrator"])
    with django_capture_on_commit_callbacks(execute=True):
        client.post(edit_url(page), {**topic_form(page, "Eilig."), "action-publish": "on"})
    control = [m for m in mail.outbox if m.subject.startswith("Ohne Freigabe veröffentlicht")]
    assert len(control) == delivered
    assert len(failed_attempts(caplog)) == logged
    assert FlakyMailBackend.failures == left
