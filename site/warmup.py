"""Work a server process does once when it starts instead of in its first requests.

Django compiles a template, builds the URL resolver and loads a language's catalogue the
first time a request needs them, which made the first page after a deploy several times
slower than the next. gunicorn (`--preload`, as the stack and `make bench` run it) loads the
application once and forks its workers from it, so what is done here is done once for all
of them. No database or cache connection is opened: those must not cross the fork.
"""

from pathlib import Path

from django.apps import apps
from django.conf import settings
from django.template import engines
from django.urls import reverse
from django.utils import translation

from portal import content_cache

PORTAL_APPS = ("portal", "home", "press", "partners", "downloads", "search")


def warm_up():
    for language, _name in settings.LANGUAGES:
        with translation.override(language):
            translation.gettext("Startseite")  # loads the language's catalogues
            reverse("wagtail_serve", args=[""])  # builds the URL resolver's tables
    engine = engines["django"]
    for name in portal_template_names():
        engine.get_template(name)
    content_cache.code_version()


def portal_template_names():
    """The templates of the portal's own apps (the public site; the admin's are Wagtail's)."""
    for label in PORTAL_APPS:
        folder = Path(apps.get_app_config(label).path) / "templates"
        for path in sorted(folder.rglob("*.html")):
            yield path.relative_to(folder).as_posix()
