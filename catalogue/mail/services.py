"""Writing mails: render a template pair in the recipient's language and queue the message for the worker."""

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import translation

from .tasks import deliver_mail


def message_data(message: EmailMultiAlternatives) -> dict:
    """A rendered message as JSON-ready data: what the worker needs to send it again, unchanged."""
    return {
        "subject": str(message.subject),
        "body": str(message.body),
        "from_email": message.from_email,
        "to": list(message.to),
        "cc": list(message.cc),
        "bcc": list(message.bcc),
        "reply_to": list(message.reply_to),
        "headers": dict(message.extra_headers),
        "alternatives": [[str(content), mimetype] for content, mimetype in message.alternatives],
    }


def queue_message(message: EmailMultiAlternatives) -> None:
    """Deliver ``message`` from the job queue once the current transaction commits (never inside the request).

    After the commit: a mail about something the transaction made (an invitation, a decision) is never sent
    for a change that was rolled back, and the worker finds the rows the mail links to.
    """
    data = message_data(message)
    transaction.on_commit(lambda: deliver_mail.enqueue(data))


def render_message(*, to: list[str], template: str, context: dict, language: str) -> EmailMultiAlternatives:
    """The mail ``mail/<template>`` in ``language``: subject, text part and HTML part from their three templates."""
    with translation.override(language):
        context = {"site_base_url": settings.SITE_BASE_URL, "language": language, **context}
        subject = " ".join(render_to_string(f"mail/{template}_subject.txt", context).split())
        text = render_to_string(f"mail/{template}.txt", context)
        html = render_to_string(f"mail/{template}.html", context)
    message = EmailMultiAlternatives(subject=subject, body=text, from_email=settings.DEFAULT_FROM_EMAIL, to=to)
    message.attach_alternative(html, "text/html")
    return message


def send_templated_mail(*, to: list[str] | str, template: str, context: dict, language: str) -> None:
    """Render ``mail/<template>`` in ``language`` and queue it for ``to`` (see ``queue_message``)."""
    recipients = [to] if isinstance(to, str) else list(to)
    queue_message(render_message(to=recipients, template=template, context=context, language=language))
