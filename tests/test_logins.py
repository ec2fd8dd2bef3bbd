"""Logins: lockout and throttling (django-axes, django-ratelimit) and the second factor.

Every login is tried as a person (or an attacker) would: real POSTs to the real forms, judged
by what comes back and whether the session is logged in.
"""

import time
from datetime import timedelta

from django.contrib.auth.hashers import MD5PasswordHasher
from django.core import mail
from django.core.cache import cache
from django.core.management import CommandError, call_command
from django.test import Client
from django.utils import timezone

import pytest
from axes.models import AccessAttempt
from django_otp.oath import TOTP
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from portal.logins import twofactor
from portal.logins.ip import client_ip

PASSWORD = "a-long-test-password"  # the role_users fixture's password
ADMIN_LOGIN = "/admin/login/"
SITE_LOGIN = "/de/_util/login/"
LOGIN_FORMS = [ADMIN_LOGIN, SITE_LOGIN]


@pytest.fixture(autouse=True)
def fresh_throttles():
    """The rate limits count in the cache, which outlives each test's transaction."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def hasher_calls(monkeypatch):
    """Counts every run of the password hasher (checking or hashing a password)."""
    calls = []
    verify, encode = MD5PasswordHasher.verify, MD5PasswordHasher.encode

    def counting_verify(self, password, encoded):
        calls.append("verify")
        return verify(self, password, encoded)

    def counting_encode(self, password, salt):
        calls.append("encode")
        return encode(self, password, salt)

    monkeypatch.setattr(MD5PasswordHasher, "verify", counting_verify)
    monkeypatch.setattr(MD5PasswordHasher, "encode", counting_encode)
    return calls


def post_login(url, username, password, address="10.0.0.1", client=None, **extra):
    client = client or Client()
    response = client.post(
        url, {"username": username, "password": password}, REMOTE_ADDR=address, **extra
    )
    return client, response


def logged_in(client):
    return "_auth_user_id" in client.session


# Lockout --------------------------------------------------------------------------------------


@pytest.mark.parametrize("url", LOGIN_FORMS)
def test_wrong_passwords_lock_the_account_from_that_address(
    role_users, hasher_calls, url, settings
):
    for _attempt in range(settings.AXES_FAILURE_LIMIT - 1):
        client, response = post_login(url, "editor", "wrong-password")
        assert response.status_code == 200  # the form again, with its error
        assert not logged_in(client)
    assert hasher_calls, "a normal failed login does check the password"

    client, response = post_login(url, "editor", "wrong-password")
    assert response.status_code == 429

    hasher_calls.clear()
    client, response = post_login(url, "editor", PASSWORD)
    assert response.status_code == 429
    assert not logged_in(client)
    assert hasher_calls == [], "a locked-out login must be refused before the hasher runs"
    page = response.content.decode()
    assert "Anmeldung vorübergehend gesperrt" in page
    assert "15 Minuten" in page
    assert response["Retry-After"] == "900"


def test_lockout_page_has_the_admins_look_and_the_sites_frame(role_users, settings):
    settings.AXES_FAILURE_LIMIT = 1
    _client, admin = post_login(ADMIN_LOGIN, "editor", "wrong")
    _client, site = post_login(SITE_LOGIN, "editor", "wrong")
    assert admin.status_code == site.status_code == 429
    assert "wagtailadmin/css/core.css" in admin.content.decode()
    assert 'class="skip-link"' in site.content.decode()  # base.html's frame
    assert "wagtailadmin/css/core.css" not in site.content.decode()


def test_lockout_page_speaks_english_on_the_english_site(role_users, settings):
    settings.AXES_FAILURE_LIMIT = 1
    _client, response = post_login("/en/_util/login/", "editor", "wrong")
    assert response.status_code == 429
    assert "Login temporarily blocked" in response.content.decode()


def test_the_cool_off_ends_the_lockout(role_users, settings):
    settings.AXES_FAILURE_LIMIT = 2
    for _attempt in range(2):
        post_login(ADMIN_LOGIN, "editor", "wrong")
    _client, response = post_login(ADMIN_LOGIN, "editor", PASSWORD)
    assert response.status_code == 429

    AccessAttempt.objects.update(attempt_time=timezone.now() - timedelta(minutes=16))
    client, response = post_login(ADMIN_LOGIN, "editor", PASSWORD)
    assert response.status_code == 302
    assert logged_in(client)


@pytest.mark.parametrize(
    ("username", "address", "allowed"),
    [
        ("editor", "10.0.0.1", False),  # the locked combination
        ("editor", "10.0.0.2", True),  # the same person from another address
        ("approver", "10.0.0.1", True),  # another account from the same address
    ],
)
def test_a_lockout_holds_one_username_from_one_address(
    role_users, settings, username, address, allowed
):
    settings.AXES_FAILURE_LIMIT = 3
    for _attempt in range(3):
        post_login(ADMIN_LOGIN, "editor", "wrong", address="10.0.0.1")
    client, response = post_login(ADMIN_LOGIN, username, PASSWORD, address=address)
    assert logged_in(client) is allowed
    assert response.status_code == (302 if allowed else 429)


def test_administration_resets_a_lockout_with_axes_reset(role_users, settings):
    settings.AXES_FAILURE_LIMIT = 1
    post_login(ADMIN_LOGIN, "editor", "wrong")
    assert post_login(ADMIN_LOGIN, "editor", PASSWORD)[1].status_code == 429
    call_command("axes_reset_username", "editor")
    client, response = post_login(ADMIN_LOGIN, "editor", PASSWORD)
    assert response.status_code == 302
    assert logged_in(client)


# The client's address behind the proxy ---------------------------------------------------------


@pytest.mark.parametrize(
    ("proxies", "remote", "forwarded", "expected"),
    [
        (0, "203.0.113.5", "", "203.0.113.5"),
        (0, "203.0.113.5", "198.51.100.7", "203.0.113.5"),  # no trusted proxy: header ignored
        (1, "10.0.0.9", "198.51.100.7", "198.51.100.7"),  # the proxy's entry
        (1, "10.0.0.9", "1.2.3.4, 198.51.100.7", "198.51.100.7"),  # client-written entry ignored
        (2, "10.0.0.9", "1.2.3.4, 198.51.100.7, 10.0.0.8", "198.51.100.7"),
        (1, "10.0.0.9", "", "10.0.0.9"),  # header missing: the proxy's own address
        (2, "10.0.0.9", "198.51.100.7", "10.0.0.9"),  # fewer entries than proxies
        (1, "10.0.0.9", "not-an-address", "10.0.0.9"),
        (1, "10.0.0.9", "2001:db8::1", "2001:db8::1"),
    ],
)
def test_client_address(rf, settings, proxies, remote, forwarded, expected):
    settings.PORTAL_TRUSTED_PROXY_COUNT = proxies
    request = rf.get("/", REMOTE_ADDR=remote, HTTP_X_FORWARDED_FOR=forwarded)
    assert client_ip(request) == expected


def test_behind_the_proxy_the_lockout_keys_on_the_real_client(role_users, settings):
    settings.PORTAL_TRUSTED_PROXY_COUNT = 1
    settings.AXES_FAILURE_LIMIT = 2
    proxy = "10.0.0.254"
    for _attempt in range(2):
        post_login(
            ADMIN_LOGIN, "editor", "wrong", address=proxy, HTTP_X_FORWARDED_FOR="198.51.100.7"
        )
    # The attacker, through the proxy: locked, whatever it writes into the header itself.
    for spoofed in ("198.51.100.7", "203.0.113.9, 198.51.100.7"):
        client, response = post_login(
            ADMIN_LOGIN, "editor", PASSWORD, address=proxy, HTTP_X_FORWARDED_FOR=spoofed
        )
        assert response.status_code == 429
    # The real editor at another address, through the same proxy: not locked.
    client, response = post_login(
        ADMIN_LOGIN, "editor", PASSWORD, address=proxy, HTTP_X_FORWARDED_FOR="203.0.113.20"
    )
    assert response.status_code == 302
    assert logged_in(client)


# Rate limits: many usernames from one address, password reset --------------------------------


def test_one_address_trying_many_usernames_is_slowed_down(role_users, settings, hasher_calls):
    settings.PORTAL_LOGIN_RATE = "3/m"
    for username in ("anna", "bernd", "carla"):
        assert post_login(ADMIN_LOGIN, username, "Sommer2026!")[1].status_code == 200
    hasher_calls.clear()
    client, response = post_login(ADMIN_LOGIN, "editor", PASSWORD)
    assert response.status_code == 429
    assert not logged_in(client)
    assert hasher_calls == []
    assert "zu viele Anmeldeversuche" in response.content.decode()
    # Another address is not affected.
    assert post_login(ADMIN_LOGIN, "editor", PASSWORD, address="10.0.0.2")[1].status_code == 302


@pytest.mark.parametrize(
    ("addresses", "emails"),
    [
        (["10.0.0.1"] * 3, ["editor@example.org", "approver@example.org", "x@example.org"]),
        (["10.0.0.1", "10.0.0.2", "10.0.0.3"], ["editor@example.org"] * 3),
    ],
    ids=["one-address", "one-mailbox"],
)
def test_password_reset_requests_are_limited(role_users, settings, addresses, emails):
    settings.PORTAL_PASSWORD_RESET_RATE = "2/h"
    answers = [
        Client().post("/admin/password_reset/", {"email": email}, REMOTE_ADDR=address)
        for address, email in zip(addresses, emails, strict=True)
    ]
    assert [answer.status_code for answer in answers] == [302, 302, 429]
    sent_before_limit = len(mail.outbox)
    assert "Anmeldung vorübergehend gesperrt" in answers[-1].content.decode()
    assert len(mail.outbox) == sent_before_limit <= 2


# Second factor ---------------------------------------------------------------------------------


def totp_code(device):
    totp = TOTP(device.bin_key, device.step, device.t0, device.digits, device.drift)
    totp.time = time.time()
    return f"{totp.token():0{device.digits}d}"


def enrol(user):
    """A confirmed authenticator app and recovery codes, as the set-up page leaves them."""
    device = TOTPDevice.objects.create(user=user, name="App", confirmed=True)
    return device, twofactor.new_recovery_codes(user)


@pytest.fixture
def required(settings):
    settings.PORTAL_REQUIRE_2FA = True


@pytest.mark.parametrize(
    ("role", "require", "lands_on"),
    [
        ("approver", True, "/admin/zwei-faktor/einrichten/"),
        ("administrator", True, "/admin/zwei-faktor/einrichten/"),
        ("editor", True, None),  # optional for Redaktion
        ("translator", True, None),  # and Übersetzung
        ("approver", False, None),  # switched off (embedded default, test settings)
        ("administrator", False, None),
    ],
)
def test_who_must_set_up_a_second_factor(client, role_users, settings, role, require, lands_on):
    settings.PORTAL_REQUIRE_2FA = require
    client.force_login(role_users[role])
    response = client.get("/admin/")
    if lands_on:
        assert response.status_code == 302
        assert response["Location"].startswith(lands_on + "?next=")
        # Every admin address leads there, the API of the admin included.
        for path in ("/admin/pages/", "/admin/users/", "/admin/api/main/pages/"):
            assert client.get(path)["Location"].startswith(lands_on)
    else:
        assert response.status_code == 200


def test_superusers_must_set_up_a_second_factor_too(client, required, django_user_model):
    root = django_user_model.objects.create_superuser("root", "root@example.org", PASSWORD)
    client.force_login(root)
    assert client.get("/admin/")["Location"].startswith("/admin/zwei-faktor/einrichten/")


def test_setting_up_the_app_and_receiving_recovery_codes(client, role_users, required):
    client.force_login(role_users["approver"])
    page = client.get("/admin/zwei-faktor/einrichten/?next=/admin/pages/")
    assert page.status_code == 200
    assert "<svg" in page.content.decode()  # the QR code, drawn on the server
    assert page["Cache-Control"].startswith("no-store") or "no-store" in page["Cache-Control"]
    device = TOTPDevice.objects.get(user=role_users["approver"], confirmed=False)
    answer = client.post(
        "/admin/zwei-faktor/einrichten/", {"code": totp_code(device), "next": "/admin/pages/"}
    )
    assert answer.status_code == 200
    codes = answer.context["codes"]
    assert len(codes) == 10 and len(set(codes)) == 10
    for code in codes:
        assert code in answer.content.decode()
    assert client.get("/admin/pages/").status_code == 200


@pytest.mark.parametrize("bad_code", ["000000", "abc", "", "1" * 40, "\u202e123456"])
def test_setting_up_needs_a_right_code(client, role_users, required, bad_code):
    client.force_login(role_users["approver"])
    client.get("/admin/zwei-faktor/einrichten/")
    answer = client.post("/admin/zwei-faktor/einrichten/", {"code": bad_code})
    assert answer.status_code == 200
    assert not twofactor.has_second_factor(role_users["approver"])
    assert client.get("/admin/")["Location"].startswith("/admin/zwei-faktor/einrichten/")


def test_the_password_alone_no_longer_logs_in(role_users, required):
    enrol(role_users["approver"])
    client, response = post_login(ADMIN_LOGIN, "approver", PASSWORD)
    assert response.status_code == 302
    prompt = client.get("/admin/pages/")
    assert prompt.status_code == 302
    assert prompt["Location"].startswith("/admin/zwei-faktor/pruefen/?next=")
    assert client.get(prompt["Location"]).status_code == 200


def test_optional_second_factor_once_set_up_is_always_asked(client, role_users, settings):
    settings.PORTAL_REQUIRE_2FA = False
    device, _codes = enrol(role_users["editor"])
    client.force_login(role_users["editor"])
    assert client.get("/admin/")["Location"].startswith("/admin/zwei-faktor/pruefen/")
    answer = client.post(
        "/admin/zwei-faktor/pruefen/", {"code": totp_code(device), "next": "/admin/"}
    )
    assert answer.status_code == 302
    assert answer["Location"] == "/admin/"
    assert client.get("/admin/").status_code == 200


@pytest.mark.parametrize(
    "bad_code",
    ["000000", "12345", "1234567", "abcdefgh", "", " ", "0" * 1000, "' OR 1=1 --", "\x00"],
)
def test_wrong_codes_are_refused(client, role_users, required, bad_code):
    enrol(role_users["approver"])
    client.force_login(role_users["approver"])
    answer = client.post("/admin/zwei-faktor/pruefen/", {"code": bad_code, "next": "/admin/"})
    assert answer.status_code == 200
    assert client.get("/admin/")["Location"].startswith("/admin/zwei-faktor/pruefen/")


def test_a_recovery_code_works_once(role_users, required):
    _device, codes = enrol(role_users["approver"])
    first = Client()
    first.force_login(role_users["approver"])
    answer = first.post(
        "/admin/zwei-faktor/pruefen/", {"code": codes[0].upper(), "next": "/admin/"}
    )
    assert answer.status_code == 302
    assert first.get("/admin/").status_code == 200
    assert twofactor.remaining_recovery_codes(role_users["approver"]) == 9

    second = Client()
    second.force_login(role_users["approver"])
    second.post("/admin/zwei-faktor/pruefen/", {"code": codes[0], "next": "/admin/"})
    assert second.get("/admin/").status_code == 302


def test_repeated_wrong_codes_are_throttled(client, role_users, required):
    device, _codes = enrol(role_users["approver"])
    client.force_login(role_users["approver"])
    for _attempt in range(3):
        client.post("/admin/zwei-faktor/pruefen/", {"code": "000000"})
    # Even the right code waits out django-otp's growing delay after failures.
    client.post("/admin/zwei-faktor/pruefen/", {"code": totp_code(device)})
    assert client.get("/admin/")["Location"].startswith("/admin/zwei-faktor/pruefen/")


@pytest.mark.parametrize(
    "next_url",
    ["https://evil.example/", "//evil.example/", "/\\evil.example", "javascript:alert(1)"],
)
def test_the_code_prompt_never_leads_off_site(client, role_users, required, next_url):
    _device, codes = enrol(role_users["approver"])
    client.force_login(role_users["approver"])
    answer = client.post("/admin/zwei-faktor/pruefen/", {"code": codes[1], "next": next_url})
    assert answer.status_code == 302
    assert answer["Location"] == "/admin/"


def test_new_recovery_codes_replace_the_old_ones(client, role_users, required):
    device, old_codes = enrol(role_users["approver"])
    client.force_login(role_users["approver"])
    client.post("/admin/zwei-faktor/pruefen/", {"code": totp_code(device)})
    answer = client.post("/admin/zwei-faktor/", {"action": "codes"})
    new_codes = answer.context["codes"]
    assert set(new_codes).isdisjoint(old_codes)
    tokens = set(
        StaticDevice.objects.get(user=role_users["approver"]).token_set.values_list(
            "token", flat=True
        )
    )
    assert tokens == set(new_codes)


@pytest.mark.parametrize(("role", "may_switch_off"), [("editor", True), ("approver", False)])
def test_switching_the_second_factor_off(client, role_users, required, role, may_switch_off):
    device, _codes = enrol(role_users[role])
    client.force_login(role_users[role])
    client.post("/admin/zwei-faktor/pruefen/", {"code": totp_code(device)})
    client.post("/admin/zwei-faktor/", {"action": "remove"})
    assert twofactor.has_second_factor(role_users[role]) is not may_switch_off


def test_administration_resets_a_lost_device_in_the_admin(role_users, required):
    approver = role_users["approver"]
    enrol(approver)
    admin = Client()
    admin.force_login(role_users["administrator"])
    admin_device, _codes = enrol(role_users["administrator"])
    admin.post("/admin/zwei-faktor/pruefen/", {"code": totp_code(admin_device)})

    listing = admin.get("/admin/users/")
    assert f"/admin/zwei-faktor/zuruecksetzen/{approver.pk}/" in listing.content.decode()
    assert admin.get(f"/admin/zwei-faktor/zuruecksetzen/{approver.pk}/").status_code == 200
    answer = admin.post(f"/admin/zwei-faktor/zuruecksetzen/{approver.pk}/")
    assert answer.status_code == 302
    assert not twofactor.has_second_factor(approver)
    assert not StaticDevice.objects.filter(user=approver).exists()

    # The approver logs in with the password and is led to set up a new app.
    client, _response = post_login(ADMIN_LOGIN, "approver", PASSWORD)
    assert client.get("/admin/")["Location"].startswith("/admin/zwei-faktor/einrichten/")


@pytest.mark.parametrize("role", ["editor", "approver", "translator"])
def test_only_administration_resets_another_accounts_second_factor(client, role_users, role):
    target = role_users["second_approver"]
    enrol(target)
    client.force_login(role_users[role])
    for method in (client.get, client.post):
        # Wagtail's admin answers a refusal with its dashboard and a message.
        answer = method(f"/admin/zwei-faktor/zuruecksetzen/{target.pk}/")
        assert answer.status_code == 302
        assert answer["Location"] == "/admin/"
    assert twofactor.has_second_factor(target)
    assert "zuruecksetzen" not in client.get("/admin/users/").content.decode()


def test_reset_2fa_command(role_users, required):
    enrol(role_users["approver"])
    call_command("reset_2fa", "approver")
    assert not twofactor.has_second_factor(role_users["approver"])
    assert not StaticDevice.objects.filter(user=role_users["approver"]).exists()


def test_reset_2fa_command_changes_nothing_when_an_account_is_unknown(role_users):
    enrol(role_users["approver"])
    with pytest.raises(CommandError, match="No such account: nobody"):
        call_command("reset_2fa", "approver", "nobody")
    assert twofactor.has_second_factor(role_users["approver"])


def test_a_password_reset_does_not_skip_the_second_factor(role_users, required):
    enrol(role_users["approver"])
    Client().post("/admin/password_reset/", {"email": "approver@example.org"})
    link = next(
        line for line in mail.outbox[-1].body.splitlines() if "/password_reset/confirm/" in line
    )
    path = link[link.index("/admin/") :].strip()
    client = Client()
    form = client.get(path, follow=True)
    new_password = "ein-ganz-neues-Passwort-2026"
    client.post(
        form.redirect_chain[-1][0], {"new_password1": new_password, "new_password2": new_password}
    )
    client, response = post_login(ADMIN_LOGIN, "approver", new_password)
    assert response.status_code == 302
    assert client.get("/admin/")["Location"].startswith("/admin/zwei-faktor/pruefen/")


@pytest.mark.parametrize(
    ("role", "enrolled", "reads_with_password_only"),
    [
        ("approver", True, False),  # must use it: the password alone opens nothing private
        ("editor", True, False),  # set up voluntarily: asked for too
        ("editor", False, True),  # optional and not set up: the password suffices
    ],
)
def test_private_pages_need_the_second_factor_too(
    seeded, role_users, required, role, enrolled, reads_with_password_only
):
    from wagtail.models import Page, PageViewRestriction

    page = Page.objects.get(url_path="/home/impressum/")
    PageViewRestriction.objects.create(page=page, restriction_type=PageViewRestriction.LOGIN)
    url = "/de/impressum/"
    if enrolled:
        _device, codes = enrol(role_users[role])
    client, _response = post_login(SITE_LOGIN, role, PASSWORD)
    response = client.get(url)
    if reads_with_password_only:
        assert response.status_code == 200
        return
    assert response.status_code == 302
    login = client.get(response["Location"])
    assert login.status_code == 302
    assert login["Location"].startswith("/admin/zwei-faktor/pruefen/?next=")
    verified = client.post(login["Location"], {"code": codes[0]})
    assert verified["Location"] == url
    assert client.get(url).status_code == 200
