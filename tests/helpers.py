"""Plain helpers shared by the test modules (no tests, no fixtures: those are in conftest.py).

- editorial: admin URLs, the page editor's form data, workflow actions, a second editor;
- API: tokens and users with chosen permissions;
- forms: wagtail-honeypot's fields, a mail backend that fails;
- browser: accounts made before Chromium starts, the admin login;
- processes: `manage` runs manage.py in a subprocess with production-like settings;
- shared constants (addresses of seeded pages, odd search queries).

Objects (pages, snippets, documents) are built by tests/factories.py.
"""

import os
import subprocess
import sys
import time
from pathlib import Path

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group, Permission
from django.core import signing
from django.core.cache import cache
from django.urls import reverse

from wagtail.models import APIToken, GroupPagePermission, Page, Site
from wagtail.test.utils.form_data import nested_form_data, rich_text, streamfield

from home.models import SectionPage
from portal.form_honeypot import SALT
from tests.factories import TopicPageFactory

ROOT = Path(__file__).resolve().parent.parent

# Editorial -----------------------------------------------------------------------------------

TOPIC_SLUG = "arbeitsmarkt-im-blick"


def section_de():
    return SectionPage.objects.get(locale__language_code="de")


def topic_page(**kwargs):
    """A live German topic page under "Integration und Arbeit"."""
    defaults = {"title": "Arbeitsmarkt im Blick", "slug": TOPIC_SLUG, "lead": "Der alte Vorspann."}
    page = TopicPageFactory(parent=section_de(), **{**defaults, **kwargs})
    page.save_revision().publish()
    return Page.objects.get(pk=page.pk).specific


def draft_by(user, slug="entwurf-zum-loeschen"):
    """A never-published topic page created and saved by `user` only."""
    page = TopicPageFactory(parent=section_de(), title="Entwurf", slug=slug, live=False)
    page.owner = user
    page.save()
    page.save_revision(user=user)
    return Page.objects.get(pk=page.pk).specific


def topic_form(page, lead, **extra):
    """What the page editor posts for a topic page, with a new lead."""
    return nested_form_data(
        {
            "title": page.title,
            "slug": page.slug,
            "lead": lead,
            "body": streamfield([("paragraph", rich_text("<p>Text</p>"))]),
            "sidebar": streamfield([]),
            **extra,
        }
    )


def edit_url(page):
    return reverse("wagtailadmin_pages:edit", args=[page.pk])


def convert_url(page):
    """wagtail-localize's "convert to alias" for a translated page."""
    return reverse("wagtail_localize:convert_to_alias", args=[page.pk])


def submit(client, page, lead):
    """The editor's "Zur Freigabe einreichen" in the page editor."""
    return client.post(edit_url(page), {**topic_form(page, lead), "action-submit": "on"})


def workflow_action(client, obj, action, comment=""):
    """Approve or reject the running approval task, as the moderation dialog does."""
    task_state = obj.current_workflow_task_state
    if isinstance(obj, Page):
        url = reverse("wagtailadmin_pages:workflow_action", args=[obj.pk, action, task_state.pk])
    else:
        url = reverse(
            f"wagtailsnippets_{obj._meta.app_label}_{obj._meta.model_name}:workflow_action",
            args=[obj.pk, action, task_state.pk],
        )
    return client.post(url, {"comment": comment})


def second_editor():
    """Another member of Redaktion, next to `role_users["editor"]`."""
    from portal.editorial.roles import EDITORS

    user = get_user_model().objects.create_user(
        "zweite_redaktion", "zweite@example.org", "a-long-test-password"
    )
    user.groups.add(Group.objects.get(name=EDITORS))
    return user


# What the snippet editor posts for a partner.
PARTNER_FORM = {
    "name": "Neuer Partner e.V.",
    "kind": "verband",
    "place": "Köln",
    "website": "https://example.org/",
    "logo": "",
    "joined_on": "",
    "measures": rich_text("<p>Fortbildungen</p>"),
    "time_frame": "",
}


def partner_url(name, *args):
    return reverse(f"wagtailsnippets_partners_partner:{name}", args=args)


def partner_form(**changes):
    return nested_form_data({**PARTNER_FORM, **changes})


# API -----------------------------------------------------------------------------------------


def bearer(user):
    """The Authorization header (as test-client keyword) of a new API token of `user`."""
    _token, plaintext = APIToken.create_token(user=user, name="test")
    return {"HTTP_AUTHORIZATION": f"Bearer {plaintext}"}


