"""The pattern page (/de/-/muster/): every component the templates use, from their real includes
and the seeded content, in KERN's look and the portal's theme – for developers and designers.

Only in development (DEBUG); elsewhere the address does not exist (404).
"""

from django import forms
from django.conf import settings
from django.http import Http404
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET

from wagtail.blocks import StreamValue
from wagtail.models import Page

from downloads.models import PortalDocument, PublicationPage
from home.models import TopicPage
from partners.models import Partner
from portal.blocks import BodyBlock
from portal.i18n import current_home
from portal.view_restrictions import private_q
from press.models import PressReleasePage


class PatternForm(forms.Form):
    """One field of each kind the portal's forms use, sent empty to show the error state."""

    name = forms.CharField(label=_("Name"), help_text=_("Ein Hinweis unter dem Feld."))
    email = forms.EmailField(label=_("E-Mail-Adresse"))
    kind = forms.ChoiceField(label=_("Art"), choices=[("", "—"), ("a", "A"), ("b", "B")])
    message = forms.CharField(label=_("Nachricht"), widget=forms.Textarea)
    consent = forms.BooleanField(label=_("Ich bin einverstanden."))


SWATCHES = ["petrol", "petrol-dark", "surface", "amber", "ember", "text", "muted"]


def body_blocks():
    """Each block of a page body with the example value it shows in the admin's preview."""
    body = BodyBlock()
    return StreamValue(
        body, [(name, block.get_preview_value()) for name, block in body.child_blocks.items()]
    )


def _live(queryset, limit):
    return list(queryset.live().exclude(private_q()).specific()[:limit])


@require_GET
def pattern_library(request):
    if not settings.DEBUG:
        raise Http404
    home = current_home(request)
    form = PatternForm(data={})
    form.is_valid()
    topic = TopicPage.objects.live().filter(locale__language_code=request.LANGUAGE_CODE).first()
    context = {
        "home": home,
        "topic": topic,
        "teasers": _live(home.get_children(), 2) if home else [],
        "body": body_blocks(),
        "notices": [_("Ein Hinweis, etwa zu einem Filter, der nicht angewandt werden konnte.")],
        "swatches": SWATCHES,
        "form": form,
        "empty_form": PatternForm(prefix="leer"),
        "partners": list(Partner.objects.filter(live=True).order_by("name")[:2]),
        "releases": _live(PressReleasePage.objects.all(), 2),
        "publications": _live(PublicationPage.objects.all(), 1),
        "document": PortalDocument.objects.order_by("pk").first(),
        "pages": _live(Page.objects.filter(depth=3), 3),
        "archive": {
            "previous_url": "#",
            "next_url": "#",
            "page_links": [
                {"url": "#", "label": 1, "current": False},
                {"url": "#", "label": 2, "current": True},
                None,
                {"url": "#", "label": 9, "current": False},
            ],
        },
    }
    return render(request, "portal/patterns.html", context)
