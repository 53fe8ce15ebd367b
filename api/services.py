"""Writes of the API app: the users' API tokens (one per user); every write is atomic."""

from django.db import transaction
from rest_framework.authtoken.models import Token


class TokenNotAllowed(Exception):
    """Only members of a maker or a retailer hold API tokens."""


def may_hold_token(user) -> bool:
    """Tokens are for members of a maker (to maintain products) or of a retailer (to keep an assortment and print)."""
    return user.is_authenticated and (user.maker_memberships.exists() or user.retailer_memberships.exists())


@transaction.atomic
def issue_token(user) -> Token:
    """A new token for the user; an existing one is revoked, so that creating one also rotates it."""
    if not may_hold_token(user):
        raise TokenNotAllowed(user)
    Token.objects.filter(user=user).delete()
    return Token.objects.create(user=user)


@transaction.atomic
def revoke_token(user) -> bool:
    """Revoke the user's token; returns whether there was one. Programs that used it can no longer sign in."""
    deleted, _by_model = Token.objects.filter(user=user).delete()
    return bool(deleted)
