"""Every seeded page and snippet opens in the admin's editor (the Impressum's `<br>` once
broke Wagtail's rich text editor with a 500)."""

from django.urls import reverse

from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.models import Page

from partners.models import Partner


def test_every_seeded_page_opens_in_the_editor(seeded, admin_client):
    pages = Page.objects.filter(depth__gt=1)
    assert pages.count() > 20
    failed = {
        page.url_path: response.status_code
        for page in pages
        if (
            response := admin_client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
        ).status_code
        != 200
    }
    assert failed == {}


def test_every_seeded_partner_opens_in_the_editor(seeded, admin_client):
    finder = AdminURLFinder()
    partners = Partner.objects.all()
    assert partners.count() >= 29
    failed = [
        partner.name
        for partner in partners
        if admin_client.get(finder.get_edit_url(partner)).status_code != 200
    ]
    assert failed == []
