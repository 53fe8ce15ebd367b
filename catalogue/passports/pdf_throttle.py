"""How many passports each client may have rendered as PDF per period, counted in the shared cache."""

import contextlib
import logging
import math
import re
import time
from dataclasses import dataclass

from django.core.cache import cache
from django.core.exceptions import ImproperlyConfigured

_RATE = re.compile(r"^\s*(\d+)\s*/\s*(s|sec|second|m|min|minute|h|hour|d|day)\s*$")
_SECONDS = {"s": 1, "m": 60, "h": 3600, "d": 86400}
logger = logging.getLogger(__name__)
clock = time.time  # wall time: every worker and machine must agree on the current window
# A render slot whose holder died (a killed worker) frees itself after this long; a render within the
# page budget takes a few seconds at most.
SLOT_SECONDS = 30
# What a client refused for want of a free slot is told to wait.
BUSY_RETRY_SECONDS = 2


@dataclass(frozen=True)
class Rate:
    """At most ``limit`` passports rendered per ``seconds``."""

    limit: int
    seconds: int


@dataclass(frozen=True)
class Refusal:
    """The client has used its allowance; it may render again after ``retry_after`` seconds."""

    rate: Rate
    retry_after: int


def parse_rate(name: str, text: str) -> Rate:
    """A rate such as ``60/minute`` (``s``, ``m``, ``h`` or ``d`` and their long names)."""
    match = _RATE.match(text or "")
    if not match:
        raise ImproperlyConfigured(f"{name} should be a number of passports per period, e.g. 60/minute, not {text!r}")
    return Rate(int(match.group(1)), _SECONDS[match.group(2)[0]])


def _window(rate: Rate) -> tuple[float, int]:
    now = clock()
    return now, int(now // rate.seconds)


def _retry_after(rate: Rate, now: float, window: int) -> int:
    return max(1, math.ceil((window + 1) * rate.seconds - now))


def spent(client: str, rate: Rate, *, remembered_only: bool = False) -> Refusal | None:
    """A Refusal when ``client`` was refused with nothing left in this window; one cache read, nothing else.

    The views ask this first, before reading any passport: a flood of requests from a client that has
    spent its allowance then costs the server no more than the cheapest page. ``remembered_only`` asks
    only this process's memory, never the shared cache (pdf_early_refusal, before Django runs at all).
    """
    now, window = _window(rate)
    key = f"pdf-throttle-spent:{client}:{window}"
    if key in _spent_here:
        return Refusal(rate, _retry_after(rate, now, window))
    if not remembered_only and cache.get(key):
        _remember_spent(key)
        return Refusal(rate, _retry_after(rate, now, window))
    return None


# Clients this process has seen spent, by window. Spent stays spent until its window ends, so a repeated
# refusal needs no cache read at all (under a flood, the Redis round trip was most of a refusal's cost).
# Forgotten wholesale past this many, which also drops the ended windows' keys.
_spent_here: set[str] = set()
SPENT_REMEMBERED = 10_000


def _remember_spent(key: str) -> None:
    if key not in _spent_here:
        if len(_spent_here) >= SPENT_REMEMBERED:
            _spent_here.clear()
        _spent_here.add(key)


def forget_spent_clients() -> None:
    """Forget this process's memory of spent clients, as when the shared cache is emptied (tests)."""
    _spent_here.clear()


def charge(client: str, cost: int, rate: Rate) -> Refusal | None:
    """Count ``cost`` rendered passports for ``client``; a Refusal (and nothing counted) beyond the rate.

    Fixed windows of the rate's period, one counter per client and window, incremented atomically in
    the shared cache (Redis INCR), so all workers and machines share it. While Redis is down, the
    resilient cache counts in each process's memory: the allowance then holds per process.
    """
    now, window = _window(rate)
    key = f"pdf-throttle:{client}:{window}"
    cache.add(key, 0, rate.seconds + 1)
    try:
        used = cache.incr(key, cost)
    except ValueError:  # the counter expired between add and incr: this is its first use in a new window
        cache.set(key, cost, rate.seconds + 1)
        used = cost
    if used <= rate.limit:
        return None
    cache.incr(key, -cost)  # a refused request renders nothing, so it costs nothing
    # Not even one passport is left: refuse everything else at once (``spent``), and say so once per client
    # and window, since the refusals that follow are not logged one by one (pdf_flood).
    spent_key = f"pdf-throttle-spent:{client}:{window}"
    if used - cost >= rate.limit and cache.add(spent_key, True, rate.seconds + 1):
        _remember_spent(spent_key)
        logger.warning("PDF allowance spent by %s (%d/%ds): refusing its renders", client, rate.limit, rate.seconds)
    return Refusal(rate, _retry_after(rate, now, window))


@contextlib.contextmanager
def render_slot(slots: int | None):
    """Whether one of ``slots`` site-wide render slots is free (then held for the block); None: no limit.

    Per-client allowances alone let many clients render at once, each within its allowance, until every
    worker renders and no page is served. A few slots keep the other workers for everyone else.
    """
    if slots is None:
        yield True
        return
    taken = next(
        (key for key in (f"pdf-render-slot:{n}" for n in range(slots)) if cache.add(key, 1, SLOT_SECONDS)), None
    )
    try:
        yield taken is not None
    finally:
        if taken is not None:
            cache.delete(taken)
