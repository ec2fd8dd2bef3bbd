"""The listings' bulk actions, offered only to the roles the portal lets do them.

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
from wagtail.models import Page
from wagtail.permission_policies.pages import PagePermissionPolicy
from wagtail.permissions import policy_registry

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


# The permission the bulk actions of snippet, document and image listings need per object.
MODEL_ACTION_PERMISSIONS = {"delete": "delete", "add_tags": "change", "add_to_collection": "change"}


def is_offered(action_class, user, model=None):
    """Page actions by the portal's rules above. The delete, tag and collection actions of a
    snippet, document or image listing only where the user may do them to at least one
    object (Redaktion deletes no partner, Übersetzung no document: the action would refuse
    every one). Other actions (move, users …) stay as Wagtail has them."""
    rule = getattr(action_class, "is_offered_to", None)
    if rule is not None:
        return rule(user)
    permission = MODEL_ACTION_PERMISSIONS.get(action_class.action_type)
    if model is None or permission is None or issubclass(model, Page):
        return True
    policy = policy_registry.get_by_type(model)
    return policy.instances_user_has_permission_for(user, permission).exists()


# After Wagtail's own registrations (order 0): the registry keeps the last class per type.
for action_class in (PortalPublishBulkAction, PortalUnpublishBulkAction, PortalDeleteBulkAction):
    hooks.register("register_bulk_action", action_class, order=1)
