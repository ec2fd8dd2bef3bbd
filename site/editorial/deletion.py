"""Who deletes pages: editors their own never-published drafts, everything else Freigabe.

Wagtail lets anyone with "change" on a page delete it as long as it is not live: another
person's draft, a page waiting for approval, an approved page scheduled to go live. Deleting
is for good, so here editors and translators delete only drafts that are theirs alone —
created by them, never published, not in moderation, not scheduled, no revision by anyone
else. Pages in moderation, scheduled and live pages are deleted by Freigabe and
Administration. The admin's delete view and bulk action refuse through hooks
(`portal.editorial.admin_hooks`), the API through `PortalDeletePageAction` (`actions`).
The listing's bulk "Löschen" is offered to Freigabe and Administration only
(`bulk_actions`), a listing row's "Löschen" only where `may_delete` allows
(`admin_hooks.hide_refused_page_delete`). The page header's "Löschen" stays where Wagtail's
own rule allows: Wagtail 8 has no hook to change the header's buttons, so the refusal
explains the rule there.

Snippets need nothing here: only Freigabe and Administration hold their delete permission.
"""

from django.utils.translation import gettext_lazy

from wagtail.models import Revision, WorkflowState

from .publishing import is_administrator
from .roles import APPROVERS

DELETE_REFUSED = gettext_lazy(
    "Löschen können Sie nur eigene Entwürfe, die nie veröffentlicht waren und weder in der "
    "Freigabe noch eingeplant sind. Alles andere löschen Freigabe und Administration."
)


def deletes_anything(user):
    """Freigabe and Administration delete whatever Wagtail's own permissions allow. Kept
    on the user for the request: page listings ask once per row."""
    answer = getattr(user, "_portal_deletes_anything", None)
    if answer is None:
        answer = is_administrator(user) or user.groups.filter(name=APPROVERS).exists()
        user._portal_deletes_anything = answer
    return answer


def is_own_unpublished_draft(page, user):
    """A page only `user` has worked on, that never reached visitors and waits for no one."""
    ever_published = page.live or page.first_published_at or page.last_published_at
    if page.owner_id != user.pk or ever_published:
        return False
    revisions = Revision.objects.for_instance(page)
    if revisions.exclude(user=user).exists():
        return False
    if revisions.filter(approved_go_live_at__isnull=False).exists():
        return False
    return not page.workflow_states.filter(status=WorkflowState.STATUS_IN_PROGRESS).exists()


def may_delete(user, page):
    """Whether the portal lets `user` delete `page` with everything below it."""
    if deletes_anything(user):
        return True
    pages = page.get_descendants(inclusive=True)
    return all(is_own_unpublished_draft(each, user) for each in pages)
