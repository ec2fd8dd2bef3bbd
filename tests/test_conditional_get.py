"""Pages, feeds and API answers carry an ETag and answer a matching If-None-Match with 304
(Django's ConditionalGetMiddleware): feed readers and browsers fetch only what changed."""

import pytest

pytestmark = pytest.mark.django_db

URLS = [
    "/de/",
    "/en/",
    "/de/pressemitteilungen/feed/atom/",
    "/de/pressemitteilungen/feed/rss/",
    "/api/v3/pages/?locale=de",
]


@pytest.mark.parametrize("url", URLS)
def test_an_unchanged_answer_is_not_sent_again(seeded, client, url):
    first = client.get(url)
    assert first.status_code == 200
    assert first["ETag"]

    again = client.get(url, HTTP_IF_NONE_MATCH=first["ETag"])

    assert again.status_code == 304
    assert again.content == b""


def test_a_changed_page_is_sent_in_full(seeded, client):
    home = seeded["de"]
    first = client.get("/de/")
    home.title = "chancen.nrw – neu"
    home.save_revision().publish()

    again = client.get("/de/", HTTP_IF_NONE_MATCH=first["ETag"])

    assert again.status_code == 200
    assert "chancen.nrw – neu" in again.content.decode()
