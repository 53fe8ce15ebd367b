"""The background task that hands a rendered mail to the mail server, and tries again when it cannot."""

import logging
import smtplib
from datetime import timedelta

from django.core.mail import EmailMultiAlternatives, get_connection
from django.utils import timezone
from django_tasks import task

logger = logging.getLogger(__name__)

# A mail server that is down or refuses for a while (greylisting, a restart) gets this many tries in all,
# the waits between them growing from a minute to about an hour and a half.
ATTEMPTS = 6
FIRST_WAIT_SECONDS = 60
# Failures worth another try: the server or the network, not a message that can never be delivered.
TRANSIENT_ERRORS = (smtplib.SMTPServerDisconnected, smtplib.SMTPConnectError, smtplib.SMTPDataError, OSError)


def retry_wait(attempt: int) -> timedelta:
    """How long to wait after failed try number ``attempt`` (1, 2, …) before the next one."""
    return timedelta(seconds=FIRST_WAIT_SECONDS * 3 ** (attempt - 1))


def build_message(data: dict) -> EmailMultiAlternatives:
    message = EmailMultiAlternatives(
        subject=data["subject"],
        body=data["body"],
        from_email=data["from_email"],
        to=data["to"],
        cc=data.get("cc") or [],
        bcc=data.get("bcc") or [],
        reply_to=data.get("reply_to") or [],
        headers=data.get("headers") or {},
        connection=get_connection(),
    )
    for content, mimetype in data.get("alternatives") or []:
        message.attach_alternative(content, mimetype)
    return message


@task()
def deliver_mail(data: dict, attempt: int = 1) -> str:
    """Send one queued mail; on a transient failure queue the next try, up to ``ATTEMPTS`` tries in all."""
    recipients = ", ".join(data["to"])
    try:
        build_message(data).send()
    except smtplib.SMTPRecipientsRefused as error:  # the address itself: no later try will do better
        logger.error("Mail %r to %s refused by the mail server: %s", data["subject"], recipients, error)
        return "refused"
    except TRANSIENT_ERRORS as error:
        if attempt >= ATTEMPTS:
            logger.error("Mail %r to %s not sent after %d tries: %s", data["subject"], recipients, attempt, error)
            return "failed"
        wait = retry_wait(attempt)
        logger.warning(
            "Mail %r to %s not sent (try %d of %d: %s); trying again in %s.",
            data["subject"], recipients, attempt, ATTEMPTS, error, wait,
        )  # fmt: skip
        deliver_mail.using(run_after=timezone.now() + wait).enqueue(data, attempt + 1)
        return "retrying"
    return "sent"
