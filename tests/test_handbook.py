"""The editors' handbook in the admin (portal.handbook): "Hilfe" leads to it, it renders with
its pictures for an editor, anonymous visitors are sent to the login, and its table of
clicks is the one the role journeys count."""

import re
from urllib.parse import unquote

from django.urls import reverse

import pytest

from portal.handbook import anchor, render
from tests import handbook_shots

pytestmark = pytest.mark.django_db

HANDBOOK_URL = "/admin/handbuch/"


def picture_sources(html):
    return re.findall(r'<img src="([^"]+)"', html)


@pytest.fixture
def editor_client(client, role_users):
    client.force_login(role_users["editor"])
    return client


def test_hilfe_leads_to_the_handbook_not_to_wagtails_guide(editor_client):
    html = editor_client.get("/admin/", HTTP_ACCEPT_LANGUAGE="de").content.decode()
    assert reverse("portal_handbook") == HANDBOOK_URL
    # The sidebar's menu is JSON for its script: the help menu holds the handbook first.
    help_menu = re.search(r"Hilfe.{0,2000}", html, re.S).group(0)
    assert (
        "Handbuch f\\u00fcr die Redaktion" in help_menu or "Handbuch für die Redaktion" in help_menu
    )
    assert HANDBOOK_URL in help_menu
    assert "guide.wagtail.org" not in html  # neither in the menu nor in the account summary
    assert f'href="{HANDBOOK_URL}"' in html  # the account summary beside the menu


def test_the_handbook_renders_with_its_pictures_for_an_editor(editor_client):
    response = editor_client.get(HANDBOOK_URL, HTTP_ACCEPT_LANGUAGE="de")
    assert response.status_code == 200
    html = response.content.decode()
    assert "<h1" in html and "Handbuch für die Redaktion" in html
    for section in (
        "Seite schreiben",
        "Bilder und Alternativtext",
        "Dokumente",
        "Partner",
        "Pressemitteilungen",
        "Zur Freigabe einreichen",
        "Freigeben oder Änderungen anfordern",
        "Übersetzen",
        "Zeitplan",
    ):
        assert f'<h2 id="{anchor(section)}">{section}</h2>' in html
    pictures = picture_sources(html)
    assert len(pictures) >= 10
    for source in pictures:
        assert source.startswith("bilder/"), source
        picture = editor_client.get(HANDBOOK_URL + source)
        assert picture.status_code == 200, source
        assert picture["Content-Type"] == "image/png"
        assert b"".join(picture.streaming_content).startswith(b"\x89PNG")


def test_every_picture_of_the_handbook_is_small_and_1280_px_wide_at_most():
    from PIL import Image

    pictures = sorted(handbook_shots.FOLDER.glob("*.png"))
    assert pictures
    for path in pictures:
        with Image.open(path) as image:
            assert image.width <= 1280, path.name
        assert path.stat().st_size < 200_000, path.name


def test_the_contents_link_to_headings_that_exist():
    html = render(handbook_shots.HANDBOOK.read_text())
    ids = set(re.findall(r'<h\d id="([^"]+)"', html))
    links = {unquote(link) for link in re.findall(r'href="#([^"]+)"', html)}
    assert links and links <= ids, links - ids


@pytest.mark.parametrize(
    "path",
    [HANDBOOK_URL, HANDBOOK_URL + "bilder/seite-schreiben.png"],
    ids=["handbook", "picture"],
)
def test_anonymous_visitors_are_sent_to_the_login(client, path):
    response = client.get(path)
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


@pytest.mark.parametrize(
    "name",
    ["fehlt.png", "..%2FREADME.md", "..%2F..%2Fpyproject.toml", "Seite.PNG", ".versteckt.png"],
)
def test_only_the_handbooks_own_pictures_are_served(editor_client, name):
    # No pattern matches: 404, or Django's APPEND_SLASH redirect to an address without a view.
    response = editor_client.get(HANDBOOK_URL + "bilder/" + name, follow=True)
    assert response.status_code == 404


def test_raw_html_in_the_handbook_is_shown_not_run():
    html = render('Text <script>alert("x")</script> <img src=x onerror=alert(1)>')
    assert "<script>" not in html and "<img" not in html
    assert "&lt;script&gt;" in html


def test_headings_get_the_ids_github_gives_them():
    assert anchor("Freigeben oder Änderungen anfordern") == "freigeben-oder-änderungen-anfordern"
    assert anchor("Wie viele Klicks?") == "wie-viele-klicks"


def test_the_handbook_lists_the_clicks_the_journeys_count():
    assert handbook_shots.clicks_in_handbook() == {
        label: clicks for clicks, label in handbook_shots.CLICKS.values()
    }
