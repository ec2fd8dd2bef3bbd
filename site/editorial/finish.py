"""WAGTAIL_FINISH_WORKFLOW_ACTION: what happens when the last approval is given.

Wagtail imports this module while `wagtail.models` is still loading, so it imports nothing
from Wagtail at module level.
"""


def publish_approved_workflow_state(workflow_state, user=None):
    """Publish the approved revision, marked as the outcome of an approval."""
    from wagtail.workflows import publish_workflow_state

    from .publishing import approved_publish

    with approved_publish():
        publish_workflow_state(workflow_state, user=user)
