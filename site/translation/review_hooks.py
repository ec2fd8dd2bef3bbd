"""Admin hooks that send translations through the approval workflow (see `review`)."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.shortcuts import redirect
from django.urls import path

from wagtail import hooks
from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail_localize.models import Translation

from portal.editorial.publishing import requires_approval
from portal.editorial.roles import SOURCE_LANGUAGE, is_translator_only

from .review import submit_translation_for_approval
from .views import (
    SUBMITTED,
    ReviewedUpdateTranslationsView,
    SubmitPageTranslationView,
    SubmitSnippetTranslationView,
    SubmitTranslationView,
)


@hooks.register("register_admin_urls")
def register_submit_translation_url():
    return [
        path(
            "translations/<int:translation_id>/submit/",
            SubmitTranslationView.as_view(),
            name="portal_translation_submit",
        ),
        # Takes the place of wagtail-localize's view at its own address (the portal's admin
        # URLs come first): same page, without "publish immediately" outside Administration.
        path(
            "localize/update/<int:translation_source_id>/",
            ReviewedUpdateTranslationsView.as_view(),
        ),
        # Also at wagtail-localize's addresses: "Übersetzen" with English already ticked.
        path("localize/submit/page/<int:page_id>/", SubmitPageTranslationView.as_view()),
        path(
            "localize/submit/snippet/<slug:app_label>/<slug:model_name>/<str:pk>/",
            SubmitSnippetTranslationView.as_view(),
        ),
    ]


def synced_translation(obj):
    """The enabled wagtail-localize translation whose target is `obj`, if any."""
    return Translation.objects.filter(
        source__object_id=obj.translation_key, target_locale_id=obj.locale_id, enabled=True
    ).first()


def _publish_becomes_submission(request, obj):
    """The translation editor's "Publish" submits for approval instead, unless Administration."""
    if request.method != "POST" or request.POST.get("action") != "publish":
        return None
    translation = synced_translation(obj)
    if translation is None or not requires_approval(obj, request.user):
        return None
    submit_translation_for_approval(translation, request.user)
    messages.success(request, SUBMITTED % {"title": obj})
    return redirect(AdminURLFinder(request.user).get_edit_url(obj))


@hooks.register("before_edit_page", order=-10)
def translation_publish_page(request, page):
    return _publish_becomes_submission(request, page)


@hooks.register("before_edit_snippet", order=-10)
def translation_publish_snippet(request, instance):
    if not hasattr(instance, "translation_key"):
        return None
    if is_translator_only(request.user) and instance.locale.language_code == SOURCE_LANGUAGE:
        raise PermissionDenied
    return _publish_becomes_submission(request, instance)
