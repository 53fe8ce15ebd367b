"""Staff use two-factor authentication: for the admin and the review queue, and they cannot switch it off."""

from urllib.parse import urlencode

from allauth.account.authentication import get_authentication_records
from allauth.mfa.adapter import DefaultMFAAdapter
from allauth.mfa.models import Authenticator
from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

# Where staff need a session that passed a second factor. /admin/login/ only redirects to the site's login.
PROTECTED_PREFIXES = ("/admin/", "/review/")
OPEN_PATHS = ("/admin/login/", "/admin/logout/")
# A second factor that proves the person: an authenticator app or a security key (recovery codes only stand in).
SECOND_FACTORS = (Authenticator.Type.TOTP, Authenticator.Type.WEBAUTHN)


def has_second_factor(user) -> bool:
    return Authenticator.objects.filter(user_id=user.pk, type__in=SECOND_FACTORS).exists()


def passed_second_factor(request) -> bool:
    """Whether this session's login (or a re-authentication since) gave a second factor, as allauth recorded."""
    return any(record.get("method") == "mfa" for record in get_authentication_records(request, request.user))


def _with_next(url_name: str, request) -> str:
    return f"{reverse(url_name)}?{urlencode({'next': request.get_full_path()})}"


class StaffSecondFactorMiddleware:
    """Staff on /admin/ or /review/: no authenticator yet, set one up; a session without a second factor, give it.

    Runs after the session, authentication and allauth's middleware. A session that passed the second factor
    costs no query; the others one, to tell "set one up" from "give your code".
    """

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        user = getattr(request, "user", None)
        path = request.path_info
        if (
            user is not None
            and user.is_authenticated
            and user.is_staff
            and path.startswith(PROTECTED_PREFIXES)
            and not path.startswith(OPEN_PATHS)
            and not passed_second_factor(request)
        ):
            if not has_second_factor(user):
                messages.info(
                    request,
                    _(
                        "Staff use two-factor authentication for the administration and the review queue. "
                        "Set up an authenticator app first."
                    ),
                )
                return redirect(_with_next("mfa_activate_totp", request))
            messages.info(request, _("Confirm it is you with a code from your authenticator app."))
            return redirect(_with_next("mfa_reauthenticate", request))
        return self.get_response(request)


class CatalogueMFAAdapter(DefaultMFAAdapter):
    """allauth's MFA, except that staff keep at least one second factor (the admin needs it)."""

    def can_delete_authenticator(self, authenticator: Authenticator) -> bool:
        user = authenticator.user
        if not user.is_staff or authenticator.type not in SECOND_FACTORS:
            return super().can_delete_authenticator(authenticator)
        others = Authenticator.objects.filter(user_id=user.pk, type__in=SECOND_FACTORS).exclude(pk=authenticator.pk)
        return others.exists() and super().can_delete_authenticator(authenticator)
