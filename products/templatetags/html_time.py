"""The ``html_datetime`` filter: machine-readable times for ``<time datetime>`` that HTML accepts."""

import datetime

from django import template
from django.utils import timezone
from django.utils.dateparse import parse_datetime

register = template.Library()


@register.filter
def html_datetime(value) -> str:
    """``value`` as a valid HTML date string or global date and time string, e.g. ``2026-11-25T10:30:00.123+01:00``.

    HTML allows at most three fractional digits of a second, while Django's ``date:"c"`` writes six (microseconds),
    so times are cut to milliseconds. Aware times are shown in the current time zone, as ``date`` does; text (a
    snapshot's ISO timestamp) is parsed first. Anything else gives an empty string.
    """
    if isinstance(value, str):
        value = parse_datetime(value)
    if isinstance(value, datetime.datetime):
        if timezone.is_aware(value):
            value = timezone.localtime(value)
        return value.isoformat(timespec="milliseconds" if value.microsecond else "seconds")
    if isinstance(value, datetime.date):
        return value.isoformat()
    return ""
