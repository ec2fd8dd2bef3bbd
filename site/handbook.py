"""The editors' handbook inside the admin: "Hilfe" → "Handbuch für die Redaktion".

The handbook is Markdown in the repository (docs/handbuch/README.md, screenshots in
docs/handbuch/bilder/, made by the role journeys: `make handbook`). Editors read it here,
logged in to the admin, without GitHub: the Markdown is rendered with markdown-it-py
(CommonMark; raw HTML in it is escaped, not passed through), headings get the ids GitHub
gives them, so a link like `#zeitplan` works in both places. Pictures are served from the
handbook's own folder only, by a name that cannot leave it.

Wagtail's help menu links to Wagtail's English guide and release notes on the internet;
here it leads to the handbook first and keeps the keyboard shortcuts. The dashboard's
account summary (template override) links the handbook instead of Wagtail's guide.
"""

import re
from functools import lru_cache
from pathlib import Path

from django.conf import settings
from django.http import FileResponse, Http404
from django.template.response import TemplateResponse
from django.urls import path, re_path, reverse
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.menu import MenuItem

from markdown_it import MarkdownIt

TITLE = _("Handbuch für die Redaktion")
INDEX = "README.md"
PICTURES = "bilder"
PICTURE_NAME = r"[a-z0-9][a-z0-9-]*\.png"
WAGTAIL_HELP_ITEMS = ("editor-guide", "whats-new-in-wagtail-")


def folder():
    return Path(settings.PORTAL_HANDBOOK_DIR)


def anchor(text):
    """The id GitHub gives a heading: lower case, punctuation dropped, spaces as hyphens."""
    return re.sub(r"[^\w\- ]", "", text.strip().lower()).replace(" ", "-")


def _heading_ids(state):
    tokens = state.tokens
    for index, token in enumerate(tokens):
        if token.type == "heading_open":
            token.attrSet("id", anchor(tokens[index + 1].content))


@lru_cache(maxsize=1)
def _markdown():
    renderer = MarkdownIt("commonmark", {"html": False, "typographer": False}).enable("table")
    renderer.core.ruler.push("heading_ids", _heading_ids)
    return renderer


def render(text):
    """The handbook's Markdown as HTML (raw HTML in the text is shown, not interpreted)."""
    return _markdown().render(text)


def handbook_view(request):
    source = folder() / INDEX
    if not source.is_file():
        raise Http404("Das Handbuch fehlt in dieser Installation.")
    # Safe: markdown-it escapes any raw HTML in the text ("html": False).
    html = mark_safe(render(source.read_text(encoding="utf-8")))  # noqa: S308
    return TemplateResponse(request, "portal/handbook.html", {"title": TITLE, "handbook": html})


def picture_view(request, name):
    """A screenshot of the handbook; the URL pattern admits plain file names only."""
    picture = folder() / PICTURES / name
    if not picture.is_file():
        raise Http404
    return FileResponse(picture.open("rb"), content_type="image/png")


@hooks.register("register_admin_urls")
def register_handbook_urls():
    return [
        path("handbuch/", handbook_view, name="portal_handbook"),
        re_path(
            rf"^handbuch/{PICTURES}/(?P<name>{PICTURE_NAME})$",
            picture_view,
            name="portal_handbook_picture",
        ),
    ]


@hooks.register("register_help_menu_item")
def register_handbook_menu_item():
    return MenuItem(TITLE, reverse("portal_handbook"), name="handbuch", icon_name="help", order=10)


@hooks.register("construct_help_menu")
def without_wagtail_guide(request, menu_items):
    """Wagtail's English guide and release notes give way to the portal's handbook."""
    menu_items[:] = [item for item in menu_items if not item.name.startswith(WAGTAIL_HELP_ITEMS)]
