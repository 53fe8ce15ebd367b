"""The shared Redis cache that survives a Redis outage: each process then caches and counts in its own memory."""

import logging
import threading
import time
from urllib.parse import urlsplit

from django.core.cache import caches
from django.core.cache.backends.base import DEFAULT_TIMEOUT
from django.core.cache.backends.locmem import LocMemCache
from django.core.cache.backends.redis import RedisCache
from redis.exceptions import RedisError

logger = logging.getLogger(__name__)

# While Redis is down, one call per process tries it again after RETRY_SECONDS; the others skip it. The wait
# doubles with each failed retry up to LONGEST_RETRY_SECONDS, because a hung Redis costs the retrying request
# its socket timeout; /healthz asks Redis on every probe, so recovery is noticed sooner wherever it is probed.
RETRY_SECONDS = 5.0
LONGEST_RETRY_SECONDS = 60.0
# While the outage lasts, a reminder is logged at most this often.
REMINDER_SECONDS = 60.0
# The clock of outages (monotonic, so that a change of the wall clock neither starts nor ends one).
clock = time.monotonic


class Outage:
    """Whether one configured Redis is down, since when, and when to try it again; shared by all threads."""

    def __init__(self, server: str):
        self.server = server
        self.since: float | None = None
        self.retry_at = 0.0
        self.retry_wait = RETRY_SECONDS
        self.retrying = False  # a call is trying Redis again after the wait
        self.reminded_at = 0.0
        self._lock = threading.Lock()

    def skip_redis(self) -> bool:
        if self.since is None:
            return False
        now = clock()
        if now < self.retry_at:
            return True
        with self._lock:
            if now < self.retry_at:
                return True  # another thread took this retry
            self.retry_at = now + self.retry_wait  # this call is the retry; the others keep skipping Redis
            self.retrying = True
            return False

    def failed(self, error: Exception):
        now = clock()
        with self._lock:
            if self.since is None:
                self.since = self.reminded_at = now
                self.retry_wait, self.retrying = RETRY_SECONDS, False
                self.retry_at = now + self.retry_wait
                logger.warning(
                    "The cache at %s cannot be reached (%s: %s). Pages are served without it; each process caches "
                    "and throttles in its own memory until it answers again (tried after %.0f s, then less often).",
                    self.server,
                    type(error).__name__,
                    error,
                    RETRY_SECONDS,
                )
                return
            if self.retrying:  # not the other calls that were under way when Redis went
                self.retrying = False
                self.retry_wait = min(2 * self.retry_wait, LONGEST_RETRY_SECONDS)
                self.retry_at = now + self.retry_wait
            if now - self.reminded_at >= REMINDER_SECONDS:
                self.reminded_at = now
                logger.warning(
                    "The cache at %s still cannot be reached after %.0f s (%s: %s).",
                    self.server,
                    now - self.since,
                    type(error).__name__,
                    error,
                )

    def answered(self):
        if self.since is None:
            return  # the usual case: no lock, nothing to do
        with self._lock:
            if self.since is not None:
                logger.warning("The cache at %s answers again after %.0f s.", self.server, clock() - self.since)
                self.since = None


_outages: dict[tuple, Outage] = {}
_outages_lock = threading.Lock()


def _outage_of(servers: list[str], key_prefix: str) -> Outage:
    """One record per configured cache (its servers and key prefix), whichever thread asks."""
    key = (tuple(servers), key_prefix)
    with _outages_lock:
        if key not in _outages:
            _outages[key] = Outage(", ".join(_host_and_port(url) for url in servers))
        return _outages[key]


def _host_and_port(url: str) -> str:
    """How logs name a Redis: never with the password the URL may carry."""
    parts = urlsplit(url)
    return f"{parts.hostname}:{parts.port or 6379}"


class ResilientRedisCache(RedisCache):
    """Django's Redis cache, except that a Redis error never reaches the caller.

    When Redis cannot be reached (refused, timed out, a broken answer), the operation goes to a small
    local-memory cache of this process instead, as if REDIS_URL were unset: pages are rendered and kept
    per process, and throttles count per process, so an anonymous client gets one allowance per process
    rather than none (a site outage) or an unlimited one. Every key the project caches is derived from
    what the value depends on (content hashes, revisions), so nothing stale can come back from either
    side; only a delete made during an outage does not reach Redis.
    """

    def __init__(self, server, params):
        super().__init__(server, params)
        self._outage = _outage_of(self._servers, self.key_prefix)
        # LocMemCache shares its storage between instances of the same name: one per process and cache.
        local_params = {**params, "OPTIONS": {}}
        self._local = LocMemCache(f"resilient-redis:{self._outage.server}:{self.key_prefix}", local_params)

    def _call(self, operation: str, *args, **kwargs):
        if self._outage.skip_redis():
            return getattr(self._local, operation)(*args, **kwargs)
        try:
            result = getattr(super(), operation)(*args, **kwargs)
        except RedisError as error:
            self._outage.failed(error)
            return getattr(self._local, operation)(*args, **kwargs)
        self._outage.answered()
        return result

    def ping(self) -> bool:
        """Ask Redis itself, whatever the outage record says; an answer ends the outage at once."""
        try:
            self._cache.get_client(write=True).ping()
        except RedisError as error:
            self._outage.failed(error)
            return False
        self._outage.answered()
        return True

    def add(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("add", key, value, timeout, version)

    def get(self, key, default=None, version=None):
        return self._call("get", key, default, version)

    def set(self, key, value, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("set", key, value, timeout, version)

    def touch(self, key, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("touch", key, timeout, version)

    def delete(self, key, version=None):
        return self._call("delete", key, version)

    def get_many(self, keys, version=None):
        return self._call("get_many", list(keys), version)

    def has_key(self, key, version=None):
        return self._call("has_key", key, version)

    def incr(self, key, delta=1, version=None):
        return self._call("incr", key, delta, version)

    def set_many(self, data, timeout=DEFAULT_TIMEOUT, version=None):
        return self._call("set_many", data, timeout, version)

    def delete_many(self, keys, version=None):
        return self._call("delete_many", list(keys), version)

    def clear(self):
        return self._call("clear")


def cache_status(alias: str = "default") -> str:
    """Whether Redis answers ("ok", "down"), or "not configured" when each process has its own memory cache."""
    cache = caches[alias]
    if isinstance(cache, ResilientRedisCache):
        return "ok" if cache.ping() else "down"
    return "not configured"
