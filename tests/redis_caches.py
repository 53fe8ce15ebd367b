"""The project's cache as settings.py builds it from REDIS_URL: against the real Redis, a closed port or a relay.

``redis_cache`` uses the real Redis on 127.0.0.1:6379 (database 15, a key prefix of its own, and only
those keys are removed afterwards), ``down_cache`` a closed port, ``silent_cache`` a server that
accepts connections and never answers (a hung Redis), and ``switched_cache`` the real Redis behind
a relay that a test can cut and restore, like a Redis that goes down and comes back.
"""

import contextlib
import os
import runpy
import socket
import threading
import uuid
from dataclasses import dataclass
from pathlib import Path
from unittest import mock

import pytest
import redis

SETTINGS_FILE = Path(__file__).resolve().parents[1] / "catalogue" / "settings.py"
REDIS_HOST, REDIS_PORT, REDIS_DB = "127.0.0.1", 6379, 15
CLOSED_PORT = 6390


def project_caches(redis_url: str, key_prefix: str) -> dict:
    """CACHES exactly as catalogue/settings.py builds them with REDIS_URL set, under a key prefix of their own."""
    with mock.patch.dict(os.environ, {"REDIS_URL": redis_url}):
        caches = runpy.run_path(str(SETTINGS_FILE))["CACHES"]
    return {"default": {**caches["default"], "KEY_PREFIX": key_prefix}}


def real_redis() -> redis.Redis:
    client = redis.Redis(host=REDIS_HOST, port=REDIS_PORT, db=REDIS_DB, socket_connect_timeout=1)
    try:
        client.ping()
    except redis.ConnectionError:
        pytest.fail(
            f"These tests need Redis on {REDIS_HOST}:{REDIS_PORT}: start it with "
            "`redis-server --daemonize yes` (.ci/run installs and starts it)."
        )
    return client


@dataclass
class UsedCache:
    """The Redis a test's cache talks to, and the key prefix that is the test's own."""

    client: redis.Redis
    prefix: str

    def keys(self, pattern: str = "*") -> list[str]:
        return sorted(key.decode() for key in self.client.scan_iter(f"{self.prefix}:*:{pattern}"))


def _own_prefix() -> str:
    return f"test-{uuid.uuid4().hex[:12]}"


def _remove_keys(client: redis.Redis, prefix: str):
    keys = list(client.scan_iter(f"{prefix}:*"))
    if keys:
        client.delete(*keys)


@pytest.fixture
def redis_cache(settings):
    """The project's cache on the real Redis; yields the Redis client and the test's key prefix."""
    client, prefix = real_redis(), _own_prefix()
    settings.CACHES = project_caches(f"redis://{REDIS_HOST}:{REDIS_PORT}/{REDIS_DB}", prefix)
    yield UsedCache(client, prefix)
    _remove_keys(client, prefix)


@pytest.fixture
def down_cache(settings):
    """The project's cache with REDIS_URL pointing at a port where no Redis listens."""
    with socket.socket() as probe:
        if probe.connect_ex(("127.0.0.1", CLOSED_PORT)) == 0:
            pytest.fail(f"Port {CLOSED_PORT} should be closed for this test, but something listens on it.")
    settings.CACHES = project_caches(f"redis://127.0.0.1:{CLOSED_PORT}/0", _own_prefix())


class RedisRelay:
    """A TCP relay in front of the real Redis on a port of its own; ``cut()`` and ``restore()`` switch it."""

    def __init__(self):
        self.port = 0
        self._connections: list[socket.socket] = []
        self._listener = None
        self.restore()

    def restore(self):
        self._listener = socket.create_server(("127.0.0.1", self.port))
        self.port = self._listener.getsockname()[1]
        threading.Thread(target=self._accept, args=(self._listener,), daemon=True).start()

    def cut(self):
        """Refuse new connections and drop the open ones, as a Redis that went down."""
        with contextlib.suppress(OSError):
            self._listener.shutdown(socket.SHUT_RDWR)  # wakes the accepting thread; close() alone would not
        self._listener.close()
        for connection in self._connections:
            with contextlib.suppress(OSError):
                connection.shutdown(socket.SHUT_RDWR)
            connection.close()
        self._connections.clear()

    def _accept(self, listener):
        while True:
            try:
                downstream, _address = listener.accept()
            except OSError:
                return  # cut
            upstream = socket.create_connection((REDIS_HOST, REDIS_PORT))
            self._connections += [downstream, upstream]
            for source, target in ((downstream, upstream), (upstream, downstream)):
                threading.Thread(target=self._pump, args=(source, target), daemon=True).start()

    @staticmethod
    def _pump(source, target):
        with contextlib.suppress(OSError):
            while data := source.recv(65536):
                target.sendall(data)
        with contextlib.suppress(OSError):
            target.shutdown(socket.SHUT_WR)


@pytest.fixture
def switched_cache(settings):
    """The project's cache on the real Redis behind a ``RedisRelay``; yields (relay, UsedCache)."""
    client, prefix = real_redis(), _own_prefix()
    relay = RedisRelay()
    settings.CACHES = project_caches(f"redis://127.0.0.1:{relay.port}/{REDIS_DB}", prefix)
    yield relay, UsedCache(client, prefix)
    relay.cut()
    _remove_keys(client, prefix)


@pytest.fixture
def silent_cache(settings):
    """The project's cache pointing at a server that accepts connections and never answers, as a hung Redis."""
    listener = socket.create_server(("127.0.0.1", 0))
    held = []

    def hold():
        with contextlib.suppress(OSError):
            while True:
                held.append(listener.accept()[0])

    threading.Thread(target=hold, daemon=True).start()
    settings.CACHES = project_caches(f"redis://127.0.0.1:{listener.getsockname()[1]}/0", _own_prefix())
    yield
    with contextlib.suppress(OSError):
        listener.shutdown(socket.SHUT_RDWR)
    listener.close()
    for connection in held:
        connection.close()
