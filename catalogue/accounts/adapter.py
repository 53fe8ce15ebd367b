"""allauth's adapter for the catalogue: no public sign-up, mails in the recipient's language from the job queue."""

from allauth.account.adapter import DefaultAccountAdapter
from allauth.account.models import EmailAddress
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.mail import EmailMultiAlternatives
from django.template import TemplateDoesNotExist
from django.template.loader import render_to_string
from django.utils import translation

from catalogue.infrastructure.clients import client_address
from catalogue.mail.services import queue_message

from .preferences import language_of, remember_language


def recipient_of(email: str, context: dict):
    """The user a mail to ``email`` is for: the one allauth names, else the owner of the address, else None."""
    user = context.get("user")
    if user is not None and getattr(user, "pk", None):
        return user
    address = EmailAddress.objects.filter(email__iexact=email).select_related("user").first()
    if address is not None:
        return address.user
    return get_user_model().objects.filter(email__iexact=email).first()


class CatalogueAccountAdapter(DefaultAccountAdapter):
    """Accounts come from invitations, never from a public sign-up form; mails leave through catalogue.mail."""

    def is_open_for_signup(self, request) -> bool:
        return False

    def get_client_ip(self, request) -> str:
        # allauth's rate limits count clients as the throttles and the lockout do (TRUSTED_PROXY_COUNT).
        return client_address(request)

    def format_email_subject(self, subject) -> str:
        return f"{translation.gettext('Gläserne Werkstatt')}: {subject}"

    def render_mail(self, template_prefix, email, context, headers=None) -> EmailMultiAlternatives:
        """Subject, text part and HTML part from allauth's template names, with the site's base URL at hand."""
        to = [email] if isinstance(email, str) else list(email)
        context = {"site_base_url": settings.SITE_BASE_URL, "language": translation.get_language(), **context}
        subject = " ".join(render_to_string(f"{template_prefix}_subject.txt", context).split())
        text = render_to_string(f"{template_prefix}_message.txt", context).strip() + "\n"
        try:
            html = render_to_string(f"{template_prefix}_message.html", context)
        except TemplateDoesNotExist:  # a mail of a feature the site leaves off (e.g. login by code)
            html = render_to_string("account/email/text_as_html.html", {**context, "text": text})
        message = EmailMultiAlternatives(
            self.format_email_subject(subject), text, self.get_from_email(), to, headers=headers
        )
        message.attach_alternative(html, "text/html")
        return message

    def send_mail(self, template_prefix: str, email: str, context: dict) -> None:
        """Render in the recipient's language (their saved one, else the page's) and queue it for the worker."""
        user = recipient_of(email, context)
        language = language_of(user) if user is not None else translation.get_language()
        request = getattr(self, "request", None)
        with translation.override(language):
            message = self.render_mail(
                template_prefix, email, {"request": request, "email": email, "recipient": user, **context}
            )
        queue_message(message)

    def login(self, request, user) -> None:
        """Log in, and remember the page's language as the one to write to this user in."""
        super().login(request, user)
        remember_language(user)
