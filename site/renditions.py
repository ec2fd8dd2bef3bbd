"""Renditions are made by the task worker, never while a visitor waits.

The templates and the API ask for a few sizes of each image (`RENDITION_SPECS`). Wagtail makes
a missing rendition in the request that first shows it; here every size is made ahead:

- when an image is saved (an upload, a new file, a PDF cover drawn by `downloads.covers`),
- when a page is published, for the images it uses (its cover, the images in its streams:
  Wagtail's reference index knows them).

Both queue `make_renditions` after the commit; it runs on the worker (production:
django-tasks-db) or at once where tasks run in the request (the embedded default).
`tests/test_renditions.py` checks the list against the templates.
"""

import logging

from django.contrib.contenttypes.models import ContentType
from django.db import transaction
from django.db.models.signals import post_save

from wagtail.images import get_image_model
from wagtail.models import ReferenceIndex
from wagtail.signals import page_published

from django_tasks import task

logger = logging.getLogger(__name__)

RENDITION_SPECS = (
    # Publication covers: teaser, the home page's publication block, the publication page.
    "max-160x220",
    "max-200x280",
    "max-320x440",
    # Images in the body stream (srcset).
    "width-480",
    "width-800",
    "width-1200",
    # The share image of a publication (og:image, portal_tags.share_image).
    "max-1200x630",
    # Partner logos.
    "max-240x120",
    # The API: publication covers, images in general.
    "max-800x1200",
    "max-1200x1200",
)


def make_renditions_now(image):
    """Every size of `image` the portal shows; those that exist are left as they are."""
    try:
        image.get_renditions(*RENDITION_SPECS)
    except Exception:  # noqa: BLE001 – a file Pillow cannot read must not stop the queue
        logger.warning("No renditions for image %s: its file cannot be read", image.pk)
        return False
    return True


@task()
def make_renditions(image_ids):
    """Make the renditions of the images `image_ids`; returns how many images were done."""
    images = get_image_model().objects.filter(pk__in=image_ids).prefetch_renditions()
    return sum(make_renditions_now(image) for image in images)


def images_used_by(page):
    """The ids of the images `page` refers to, from Wagtail's reference index (brought up to
    date first: Wagtail updates it in a task of its own, which may not have run yet)."""
    ReferenceIndex.create_or_update_for_object(page)
    image_type = ContentType.objects.get_for_model(get_image_model())
    references = ReferenceIndex.get_references_for_object(page).filter(to_content_type=image_type)
    return sorted({int(pk) for pk in references.values_list("to_object_id", flat=True)})


@task()
def make_page_renditions(page_id):
    """Make the renditions of the images page `page_id` uses."""
    from wagtail.models import Page

    page = Page.objects.filter(pk=page_id).first()
    if page is None:
        return 0
    return make_renditions.call(images_used_by(page.specific))


def queue(task_to_run, *args):
    def enqueue():
        try:
            task_to_run.enqueue(*args)
        except Exception:  # noqa: BLE001 – a broken queue must not break the save that committed
            logger.exception("Renditions could not be queued (%s%r)", task_to_run.name, args)

    transaction.on_commit(enqueue)


def _image_saved(sender, instance, raw=False, **kwargs):
    if not raw and instance.file:
        queue(make_renditions, [instance.pk])


def _page_published(sender, instance, **kwargs):
    queue(make_page_renditions, instance.pk)


def connect_receivers():
    """Queue renditions when images are saved and pages published (called from `ready()`)."""
    post_save.connect(_image_saved, sender=get_image_model(), dispatch_uid="portal.renditions")
    page_published.connect(_page_published, dispatch_uid="portal.renditions")
