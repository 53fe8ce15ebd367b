"""A user's e-mail addresses as allauth keeps them: the one writer of a verified, primary address."""

from allauth.account.models import EmailAddress


def confirm_address(user, email: str | None = None) -> EmailAddress:
    """Record ``email`` (default: ``user.email``) as the user's verified, primary address, and on the user.

    For addresses already proven by other means: an accepted invitation was opened from a mail to it, and
    staff or the demo loader vouch for theirs. Logging in needs a verified address (docs/accounts.md).
    """
    email = (email or user.email).strip()
    if not email:
        raise ValueError("A verified address needs an e-mail address.")
    if user.email != email:
        user.email = email
        user.save(update_fields=["email"])
    EmailAddress.objects.filter(user=user).exclude(email__iexact=email).update(primary=False)
    address, _created = EmailAddress.objects.update_or_create(
        user=user, email__iexact=email, defaults={"email": email, "verified": True, "primary": True}
    )
    return address
