"""Staff with an authenticator app, and signing in through the real login and two-factor pages, for any test.

``staff_with_totp()`` makes a staff user with a TOTP authenticator (stored as allauth stores it, the secret
encrypted); ``totp_code(secret)`` is the code an authenticator app shows now; ``log_in(client, user, secret)``
posts the password to the login page and the code to allauth's two-factor page, so that the session really
passed both, as the admin and the review queue require of staff (catalogue/accounts/staff_mfa.py).
The ``staff_client`` fixture in tests/conftest.py is a test client signed in that way.
"""

import time

from allauth.mfa.models import Authenticator
from allauth.mfa.totp.internal.auth import TOTP, format_hotp_value, generate_totp_secret, hotp_value
from allauth.mfa.utils import decrypt
from django.urls import reverse

from tests.factories import UserFactory

PASSWORD = "correct horse battery staple"  # every factory user's password
PERIOD = 30  # seconds a TOTP code lasts (allauth's default, MFA_TOTP_PERIOD)


def add_totp(user, secret: str | None = None) -> str:
    """Give ``user`` an authenticator app, as allauth's activation does; returns the secret (base32)."""
    secret = secret or generate_totp_secret()
    TOTP.activate(user, secret)
    return secret


def staff_with_totp(**fields):
    """A staff user (superuser unless told otherwise) with an authenticator app: ``(user, secret)``."""
    fields = {"is_staff": True, "is_superuser": True, **fields}
    user = UserFactory(**fields)
    return user, add_totp(user)


def totp_code(secret: str) -> str:
    """The code an authenticator app with ``secret`` shows now.

    allauth accepts only the current period's code (no tolerance), so a code taken in the last two seconds of
    its period waits for the next one: the test then never posts a code that expired on the way.
    """
    if PERIOD - time.time() % PERIOD < 2:
        time.sleep(PERIOD - time.time() % PERIOD + 0.05)
    return format_hotp_value(hotp_value(secret, int(time.time()) // PERIOD))


def totp_secret_of(user) -> str:
    """The secret of ``user``'s authenticator app, decrypted as allauth does."""
    authenticator = Authenticator.objects.get(user=user, type=Authenticator.Type.TOTP)
    return decrypt(authenticator.data["secret"])


def log_in(client, user, secret: str | None = None, password: str = PASSWORD, login: str | None = None):
    """Sign ``client`` in through the login page and, when ``secret`` is given, allauth's two-factor page.

    Returns the last response (a redirect into the site). Fails the test when a step does not go through.
    """
    response = client.post(reverse("login"), {"login": login or user.username, "password": password})
    assert response.status_code == 302, f"login refused: {response.status_code}"
    if secret is None:
        return response
    assert response["Location"] == reverse("mfa_authenticate"), response["Location"]
    response = client.post(reverse("mfa_authenticate"), {"code": totp_code(secret)})
    assert response.status_code == 302, "the TOTP code was refused"
    assert client.session.get("_auth_user_id") == str(user.pk)
    return response


def reauthenticate(client, password: str = PASSWORD):
    """Confirm the password again, as allauth asks before a second factor changes (within 5 minutes)."""
    response = client.post(reverse("account_reauthenticate"), {"password": password})
    assert response.status_code == 302, "re-authentication refused"
    return response
