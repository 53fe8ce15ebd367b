"""The client address of a request: the socket's, or the one the trusted proxies saw (TRUSTED_PROXY_COUNT)."""

from django.conf import settings


def client_address(request) -> str:
    """The address to count the client of ``request`` by (``address_in``)."""
    return address_in(request.META)


def address_in(meta) -> str:
    """The address to count a client by (from a request's META or a WSGI environ); never what the client claims.

    With no trusted proxy (the default) it is the socket address, whatever X-Forwarded-For says. Behind
    ``TRUSTED_PROXY_COUNT`` proxies, each of which appends the address it saw, the client is the entry that
    many places from the right: everything to its left was sent by the client and may be forged. A header
    with fewer entries than that did not pass every proxy, so it proves nothing: the socket address counts.
    """
    remote = meta.get("REMOTE_ADDR", "")
    trusted = settings.TRUSTED_PROXY_COUNT
    if not trusted:
        return remote
    forwarded = [entry.strip() for entry in meta.get("HTTP_X_FORWARDED_FOR", "").split(",") if entry.strip()]
    if len(forwarded) < trusted:
        return remote
    return forwarded[-trusted]
