"""Admin view: "Zur Freigabe einreichen" for a translation."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.http import Http404
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView

from wagtail.admin.admin_url_finder import AdminURLFinder
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.models import Page
from wagtail.permissions import policy_registry
from wagtail_localize.models import Translation
from wagtail_localize.views import submit_translations
from wagtail_localize.views.update_translations import UpdateTranslationsView

from portal.editorial.publishing import is_administrator
from portal.editorial.roles import SOURCE_LANGUAGE, is_translator_only

from .review import submit_translation_for_approval, translated_object

SUBMITTED = gettext_lazy(
    "„%(title)s“ ist zur Freigabe eingereicht; bis zur Freigabe bleibt die veröffentlichte "
    "Fassung online."
)


def can_edit(user, obj):
    if isinstance(obj, Page):
        return obj.permissions_for_user(user).can_edit()
    if is_translator_only(user) and obj.locale.language_code == SOURCE_LANGUAGE:
        return False
    policy = policy_registry.get_by_type(type(obj))
    return policy.user_has_permission_for_instance(user, "change", obj)


class SubmitTranslationView(WagtailAdminTemplateMixin, TemplateView):
    """Confirm (GET) and submit (POST) the translator's strings for approval."""

    template_name = "portal/translation/submit_for_approval.html"
    page_title = gettext_lazy("Übersetzung zur Freigabe einreichen")
    header_icon = "tasks"

    def dispatch(self, request, translation_id):
        self.translation = get_object_or_404(
            Translation.objects.select_related("source", "target_locale"),
            pk=translation_id,
            enabled=True,
        )
        self.target = translated_object(self.translation)
        if self.target is None:
            raise Http404
        if not can_edit(request.user, self.target):
            raise PermissionDenied
        return super().dispatch(request, translation_id)

    def get_page_subtitle(self):
        return str(self.target)

    def get_context_data(self, **kwargs):
        total, translated = self.translation.get_progress()
        return super().get_context_data(
            translation=self.translation,
            target=self.target,
            total=total,
            missing=total - translated,
            in_moderation=self.target.current_workflow_state is not None,
            edit_url=self.edit_url(),
            **kwargs,
        )

    def post(self, request, translation_id):
        submit_translation_for_approval(self.translation, request.user)
        messages.success(request, SUBMITTED % {"title": self.target})
        return redirect(self.edit_url())

    def edit_url(self):
        return AdminURLFinder(self.request.user).get_edit_url(self.target)


class ReviewedUpdateTranslationsView(UpdateTranslationsView):
    """wagtail-localize's "Sync translated pages", without "Publish immediately" for anyone
    but Administration: that option publishes every translation at once, unreviewed."""

    def get_form(self):
        form = super().get_form()
        if not is_administrator(self.request.user):
            del form.fields["publish_translations"]
        return form

    def form_valid(self, form):
        form.cleaned_data.setdefault("publish_translations", False)
        return super().form_valid(form)


class OnlyLanguagePreselected:
    """wagtail-localize's "Übersetzen" form with the one language left to translate into
    already ticked: with nothing ticked, the first "Absenden" only failed ("Dieses Feld ist
    zwingend erforderlich"). A `select_locale` in the address still decides."""

    def get_form(self):
        form = super().get_form()
        if self.request.method != "POST" and "select_locale" not in self.request.GET:
            choices = list(form.fields["locales"].queryset)
            if len(choices) == 1:
                form.initial["locales"] = choices
        return form


class SubmitPageTranslationView(
    OnlyLanguagePreselected, submit_translations.SubmitPageTranslationView
):
    pass


class SubmitSnippetTranslationView(
    OnlyLanguagePreselected, submit_translations.SubmitSnippetTranslationView
):
    pass
