"""Admin panels of the press section."""

from wagtail.admin.panels import PageChooserPanel
from wagtail.admin.widgets import AdminPageChooser

from .queries import topic_page_models


class TopicChooserPanel(PageChooserPanel):
    """A page chooser offering only the page types that can be a release's topic.

    The types are looked up when the form is built, so page types of other sections that
    gain the topic sidebar later are offered without a change here.
    """

    def get_form_options(self):
        options = super().get_form_options()
        options.setdefault("widgets", {})[self.field_name] = AdminPageChooser(
            target_models=topic_page_models()
        )
        return options
