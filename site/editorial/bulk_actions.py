"""The page listing's bulk actions, offered only to the roles the portal lets do them.

Wagtail offers every registered bulk action to everyone who sees a listing and refuses
afterwards (its own permissions, the portal's `before_bulk_action` hooks). Here the page
actions that would be refused carry the rule as `is_offered_to(user)`:

- "Veröffentlichen": Administration only (`publishing.requires_approval`: all content is
  under the workflow, everyone else publishes by approving);
- "Veröffentlichung aufheben": whoever holds Wagtail's publish permission (Freigabe,
  Administration);
- "Löschen": Freigabe and Administration (`deletion.deletes_anything`); editors delete
  their own drafts one by one from the page's menu, where `may_delete` decides per page.

They replace Wagtail's classes in the bulk action registry (same `action_type`, registered
after Wagtail's); `portal.templatetags.portal_admin_tags.portal_bulk_action_choices` asks
them before rendering the buttons, since Wagtail's tag asks nobody.
"""

from wagtail import hooks
from wagtail.admin.views.pages.bulk_actions.delete import DeleteBulkAction
from wagtail.admin.views.pages.bulk_actions.publish import PublishBulkAction
from wagtail.admin.views.pages.bulk_actions.unpublish import UnpublishBulkAction
from wagtail.permission_policies.pages import PagePermissionPolicy

from .deletion import deletes_anything
from .publishing import is_administrator


def holds_publish_permission(user):
    return PagePermissionPolicy().user_has_permission(user, "publish")


class PortalPublishBulkAction(PublishBulkAction):
    @classmethod
    def is_offered_to(cls, user):
        return is_administrator(user)


class PortalUnpublishBulkAction(UnpublishBulkAction):
    @classmethod
    def is_offered_to(cls, user):
        return holds_publish_permission(user)


class PortalDeleteBulkAction(DeleteBulkAction):
    @classmethod
    def is_offered_to(cls, user):
        return deletes_anything(user)


def is_offered(action_class, user):
    """Bulk actions without a portal rule (move, users, images …) stay as Wagtail has them."""
    rule = getattr(action_class, "is_offered_to", None)
    return rule is None or rule(user)


# After Wagtail's own registrations (order 0): the registry keeps the last class per type.
for action_class in (PortalPublishBulkAction, PortalUnpublishBulkAction, PortalDeleteBulkAction):
    hooks.register("register_bulk_action", action_class, order=1)
