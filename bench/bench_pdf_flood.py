"""The passport page under an anonymous PDF flood: `/p/<code>` throughput alone and while clients print batches.

gunicorn (2 workers, the shared cache in Redis database 13 on 127.0.0.1:6379, emptied afterwards; each
worker's own memory when Redis does not answer) serves 200 published products. The page is loaded with
nobody else on the server, then while ``FLOODERS`` anonymous clients request `/passports.pdf` batches of
20 different passports as fast as they can from a process of their own, each batch drawn at random so
that the PDF cache never helps them: once all from one address, once each from an address of its own
(behind one trusted proxy, ``TRUSTED_PROXY_COUNT=1``). The figure that matters is the ratio of the page's
throughput under the flood to its throughput alone, measured in the same run (target ≥ 0.5).
Run alone: ``python bench/run.py pdf_flood``.
"""

import contextlib
import multiprocessing
import os
import random
import statistics
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path

if __package__ in (None, ""):  # run as a script in a subprocess: make ``bench`` importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import (
    ROUNDS,
    gunicorn,
    identity,
    load,
    populate,
    raw_requests,
    request,
    row,
    run_in_subprocess,
)

PRODUCTS = 200
BATCH = 20
FLOODERS = int(os.environ.get("BENCH_FLOODERS", "8"))
REDIS_DB = 13
# The page is measured in this many rounds from the start of the flood (with LOAD_SECONDS of 1.5, the first
# 30 s): the median says what the flood costs while it lasts, the slowest round what its first burst costs.
FLOOD_ROUNDS = int(os.environ.get("BENCH_FLOOD_ROUNDS", "20"))


def prepare() -> None:
    import django

    django.setup()
    populate(PRODUCTS)


def _redis_url() -> str | None:
    import redis

    try:
        redis.Redis(host="127.0.0.1", port=6379, db=REDIS_DB, socket_connect_timeout=1).ping()
    except redis.RedisError:
        print("   (no Redis on 127.0.0.1:6379: each worker caches and throttles in its own memory)", flush=True)
        return None
    return f"redis://127.0.0.1:6379/{REDIS_DB}"


def _empty_redis_database() -> None:
    import redis

    client = redis.Redis(host="127.0.0.1", port=6379, db=REDIS_DB)
    for key in client.scan_iter(":1:*"):  # the keys Django wrote there (no key prefix, version 1)
        client.delete(key)


@contextlib.contextmanager
def environment(**values: str):
    """gunicorn takes its environment from this process's."""
    previous = {name: os.environ.get(name) for name in values}
    os.environ.update(values)
    try:
        yield
    finally:
        for name, value in previous.items():
            if value is None:
                os.environ.pop(name, None)
            else:
                os.environ[name] = value


def _flood_process(port: int, codes: list[str], own_addresses: bool, stop, results) -> None:
    """``FLOODERS`` threads requesting random batches until ``stop`` is set; puts the Counter of statuses."""
    statuses: Counter = Counter()
    lock = threading.Lock()

    def flooder(slot: int) -> None:
        randomiser = random.Random(slot)
        headers = {"X-Forwarded-For": f"198.51.100.{slot + 1}"} if own_addresses else {}
        while not stop.is_set():
            batch = ",".join(randomiser.sample(codes, BATCH))
            try:
                status = request(port, raw_requests([f"/passports.pdf?codes={batch}&lang=de"], headers)[0])
            except OSError:  # a timeout: the server had no worker free for this flooder for 10 s
                status = "timeout"
            with lock:
                statuses[status] += 1

    threads = [threading.Thread(target=flooder, args=(slot,), daemon=True) for slot in range(FLOODERS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    results.put(dict(statuses))


@contextlib.contextmanager
def flood(port: int, codes: list[str], *, own_addresses: bool):
    """The flooders in a process of their own until the block ends; yields the Counter of their statuses.

    Their own process, as an attacker's would be: in the measuring process, their threads would take the
    page clients' turns at the interpreter lock, and the figure would measure the client, not the server.
    They still share the machine's two cores with the server, as a flood from this machine would.
    """
    context = multiprocessing.get_context("spawn")
    stop, results = context.Event(), context.Queue()
    process = context.Process(target=_flood_process, args=(port, codes, own_addresses, stop, results))
    process.start()
    statuses: Counter = Counter()
    try:
        yield statuses
    finally:
        stop.set()
        statuses.update(results.get(timeout=60))
        process.join(timeout=60)


def _rounds(port: int, pages: list[bytes], count: int) -> tuple[float, float, int]:
    """Median and slowest requests per second of ``count`` rounds of ``LOAD_SECONDS``, and the errors."""
    rounds = [load(port, pages, 200) for _round in range(count)]
    rates = [result["rps"] for result in rounds]
    return statistics.median(rates), min(rates), sum(result["errors"] for result in rounds)


def run() -> list[dict]:
    codes = [code for _gtin, code in (identity(index) for index in range(PRODUCTS))]
    pages = raw_requests([f"/p/{code}" for code in codes])
    rows = []
    with tempfile.TemporaryDirectory(prefix="gw-bench-") as temporary:
        database = Path(temporary) / "bench-flood.sqlite3"
        run_in_subprocess(__file__, "prepare", database=database)
        url = _redis_url()
        settings = {"TRUSTED_PROXY_COUNT": "1", **({"REDIS_URL": url} if url else {})}
        errors = 0
        try:
            for own_addresses, label in ((False, "one address"), (True, f"{FLOODERS} addresses")):
                # A fresh server and cache for each scenario: every flooder starts with its whole allowance.
                if url:
                    _empty_redis_database()
                with environment(**settings), gunicorn(database) as port:
                    for raw in pages:  # warm-up: both workers connect and the page cache holds every page
                        request(port, raw)
                    alone, _slowest, alone_errors = _rounds(port, pages, ROUNDS)
                    with flood(port, codes, own_addresses=own_addresses) as statuses:
                        time.sleep(0.2)  # the flood is under way before the page is measured
                        flooded, slowest, flood_errors = _rounds(port, pages, FLOOD_ROUNDS)
                errors += alone_errors + flood_errors
                rows.append(row(f"passport page alone (before the flood from {label})", alone, "req/s"))
                rows.append(
                    row(
                        f"passport page, {FLOODERS} PDF flooders from {label}",
                        flooded,
                        "req/s",
                        baseline=alone,
                        ratio=flooded / alone,
                        target="≥ 0.5",
                    )
                )
                answered = ", ".join(f"{count} × {status}" for status, count in sorted(statuses.items(), key=str))
                print(f"   flood from {label}: {answered}", flush=True)
                rows.append(
                    row(
                        f"  slowest round of the flood from {label}",
                        slowest,
                        "req/s",
                        baseline=alone,
                        ratio=slowest / alone,
                    )
                )
                rows.append(row(f"  batch PDFs rendered for the flood from {label}", statuses[200], "PDFs"))
        finally:
            if url:
                _empty_redis_database()
    if errors:
        print(f"   !! {errors} page requests answered with an unexpected status", flush=True)
    return rows


if __name__ == "__main__":
    if sys.argv[1] == "prepare":
        prepare()
