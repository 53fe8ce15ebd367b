"""Latency measures of bench/scale.py: single requests one after another, and many connections at once."""

import itertools
import socket
import statistics
import threading
import time

LATENCY_REQUESTS, LATENCY_SECONDS = 40, 30.0
CONCURRENT_SECONDS = 15.0
WARM_ROUNDS = 8  # a request reaches either of the 2 workers: after 8, each has kept the page but once in 128


def slow_request(port: int, raw: bytes, timeout: float = 170.0) -> int:
    """``bench.common.request`` with a longer timeout (a search of a million rows takes seconds); 0 on timeout."""
    try:
        with socket.create_connection(("127.0.0.1", port), timeout=timeout) as connection:
            connection.sendall(raw)
            head = connection.recv(65536)
            while connection.recv(65536):
                pass
    except (TimeoutError, ConnectionError):
        return 0
    return int(head[9:12]) if head.startswith(b"HTTP/1.") else 0


def first_views(paths: list[str], count: int = LATENCY_REQUESTS + 1) -> list[str]:
    """``count`` addresses cycling through ``paths``, each new to the page cache (a parameter the page ignores)."""
    return [f"{paths[index % len(paths)]}&first-view={index}" for index in range(count)]


def latency(port: int, raws: list[bytes], expected: int, *, warm_all: bool = False) -> dict:
    """Median time of single requests, one after another (no concurrency); at least 3 requests, then as many as
    fit in ``LATENCY_SECONDS``.

    A warm-up request first: the last of ``raws``, which the timed ones (at most ``LATENCY_REQUESTS``) reach only
    when the list is shorter; with ``warm_all``, every one of them ``WARM_ROUNDS`` times, so that each is timed
    as a repeat visit whichever worker answers (the benchmark's cache is each worker's own memory).
    """
    for raw in raws * WARM_ROUNDS if warm_all else raws[-1:]:
        slow_request(port, raw)
    times, errors = [], 0
    deadline = time.perf_counter() + LATENCY_SECONDS
    for position in range(LATENCY_REQUESTS):
        if time.perf_counter() > deadline and len(times) >= 3:
            break
        started = time.perf_counter()
        status = slow_request(port, raws[position % len(raws)])
        times.append(time.perf_counter() - started)
        errors += status != expected
    return {"median_ms": statistics.median(times) * 1000, "requests": len(times), "errors": errors}


def concurrent_latency(port: int, raws: list[bytes], expected: int, clients: int = 32) -> dict:
    """``clients`` connections at once, each sending its next request as soon as the last is answered, for
    ``CONCURRENT_SECONDS``: the 99th percentile and median of the times, and the throughput.

    The requests are taken from ``raws`` in turn across all clients (one address over and over, or each new).
    """
    times: list[float] = []
    errors = [0]
    lock, turn = threading.Lock(), itertools.count()
    deadline = time.perf_counter() + CONCURRENT_SECONDS

    def client() -> None:
        while time.perf_counter() < deadline:
            raw = raws[next(turn) % len(raws)]
            started = time.perf_counter()
            status = slow_request(port, raw, timeout=60.0)
            with lock:
                times.append(time.perf_counter() - started)
                errors[0] += status != expected

    threads = [threading.Thread(target=client) for _ in range(clients)]
    started = time.perf_counter()
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - started
    ordered = sorted(times)
    return {
        "p99_ms": ordered[min(len(ordered) - 1, int(len(ordered) * 0.99))] * 1000,
        "median_ms": statistics.median(ordered) * 1000,
        "rps": len(ordered) / elapsed,
        "requests": len(ordered),
        "clients": clients,
        "errors": errors[0],
    }
