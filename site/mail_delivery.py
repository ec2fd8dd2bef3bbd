"""Every mail the portal sends goes out after the commit, through the task backend.

Form notifications, Wagtail's workflow notifications (`portal.editorial.notifications`) and
the control mail "Ohne Freigabe veröffentlicht" (`portal.editorial.publishing`) are handed to
`send_after_commit`: nothing is sent for a transaction that rolls back, and a slow or broken
mail server never holds a transaction open (a slow SMTP server used to hold an approval for
10.6 s and lose its mail on failure).

`deliver_mail` is a django-tasks task. It tries `PORTAL_MAIL_ATTEMPTS` times (default 3),
waiting `PORTAL_MAIL_RETRY_SECONDS` × attempt between tries, logs every failure with its
traceback and gives up after the last one; the stored submission or workflow state is
unaffected. With the immediate backend (`TASKS`, the default in every tier today) the task
runs in the request right after the commit; with a queued backend (django-tasks-db and its
`db_worker`) it runs in the worker.
"""

import logging
import time

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction

from django_tasks import task

logger = logging.getLogger(__name__)

# RFC 3834: no out-of-office replies to the portal's own mails.
AUTO_SUBMITTED = {"Auto-Submitted": "auto-generated"}


def send_after_commit(subject, body, to, *, from_email=None, html=None):
    """Queue a mail for delivery once the current transaction commits (at once outside one)."""
    message = {
        "subject": str(subject),
        "body": str(body),
        "to": [str(address) for address in to],
        "from_email": from_email or settings.DEFAULT_FROM_EMAIL,
        "html": html,
        "headers": AUTO_SUBMITTED,
    }
    if message["to"]:
        transaction.on_commit(lambda: enqueue(message))


def enqueue(message):
    try:
        deliver_mail.enqueue(message)
    except Exception:  # noqa: BLE001 – a broken queue must not break the request that committed
        logger.exception("Mail %r to %s could not be queued", message["subject"], message["to"])


def build(message):
    mail = EmailMultiAlternatives(
        message["subject"],
        message["body"],
        message["from_email"],
        message["to"],
        headers=message["headers"],
    )
    if message["html"]:
        mail.attach_alternative(message["html"], "text/html")
    return mail


@task()
def deliver_mail(message):
    """Send one mail, retried a bounded number of times; True once it was sent."""
    attempts = max(int(settings.PORTAL_MAIL_ATTEMPTS), 1)
    for attempt in range(1, attempts + 1):
        try:
            build(message).send()
        except Exception:  # noqa: BLE001 – logged; the next attempt or the log is the answer
            logger.exception(
                "Mail %r to %s could not be sent (attempt %d of %d)",
                message["subject"],
                message["to"],
                attempt,
                attempts,
            )
            if attempt < attempts:
                time.sleep(settings.PORTAL_MAIL_RETRY_SECONDS * attempt)
        else:
            return True
    return False
