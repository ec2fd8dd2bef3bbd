"""A private German page's translations are private too, whenever its restriction changes.

wagtail-localize copies a page's view restriction to its translations only inside its own
translation paths (`TranslationSource.sync_view_restrictions`, called by
`create_or_update_translation` and the "update translations" view). The portal's draft path
for live translations (`portal.translation.review`) bypasses them, and a restriction set on
or removed from the German page later would reach no translation until its next update: the
English version of a page made private stayed public. Here every change of a source page's
restriction (and the draft path) applies wagtail-localize's own sync to its translations.
"""

from django.db.models.signals import m2m_changed, post_delete, post_save
from django.dispatch import receiver

from wagtail.models import Page, PageViewRestriction
from wagtail_localize.models import TranslationSource


def sync_translations_of(page):
    """Give every translation of `page` the view restriction `page` has now (or none)."""
    source = TranslationSource.objects.get_for_instance_or_none(page)
    if source is None:
        return
    for translation in source.translations.select_related("target_locale"):
        source.update_target_view_restrictions(translation.target_locale)


def _restricted_page(restriction):
    try:
        return restriction.page
    except Page.DoesNotExist:  # the page itself is being deleted
        return None


@receiver(post_save, sender=PageViewRestriction)
@receiver(post_delete, sender=PageViewRestriction)
def restriction_changed(sender, instance, **kwargs):
    page = _restricted_page(instance)
    if page is not None:
        sync_translations_of(page.specific_deferred)


@receiver(m2m_changed, sender=PageViewRestriction.groups.through)
def restriction_groups_changed(sender, instance, action, **kwargs):
    if action in ("post_add", "post_remove", "post_clear"):
        restriction_changed(PageViewRestriction, instance)
