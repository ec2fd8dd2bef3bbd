"""Saving from an outdated edit form is refused, not silently written over a newer draft.

Wagtail's edit forms (pages and snippets) post the revision they were loaded from
(`loaded_revision_id`, `loaded_revision_created_at`) and, after an autosave, the revision
they keep overwriting (`overwrite_revision_id`). Wagtail refuses an out-of-date autosave,
but a normal save, submit or publish from a form that someone else has saved since only
gets a warning in the browser: the older form's text becomes the newest draft and replaces
the other person's work without anyone noticing.

Here such a POST is refused with a message naming who saved when. The other person's draft
stays the current one; the refused input is kept as a revision of its own in the history
(logged as "Veraltete Fassung aufbewahrt"), which does not become the draft: both versions
can be compared there and the older one taken over deliberately. If the input cannot be
kept (invalid form), the refusal stands alone. The check mirrors Wagtail's own
`is_out_of_date` (admin/views/pages/edit.py, Wagtail 8.0) and can go when Wagtail refuses
out-of-date form saves itself.
"""

from django.contrib import messages
from django.db import transaction
from django.shortcuts import redirect
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy

from wagtail.log_actions import log
from wagtail.models import Page, Revision

STALE_EDIT_KEPT = "portal.stale_edit_kept"

STALE_FORM_REFUSED = gettext_lazy(
    "Nicht gespeichert: %(user)s hat am %(time)s eine neuere Fassung gespeichert, nachdem "
    "Sie das Formular geöffnet hatten. Ihre Eingaben hätten diese Fassung überschrieben. "
    "Das Formular zeigt jetzt die neueste Fassung; vergleichen Sie im Verlauf und tragen Sie "
    "Ihre Änderungen erneut ein."
)
INPUT_KEPT = gettext_lazy(
    "Ihre Eingaben sind als eigene Version im Verlauf aufbewahrt, ohne die neuere Fassung zu "
    "ersetzen."
)


def is_out_of_date(post, latest_revision):
    """Whether the posted form was loaded from an older revision than the latest one."""
    if latest_revision is None:
        return False
    latest_id = str(latest_revision.pk)
    if overwrite_id := post.get("overwrite_revision_id"):
        return overwrite_id != latest_id
    if loaded_id := post.get("loaded_revision_id"):
        loaded_at = post.get("loaded_revision_created_at", "")
        return loaded_id != latest_id or loaded_at != latest_revision.created_at.isoformat()
    return False


def expects_html(request):
    """Autosave asks for JSON; Wagtail already refuses its out-of-date saves."""
    return request.accepts("text/html")


def bound_edit_form(request, obj):
    """The admin's edit form for `obj`, bound to the posted data (unsaved)."""
    if isinstance(obj, Page):
        form_class = obj.get_edit_handler().get_form_class()
        return form_class(
            request.POST,
            request.FILES,
            instance=obj,
            parent_page=obj.get_parent(),
            for_user=request.user,
        )
    viewset = getattr(type(obj), "snippet_viewset", None)
    if viewset is None:
        return None
    form_class = viewset.get_form_class(for_update=True)
    return form_class(request.POST, request.FILES, instance=obj, for_user=request.user)


def is_locked_for(obj, user):
    lock = obj.get_lock() if hasattr(obj, "get_lock") else None
    return lock is not None and lock.for_user(user)


def keep_refused_input(request, obj):
    """Store the refused form's content as a revision that does not become the draft.

    Unlike `save_revision`, this leaves `latest_revision` (the current draft) alone. Returns
    the revision, or None when the input is not a valid draft or the object is locked for
    the user (in moderation, scheduled, locked by someone): then the editor could not have
    saved at all.
    """
    if is_locked_for(obj, request.user):
        return None
    fresh = type(obj).objects.get(pk=obj.pk)  # the form changes its instance
    form = bound_edit_form(request, fresh)
    if form is None:
        return None
    if hasattr(form, "defer_required_fields"):
        form.defer_required_fields()  # a draft needs no required fields, as in the editor
    if not form.is_valid():
        return None
    draft = form.save(commit=False)
    with transaction.atomic():
        revision = Revision.objects.create(
            content_object=draft,
            base_content_type=draft.get_base_content_type(),
            user=request.user,
            content=draft.serializable_data(),
            object_str=str(draft),
        )
        log(instance=obj, action=STALE_EDIT_KEPT, user=request.user, revision=revision)
    return revision


def author_name(revision):
    user = revision.user
    if user is None:
        return "—"
    return user.get_full_name() or user.get_username()


def refuse_stale_form(request, obj):
    """A redirect back to the edit form if the POST would overwrite a newer draft."""
    if request.method != "POST" or not expects_html(request):
        return None
    latest = getattr(obj, "latest_revision", None)
    if not is_out_of_date(request.POST, latest):
        return None
    when = date_format(timezone.localtime(latest.created_at), "DATETIME_FORMAT")
    message = STALE_FORM_REFUSED % {"user": author_name(latest), "time": when}
    if keep_refused_input(request, obj) is not None:
        message = f"{message} {INPUT_KEPT}"
    messages.error(request, message)
    return redirect(request.get_full_path())
