"""Gives every template the user's roles (``roles``), so that templates never query memberships."""

from django.utils.functional import SimpleLazyObject

from .selectors import roles_of


def roles(request):
    """``{{ roles.is_maker }}`` and friends; read once per request, and only when a template asks."""
    user = getattr(request, "user", None)
    return {"roles": SimpleLazyObject(lambda: roles_of(user))}
