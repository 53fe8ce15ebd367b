"""Whole public pages kept in the cache for visitors who see them exactly as everyone else does."""

import hashlib
import re
from collections.abc import Callable

from django.conf import settings
from django.contrib import messages
from django.core.cache import cache
from django.http import HttpResponse
from django.middleware.csrf import get_token

_CSRF_INPUT = re.compile(r'name="csrfmiddlewaretoken" value="([^"]+)"')
# Stands in for the visitor's CSRF token in cached pages; derived from the secret key, so nobody can forge it.
CSRF_PLACEHOLDER = "csrf-" + hashlib.sha256(f"{settings.SECRET_KEY}|passport-page".encode()).hexdigest()[:32]


def plain_visitor(request) -> bool:
    """Anonymous and without pending messages: sees the page exactly as everyone else does.

    Without any cookie there can be neither a session nor messages, which spares loading them.
    """
    if not request.COOKIES:
        return True
    return not request.user.is_authenticated and not len(messages.get_messages(request))


def page_key(prefix: str, *parts: object) -> str:
    """A cache key for a page from everything that determines it."""
    return f"{prefix}:" + hashlib.sha256("|".join(str(part) for part in parts).encode()).hexdigest()


def cached_page(request, key: str, render: Callable[[], HttpResponse], seconds: int) -> HttpResponse:
    """The page kept under ``key``, with this visitor's CSRF token put in; else ``render()``, kept if it is a 200.

    The visitor's token is the only part of such a page that differs between visitors, so the page is kept
    with a placeholder where the token goes.
    """
    html = cache.get(key)
    if html is not None:
        return HttpResponse(html.replace(CSRF_PLACEHOLDER, get_token(request)))
    response = render()
    if response.status_code == 200:
        rendered = response.content.decode()
        token = _CSRF_INPUT.search(rendered)
        cache.set(key, rendered.replace(token.group(1), CSRF_PLACEHOLDER) if token else rendered, seconds)
    return response
