"""Writes of the API app: the users' API tokens (one per user); every write is atomic."""

from django.db import transaction
from rest_framework.authtoken.models import Token

from catalogue.accounts.selectors import roles_of


class TokenNotAllowed(Exception):
    """Only owners of a maker or a retailer hold API tokens."""


@transaction.atomic
def issue_token(user) -> Token:
    """A new token for the user; an existing one is revoked, so that creating one also rotates it."""
    if not roles_of(user).may_hold_token:
        raise TokenNotAllowed(user)
    Token.objects.filter(user=user).delete()
    return Token.objects.create(user=user)


@transaction.atomic
def revoke_token(user) -> bool:
    """Revoke the user's token; returns whether there was one. Programs that used it can no longer sign in."""
    deleted, _by_model = Token.objects.filter(user=user).delete()
    return bool(deleted)
