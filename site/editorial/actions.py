"""Wagtail's content actions, refusing a direct publish that skipped the approval workflow.

The API (and anything else that takes its actions from Wagtail's action registry) publishes
through these; the admin's own publish paths are guarded by hooks in `portal.wagtail_hooks`.
Approvers keep Wagtail's publish permission, because unpublishing and deleting live pages
need it, but they publish by approving: only Administration publishes directly.
"""

from wagtail.actions.create import CreateAction
from wagtail.actions.create_page import CreatePageAction
from wagtail.actions.edit import EditAction
from wagtail.actions.edit_page import EditPageAction
from wagtail.actions.publish_page_revision import PublishPageRevisionAction
from wagtail.actions.publish_revision import PublishRevisionAction

from .publishing import DIRECT_PUBLISH_REFUSED, requires_approval


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
