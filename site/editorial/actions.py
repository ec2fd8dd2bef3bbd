"""Wagtail's content actions, refusing a direct publish that skipped the approval workflow.

The API (and anything else that takes its actions from Wagtail's action registry) publishes
through these; the admin's own publish paths are guarded by hooks in `portal.wagtail_hooks`.
Copies and aliases that would be live at once count as publishing; deleting follows
`portal.editorial.deletion`. Approvers keep Wagtail's publish permission, because
unpublishing and deleting live pages need it, but they publish by approving: only
Administration publishes directly.
"""

from wagtail.actions.copy_for_translation import CopyPageForTranslationAction
from wagtail.actions.copy_page import CopyPageAction
from wagtail.actions.create import CreateAction
from wagtail.actions.create_alias import CreatePageAliasAction
from wagtail.actions.create_page import CreatePageAction
from wagtail.actions.delete_page import DeletePageAction
from wagtail.actions.edit import EditAction
from wagtail.actions.edit_page import EditPageAction
from wagtail.actions.publish_page_revision import PublishPageRevisionAction
from wagtail.actions.publish_revision import PublishRevisionAction

from .deletion import DELETE_REFUSED, may_delete
from .publishing import (
    DIRECT_PUBLISH_REFUSED,
    LIVE_COPY_REFUSED,
    record_release_without_approval,
    requires_approval,
    would_go_live,
)


class RefuseUnapprovedPublishMixin:
    def refuse_unapproved_publish(self, obj):
        if self.user is not None and requires_approval(obj, self.user):
            raise self.permission_error_class(str(DIRECT_PUBLISH_REFUSED))


class PortalPublishPageRevisionAction(RefuseUnapprovedPublishMixin, PublishPageRevisionAction):
    def check(self, skip_permission_checks=False):
        super().check(skip_permission_checks=skip_permission_checks)
        self.refuse_unapproved_publish(self.object)


class PortalPublishRevisionAction(RefuseUnapprovedPublishMixin, PublishRevisionAction):
    def check(self, skip_permission_checks=False):
        super().check(skip_permission_checks=skip_permission_checks)
        self.refuse_unapproved_publish(self.object)


class PortalCreatePageAction(RefuseUnapprovedPublishMixin, CreatePageAction):
    def check_publish(self):
        super().check_publish()
        self.refuse_unapproved_publish(self.parent)


class PortalEditPageAction(RefuseUnapprovedPublishMixin, EditPageAction):
    def check_publish(self):
        super().check_publish()
        self.refuse_unapproved_publish(self.instance)


class PortalCreateAction(RefuseUnapprovedPublishMixin, CreateAction):
    def check_publish(self):
        super().check_publish()
        self.refuse_unapproved_publish(self.instance)


class PortalEditAction(RefuseUnapprovedPublishMixin, EditAction):
    def check_publish(self):
        super().check_publish()
        self.refuse_unapproved_publish(self.instance)


class PortalDeletePageAction(DeletePageAction):
    """Editors delete only their own never-published drafts (`portal.editorial.deletion`)."""

    def check(self, skip_permission_checks=False):
        super().check(skip_permission_checks=skip_permission_checks)
        if self.user is not None and not may_delete(self.user, self.page):
            raise self.permission_error_class(str(DELETE_REFUSED))


class RefuseLiveCopyMixin:
    """A copy or alias that would be live at once is a direct publish: Administration only."""

    def refuse_live_copy(self, goes_live):
        if self.user is not None and goes_live and requires_approval(self.page, self.user):
            raise self.permission_error_class(str(LIVE_COPY_REFUSED))


class PortalCopyPageAction(RefuseLiveCopyMixin, CopyPageAction):
    """Wagtail logs a live copy as "wagtail.publish", so Administration's is recorded."""

    def check(self, skip_permission_checks=False):
        super().check(skip_permission_checks=skip_permission_checks)
        self.refuse_live_copy(self.keep_live and would_go_live(self.page, self.recursive))


class PortalCreatePageAliasAction(RefuseLiveCopyMixin, CreatePageAliasAction):
    """Administration's live alias is recorded from its "wagtail.create_alias" log entry."""

    def check(self, skip_permission_checks=False):
        super().check(skip_permission_checks=skip_permission_checks)
        self.refuse_live_copy(would_go_live(self.page, self.recursive))


class PortalCopyPageForTranslationAction(RefuseLiveCopyMixin, CopyPageForTranslationAction):
    """An alias in another language tree shows the source text there, live at once.

    Wagtail creates such aliases without naming the user in the log, so the release is
    recorded here.
    """

    def check(self, skip_permission_checks=False):
        super().check(skip_permission_checks=skip_permission_checks)
        self.refuse_live_copy(self.alias and would_go_live(self.page, self.include_subtree))

    def execute(self, skip_permission_checks=False):
        translated = super().execute(skip_permission_checks=skip_permission_checks)
        if self.alias and self.user is not None and translated.live:
            record_release_without_approval(translated, self.user)
        return translated
