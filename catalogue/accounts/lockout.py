"""The login lockout (django-axes): which account an attempt is for, and the page a locked-out client sees."""

from allauth.account.models import EmailAddress
from axes.helpers import get_client_username, get_cool_off
from axes.models import AccessAttempt
from django.conf import settings
from django.contrib.auth import get_user_model
from django.db.models import Max, Q
from django.shortcuts import render
from django.utils import timezone

from catalogue.infrastructure.clients import client_address


def account_of_credentials(request, credentials: dict | None) -> str:
    """The account an attempt counts against, whether it named the username or one of the account's addresses.

    allauth's login form sends what was typed as ``username`` and, when it looks like one, as ``email`` too;
    the admin's old form and ``authenticate()`` send ``username``. Counting the account rather than the text
    typed stops a guesser from getting twice the tries by switching between username and address.
    """
    credentials = credentials or {}
    typed = credentials.get("email") or credentials.get("username") or request.POST.get("login") or ""
    typed = str(typed).strip()
    if "@" in typed:
        address = EmailAddress.objects.filter(email__iexact=typed).values_list("user__username", flat=True).first()
        username = address or (
            get_user_model().objects.filter(email__iexact=typed).values_list("username", flat=True).first()
        )
        if username:
            return username.lower()
    return typed.lower()


def lockout_ends_at(request, credentials: dict | None):
    """When the lockout of this attempt's account or address ends: the cool-off after the last failure counted.

    Attempts refused during a lockout are not counted (AXES_RESET_COOL_OFF_ON_FAILURE_DURING_LOCKOUT is off),
    so knocking again does not push the end further away.
    """
    username = get_client_username(request, credentials)
    address = getattr(request, "axes_ip_address", None) or client_address(request)
    last = AccessAttempt.objects.filter(Q(username=username) | Q(ip_address=address)).aggregate(
        last=Max("attempt_time")
    )["last"]
    return (last or timezone.now()) + get_cool_off(request)


def lockout_response(request, original_response=None, credentials=None):
    """The lockout page (429): login refused for now, and when to try again, in the page's language."""
    ends_at = lockout_ends_at(request, credentials)
    wait_seconds = max(0, int((ends_at - timezone.now()).total_seconds()))
    context = {
        "failure_limit": settings.AXES_FAILURE_LIMIT,
        "cool_off_minutes": int(get_cool_off(request).total_seconds() // 60),
        "try_again_at": timezone.localtime(ends_at),
        "wait_minutes": max(1, -(-wait_seconds // 60)),
    }
    response = render(request, "account/lockout.html", context, status=settings.AXES_HTTP_RESPONSE_CODE)
    response["Retry-After"] = str(wait_seconds)
    return response
