"""Consumer lookup, passport page and resolver over HTTP (gunicorn, 2 workers) against a bare Django view.

Everything runs in one go: two temporary SQLite databases (1,000 and 100,000 published products with
a representative snapshot each) are prepared in subprocesses, then gunicorn serves each of them with
the project's own settings plus a bare ``JsonResponse`` view (``bench/bare_settings.py``), and a small
threaded client drives load for a few seconds per URL. The parent process never sets Django up, so it
does not matter which database other benchmarks in the same run have used.

Run alone: ``python bench/run.py resolver``. Preparing the 100,000-product database takes a while.
"""

import json
import os
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

if __package__ in (None, ""):  # run as a script in a subprocess: make ``bench`` importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import compare, gunicorn, identity, populate, raw_requests, row, run_in_subprocess

SMALL = 1_000
LARGE = int(os.environ.get("BENCH_LARGE_PRODUCTS", "100000"))  # lower it for a quick trial run
SAMPLE = 200  # distinct products a load run cycles through


# ---------- Data preparation (runs in a subprocess with Django set up) ----------


def prepare(database: Path, count: int, out: Path) -> None:
    """Create ``count`` published products with one version each, then measure queries and lookup time."""
    import django

    django.setup()
    from django.core.cache import cache
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    populate(count)

    randomiser = random.Random(count)
    sample = [identity(randomiser.randrange(count)) for _ in range(SAMPLE)]
    client = Client(HTTP_ACCEPT_LANGUAGE="de")
    queries = {}
    gtin, code = sample[0]
    for name, url in (
        ("lookup", f"/api/v1/lookup?code={gtin}"),
        ("passport", f"/p/{code}"),
        ("resolver", f"/01/{gtin}"),
    ):
        cache.clear()
        with CaptureQueriesContext(connection) as captured:
            status = client.get(url).status_code
        assert status in (200, 307), (url, status)
        queries[name] = len(captured.captured_queries)

    out.write_text(json.dumps({"sample": sample, "queries": queries, "size_mb": database.stat().st_size / 1e6}))


def measure_lookup(count: int) -> None:
    """Print the median time of ``lookup()`` for random GTINs of the prepared database, in microseconds."""
    import django

    django.setup()
    from catalogue.public.lookup import lookup

    randomiser = random.Random()
    probes = [identity(randomiser.randrange(count))[0] for _ in range(4_000)]
    for gtin in probes[:500]:  # warm-up: connection, caches
        lookup(gtin)
    timings = []
    for gtin in probes[500:]:
        started = time.perf_counter()
        lookup(gtin)
        timings.append(time.perf_counter() - started)
    print(statistics.median(timings) * 1e6)


def _lookup_times(databases: dict[int, Path]) -> dict[int, float]:
    """Median lookup time per database size, alternating between them so background load hits both alike."""
    times: dict[int, list[float]] = {count: [] for count in databases}
    for _round in range(3):
        for count, database in databases.items():
            output = run_in_subprocess(__file__, "measure", str(count), database=database, capture=True)
            times[count].append(float(output.strip().splitlines()[-1]))
    return {count: statistics.median(values) for count, values in times.items()}


def _prepare_in_subprocess(directory: Path, count: int) -> tuple[Path, dict]:
    database = directory / f"bench-{count}.sqlite3"
    out = directory / f"bench-{count}.json"
    run_in_subprocess(__file__, "prepare", str(database), str(count), str(out), database=database)
    return database, json.loads(out.read_text())


# ---------- The benchmark ----------


def run() -> list[dict]:
    with tempfile.TemporaryDirectory(prefix="gw-bench-") as temporary:
        directory = Path(temporary)
        small_db, small = _prepare_in_subprocess(directory, SMALL)
        large_db, large = _prepare_in_subprocess(directory, LARGE)
        lookup_times = _lookup_times({SMALL: small_db, LARGE: large_db})

        with gunicorn(small_db) as port:
            gtins = [gtin for gtin, _code in small["sample"]]
            codes = [code for _gtin, code in small["sample"]]
            measured = compare(
                port,
                {
                    "bare": (raw_requests(["/bench/bare"]), 200),
                    "lookup": (raw_requests([f"/api/v1/lookup?code={gtin}" for gtin in gtins]), 200),
                    "page": (raw_requests([f"/p/{code}" for code in codes]), 200),
                    "resolver": (raw_requests([f"/01/{gtin}" for gtin in gtins]), 307),
                },
            )
        with gunicorn(large_db) as port:
            large_measured = compare(
                port,
                {
                    "bare": (raw_requests(["/bench/bare"]), 200),
                    "lookup": (raw_requests([f"/api/v1/lookup?code={gtin}" for gtin, _code in large["sample"]]), 200),
                },
            )
    bare, lookup, page, resolver = (measured[name] for name in ("bare", "lookup", "page", "resolver"))
    large_bare, large_lookup = large_measured["bare"], large_measured["lookup"]

    errors = sum(result["errors"] for result in (*measured.values(), *large_measured.values()))
    if errors:
        print(f"   !! {errors} requests answered with an unexpected status", flush=True)
    small_ratio = lookup["rps"] / bare["rps"]
    large_ratio = large_lookup["rps"] / large_bare["rps"]
    return [
        row("bare Django JsonResponse view (gunicorn, 2 workers)", bare["rps"], "req/s"),
        row(
            "lookup by GTIN, passport JSON (/api/v1/lookup)",
            lookup["rps"],
            "req/s",
            baseline=bare["rps"],
            ratio=small_ratio,
            target="≥ 0.50 of bare",
        ),
        row(
            "passport HTML page (/p/<code>)",
            page["rps"],
            "req/s",
            baseline=bare["rps"],
            ratio=page["rps"] / bare["rps"],
            target="≥ 0.33 of bare",
        ),
        row(
            "resolver redirect (/01/<gtin>, 307)",
            resolver["rps"],
            "req/s",
            baseline=bare["rps"],
            ratio=resolver["rps"] / bare["rps"],
        ),
        row("lookup median latency under load", lookup["median_ms"], "ms"),
        row("passport page median latency under load", page["median_ms"], "ms"),
        row("SQL queries: lookup", small["queries"]["lookup"], "queries", target="≤ 4"),
        row("SQL queries: passport page (cold cache)", small["queries"]["passport"], "queries", target="≤ 4"),
        row("SQL queries: resolver", small["queries"]["resolver"], "queries", target="≤ 4"),
        row(f"lookup() in process, {SMALL:,} products (median)", lookup_times[SMALL], "µs"),
        row(
            f"lookup() in process, {LARGE:,} products (median)",
            lookup_times[LARGE],
            "µs",
            baseline=lookup_times[SMALL],
            ratio=lookup_times[LARGE] / lookup_times[SMALL],
            target="≤ 1.2× of 1,000",
        ),
        row(
            f"lookup over HTTP, {LARGE:,} products, share of bare",
            large_ratio,
            "ratio",
            baseline=small_ratio,
            ratio=small_ratio / large_ratio,
            target="≤ 1.2× slower than at 1,000",
        ),
        row(f"database size at {LARGE:,} products", large["size_mb"], "MB"),
    ]


if __name__ == "__main__":
    if len(sys.argv) == 5 and sys.argv[1] == "prepare":
        prepare(Path(sys.argv[2]), int(sys.argv[3]), Path(sys.argv[4]))
    elif len(sys.argv) == 3 and sys.argv[1] == "measure":
        measure_lookup(int(sys.argv[2]))
    else:
        for result in run():
            print(result)
