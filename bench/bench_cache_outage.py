"""What a Redis outage costs per request: the passport page and the API lookup with Redis up, down and hung.

gunicorn (2 workers) serves one temporary database of 200 products four times: without REDIS_URL
(each worker's own memory cache, the baseline), with the real Redis on 127.0.0.1:6379 (database 14,
emptied afterwards), with REDIS_URL at a closed port, and at a server that accepts connections and
never answers. While Redis is down, catalogue/infrastructure/cache.py serves from each process's
memory and tries Redis once per retry interval, so the figures with Redis down should stay close to
the baseline. Run alone: ``python bench/run.py cache_outage``.
"""

import contextlib
import os
import socket
import sys
import tempfile
import threading
from pathlib import Path

if __package__ in (None, ""):  # run as a script in a subprocess: make ``bench`` importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import compare, gunicorn, identity, populate, raw_requests, row, run_in_subprocess

PRODUCTS = 200
REDIS_DB = 14
CLOSED_PORT = 6390


def prepare() -> None:
    import django

    django.setup()
    populate(PRODUCTS)


@contextlib.contextmanager
def redis_url(url: str | None):
    """gunicorn takes its environment from this process's: set REDIS_URL for the servers started inside."""
    previous = os.environ.pop("REDIS_URL", None)
    if url:
        os.environ["REDIS_URL"] = url
    try:
        yield
    finally:
        os.environ.pop("REDIS_URL", None)
        if previous is not None:
            os.environ["REDIS_URL"] = previous


@contextlib.contextmanager
def hung_redis():
    """A port that accepts connections and never answers; yields its URL."""
    listener = socket.create_server(("127.0.0.1", 0))
    held = []

    def hold():
        with contextlib.suppress(OSError):
            while True:
                held.append(listener.accept()[0])

    threading.Thread(target=hold, daemon=True).start()
    try:
        yield f"redis://127.0.0.1:{listener.getsockname()[1]}/0"
    finally:
        with contextlib.suppress(OSError):
            listener.shutdown(socket.SHUT_RDWR)
        listener.close()
        for connection in held:
            connection.close()


def _empty_redis_database() -> None:
    import redis

    client = redis.Redis(host="127.0.0.1", port=6379, db=REDIS_DB)
    for key in client.scan_iter(":1:*"):  # the keys Django wrote there (no key prefix, version 1)
        client.delete(key)


def run() -> list[dict]:
    codes = [identity(index) for index in range(PRODUCTS)]
    targets = {
        "page": (raw_requests([f"/p/{code}" for _gtin, code in codes]), 200),
        "lookup": (raw_requests([f"/api/v1/lookup?code={gtin}" for gtin, _code in codes]), 200),
    }
    measured = {}
    with tempfile.TemporaryDirectory(prefix="gw-bench-") as temporary:
        database = Path(temporary) / "bench-cache.sqlite3"
        run_in_subprocess(__file__, "prepare", database=database)
        with hung_redis() as hung:
            scenarios = {
                "local memory": None,
                "Redis up": f"redis://127.0.0.1:6379/{REDIS_DB}",
                "Redis down": f"redis://127.0.0.1:{CLOSED_PORT}/0",
                "Redis hung": hung,
            }
            for scenario, url in scenarios.items():
                with redis_url(url), gunicorn(database) as port:
                    measured[scenario] = compare(port, targets)
        _empty_redis_database()

    errors = sum(result["errors"] for by_target in measured.values() for result in by_target.values())
    if errors:
        print(f"   !! {errors} requests answered with an unexpected status", flush=True)
    rows = []
    for target, label in (("page", "passport page"), ("lookup", "API lookup (throttled)")):
        baseline = measured["local memory"][target]["rps"]
        rows.append(row(f"{label}, no REDIS_URL (baseline)", baseline, "req/s"))
        for scenario in ("Redis up", "Redis down", "Redis hung"):
            result = measured[scenario][target]
            rows.append(
                row(f"{label}, {scenario}", result["rps"], "req/s", baseline=baseline, ratio=result["rps"] / baseline)
            )
            rows.append(row(f"{label}, {scenario}: median latency", result["median_ms"], "ms"))
    return rows


if __name__ == "__main__":
    if sys.argv[1] == "prepare":
        prepare()