def token_for(user):
    """A new API token of `user`, as the front end would hold it."""
    _token, plaintext = APIToken.create_token(user=user, name=f"{user.username} front end")
    return plaintext


def user_with(django_user_model, name, page_permissions=(), homes=(), model_permissions=()):
    """A user in a group of its own with page permissions on the given home pages."""
    user = django_user_model.objects.create_user(username=name, password="x" * 16)
    group = Group.objects.create(name=f"API-Test {name}")
    for codename in page_permissions:
        permission = Permission.objects.get(
            content_type__app_label="wagtailcore", codename=codename
        )
        for home in homes:
            GroupPagePermission.objects.create(group=group, page=home, permission=permission)
    for label in model_permissions:
        app_label, codename = label.split(".")
        group.permissions.add(
            Permission.objects.get(content_type__app_label=app_label, codename=codename)
        )
    user.groups.add(group)
    return user


# Forms ---------------------------------------------------------------------------------------


def honeypot_fields(honeypot="", seconds_ago=10):
    """wagtail-honeypot's fields as the form renders them `seconds_ago` (the time signed)."""
    shown = signing.dumps(int(time.time()) - seconds_ago, salt=SALT)
    return {"whf_name": honeypot, "whf_time": shown}


def form_recipient(address):
    """The site settings' recipient of form submissions; the forms' rate limit starts afresh."""
    from portal.models import PortalSettings

    cache.clear()  # the rate limit counts in the cache
    settings = PortalSettings.for_site(Site.objects.get(is_default_site=True))
    settings.form_recipient_email = address
    settings.save()
    return address


class BrokenMailBackend:
    """A mail backend whose server is down (settings.EMAIL_BACKEND = "tests.helpers.…")."""

    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        raise ConnectionRefusedError("SMTP server down")


# Processes -----------------------------------------------------------------------------------

PRODUCTION_ENV = {
    "DJANGO_SETTINGS_MODULE": "portal.settings.production",
    "DJANGO_SECRET_KEY": "x7#kQ2!vR9@pL4$wM8^nB3&cZ6*hJ1(fT5)gY0-dS2+aE7=uI4",
    "DATABASE_URL": "postgres://portal@127.0.0.1:5432/portal",
    "ALLOWED_HOSTS": "www.chancen.nrw",
    "CSRF_TRUSTED_ORIGINS": "https://www.chancen.nrw",
    "REDIS_URL": "redis://127.0.0.1:6379/0",
}


def manage(*args, **env):
    """`manage.py *args` in a subprocess, with `env` instead of the production variables."""
    clean_env = {key: value for key, value in os.environ.items() if key not in PRODUCTION_ENV}
    return subprocess.run(  # noqa: S603 – fixed command line
        [sys.executable, "manage.py", *args],
        cwd=ROOT,
        env={**clean_env, **env},
        capture_output=True,
        text=True,
        timeout=120,
        check=False,
    )


# Browser (the fixtures `chromium`, `site` and `page` are in conftest.py) ---------------------

PASSWORD = "ein-langes-test-passwort"


def create_accounts(**groups_by_username):
    """Accounts in the editorial groups; made before the browser starts (see `page`)."""
    for username, group in groups_by_username.items():
        user = get_user_model().objects.create_user(username, f"{username}@example.org", PASSWORD)
        user.groups.add(Group.objects.get(name=group))


def log_in(page, site, username):
    """Log in to the admin in German in the Chromium `page` (`site` is the server's address)."""
    from playwright.sync_api import expect

    page.context.clear_cookies()
    page.set_extra_http_headers({"Accept-Language": "de-DE,de"})
    page.goto(site + "/admin/login/")
    page.fill('input[name="username"]', username)
    page.fill('input[name="password"]', PASSWORD)
    page.locator('form button[type="submit"]').click()
    expect(page).to_have_url(site + "/admin/")


# Addresses and inputs ------------------------------------------------------------------------

PARTNERS_DE = "/de/integration-und-arbeit/interkulturelle-oeffnung/wir-sind-partner/"
PARTNERS_EN = "/en/integration-and-work/intercultural-opening/we-are-partners/"
PARTNER_FORM_EN = PARTNERS_EN + "become-a-partner/"

# Query syntax that breaks naive full-text search (reliability notes T16), for the page and the API.
ODD_QUERIES = [
    "",
    " ",
    '"',
    '"abc',
    "' OR 1=1 --",
    "*",
    "(",
    "NEAR(",
    "AND OR NOT",
    "😀",
    "שלום مرحبا",
    "-Partner",
    "Partner*",
    "%_",
]
