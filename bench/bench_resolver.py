"""Consumer lookup, passport page and resolver over HTTP (gunicorn, 2 workers) against a bare Django view.

Everything runs in one go: two temporary SQLite databases (1,000 and 100,000 published products with
a representative snapshot each) are prepared in subprocesses, then gunicorn serves each of them with
the project's own settings plus a bare ``JsonResponse`` view (``bench/bare_settings.py``), and a small
threaded client drives load for a few seconds per URL. The parent process never sets Django up, so it
does not matter which database other benchmarks in the same run have used.

Run alone: ``python bench/run.py resolver``. Preparing the 100,000-product database takes a while.
"""

import contextlib
import hashlib
import json
import os
import random
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
SMALL = 1_000
LARGE = int(os.environ.get("BENCH_LARGE_PRODUCTS", "100000"))  # lower it for a quick trial run
LOAD_SECONDS = float(os.environ.get("BENCH_LOAD_SECONDS", "1.5"))
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "5"))
CLIENT_THREADS = 4
SAMPLE = 200  # distinct products a load run cycles through
CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"


# ---------- Environment shared by the data preparation and gunicorn ----------


def bench_env(database: Path) -> dict[str, str]:
    env = {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        "DJANGO_SETTINGS_MODULE": "bench.bare_settings",
        "DATABASE_URL": f"sqlite:///{database}",
        "DJANGO_DEBUG": "0",
        "DJANGO_SECRET_KEY": "benchmark-only-secret-key-0123456789-abcdefghijklmnopqrstuvwxyz",
        "DJANGO_ALLOWED_HOSTS": "127.0.0.1,localhost,testserver",
        "DJANGO_SECURE_SSL_REDIRECT": "0",
        "DJANGO_SECURE_COOKIES": "0",
        "DJANGO_LOG_LEVEL": "ERROR",
        "PYTHONWARNINGS": "ignore:No directory at:UserWarning",  # whitenoise: no collectstatic for a benchmark
        # Throttling stays on (a cache round trip per API request) but never refuses the load. The window
        # is one second: the load comes from one address, and DRF keeps one timestamp per request in the
        # window, so a per-minute window would make every request carry tens of thousands of them,
        # which many real consumers (each within the limit) never would.
        "API_ANON_THROTTLE_RATE": "1000000/s",
    }
    return env


# ---------- Data preparation (runs in a subprocess with Django set up) ----------


def _identity(index: int) -> tuple[str, str]:
    """A valid 14-digit GTIN and passport code for product number ``index``."""
    from products.identifiers import gs1_check_digit, passport_check_character

    body = f"0400{index:09d}"
    gtin = body + str(gs1_check_digit(body))
    data = ""
    number = index + 1_000_000  # seven base32 characters, never all zeros
    for _ in range(7):
        data = CROCKFORD[number % 32] + data
        number //= 32
    return gtin, data + passport_check_character(data)


def prepare(database: Path, count: int, out: Path) -> None:
    """Create ``count`` published products with one version each, then measure queries and lookup time."""
    import django

    django.setup()
    from django.core.cache import cache
    from django.core.management import call_command
    from django.db import connection, transaction
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django.utils import timezone

    from catalogue.models import PassportVersion
    from products.models import Category, MakerOrganisation, Product
    from tests.catalogue.snapshots import complete_snapshot

    call_command("migrate", verbosity=0)
    makers = MakerOrganisation.objects.bulk_create(
        MakerOrganisation(name=f"Schmiede {index}", slug=f"schmiede-{index}", city="Solingen", postcode="42651")
        for index in range(20)
    )
    categories = Category.objects.bulk_create(
        Category(slug=f"kategorie-{index}", name_de=f"Kategorie {index}", name_en=f"Category {index}")
        for index in range(10)
    )
    template = complete_snapshot()
    now = timezone.now()
    batch = 5_000
    with transaction.atomic():
        for start in range(0, count, batch):
            identities = [_identity(index) for index in range(start, min(start + batch, count))]
            products = Product.objects.bulk_create(
                Product(
                    maker=makers[index % len(makers)],
                    category=categories[index % len(categories)],
                    name=f"Kochmesser Nr. {start + index}",
                    description=template["product"]["description"],
                    gtin=gtin,
                    passport_code=code,
                    status=Product.Status.PUBLISHED,
                )
                for index, (gtin, code) in enumerate(identities)
            )
            versions = []
            for product in products:
                # Shallow copies: every row carries the whole representative snapshot, with its own identity.
                snapshot = dict(template)
                snapshot["product"] = {
                    **template["product"],
                    "name": product.name,
                    "gtin": product.gtin,
                    "passport_code": product.passport_code,
                    "passport_code_display": f"{product.passport_code[:4]}-{product.passport_code[4:]}",
                }
                snapshot["urls"] = {
                    "passport": f"https://example.org/p/{product.passport_code}",
                    "digital_link": f"https://example.org/01/{product.gtin}",
                    "qr": f"https://example.org/01/{product.gtin}",
                }
                versions.append(
                    PassportVersion(
                        product=product,
                        number=1,
                        snapshot=snapshot,
                        methodology_version="1.0",
                        content_hash=hashlib.sha256(product.passport_code.encode()).hexdigest(),
                        published_at=now,
                    )
                )
            PassportVersion.objects.bulk_create(versions)
    connection.cursor().execute("ANALYZE")

    randomiser = random.Random(count)
    sample = [_identity(randomiser.randrange(count)) for _ in range(SAMPLE)]
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
    from catalogue.lookup import lookup

    randomiser = random.Random()
    probes = [_identity(randomiser.randrange(count))[0] for _ in range(4_000)]
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
            result = subprocess.run(
                [sys.executable, __file__, "measure", str(count)],
                env=bench_env(database),
                cwd=ROOT,
                check=True,
                capture_output=True,
                text=True,
            )
            times[count].append(float(result.stdout.strip().splitlines()[-1]))
    return {count: statistics.median(values) for count, values in times.items()}


def _prepare_in_subprocess(directory: Path, count: int) -> tuple[Path, dict]:
    database = directory / f"bench-{count}.sqlite3"
    out = directory / f"bench-{count}.json"
    subprocess.run(
        [sys.executable, __file__, "prepare", str(database), str(count), str(out)],
        env=bench_env(database),
        cwd=ROOT,
        check=True,
    )
    return database, json.loads(out.read_text())


# ---------- Serving and loading ----------


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextlib.contextmanager
def gunicorn(database: Path):
    port = _free_port()
    process = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "gunicorn",
            "catalogue.wsgi:application",
            "--workers",
            "2",
            "--bind",
            f"127.0.0.1:{port}",
            "--log-level",
            "warning",
        ],
        env=bench_env(database),
        cwd=ROOT,
    )
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                socket.create_connection(("127.0.0.1", port), timeout=1).close()
                break
            except OSError:
                if time.monotonic() > deadline or process.poll() is not None:
                    raise RuntimeError("gunicorn did not start") from None
                time.sleep(0.1)
        yield port
    finally:
        process.terminate()
        process.wait(timeout=30)


def _request(port: int, raw: bytes) -> int:
    with socket.create_connection(("127.0.0.1", port), timeout=10) as connection:
        connection.sendall(raw)
        chunks = []
        while chunk := connection.recv(65536):
            chunks.append(chunk)
    head = b"".join(chunks[:1])
    return int(head[9:12]) if head.startswith(b"HTTP/1.") else 0


def _raw_requests(paths: list[str]) -> list[bytes]:
    return [
        f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept-Language: de\r\nConnection: close\r\n\r\n".encode()
        for path in paths
    ]


def load(port: int, requests: list[bytes], expected: int, seconds: float = LOAD_SECONDS) -> dict:
    """Requests per second over ``seconds`` with a few client threads; every answer must be ``expected``."""
    counts, errors, latencies = [0] * CLIENT_THREADS, [0] * CLIENT_THREADS, [[] for _ in range(CLIENT_THREADS)]
    deadline = time.perf_counter() + seconds

    def worker(slot: int) -> None:
        position = slot
        while time.perf_counter() < deadline:
            started = time.perf_counter()
            status = _request(port, requests[position % len(requests)])
            latencies[slot].append(time.perf_counter() - started)
            position += CLIENT_THREADS
            if status == expected:
                counts[slot] += 1
            else:
                errors[slot] += 1

    started = time.perf_counter()
    threads = [threading.Thread(target=worker, args=(slot,)) for slot in range(CLIENT_THREADS)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    elapsed = time.perf_counter() - started
    all_latencies = [value for values in latencies for value in values]
    return {
        "rps": sum(counts) / elapsed,
        "errors": sum(errors),
        "median_ms": statistics.median(all_latencies) * 1000 if all_latencies else 0.0,
    }


def compare(port: int, targets: dict[str, tuple[list[str], int]]) -> dict[str, dict]:
    """Load every target in turn, ``ROUNDS`` times over, and keep each one's median round.

    Interleaving the targets spreads any background load on the machine evenly over them, so the
    ratios between them stay fair even when the absolute figures wander.
    """
    requests = {name: _raw_requests(paths) for name, (paths, _expected) in targets.items()}
    for raws in requests.values():  # warm-up: both workers connect, render and cache what they serve
        for raw in raws:
            _request(port, raw)
            _request(port, raw)
    rounds: dict[str, list[dict]] = {name: [] for name in targets}
    for _round in range(ROUNDS):
        for name, (_paths, expected) in targets.items():
            rounds[name].append(load(port, requests[name], expected))
    results = {}
    for name, measured in rounds.items():
        ordered = sorted(measured, key=lambda result: result["rps"])
        median = ordered[len(ordered) // 2]
        results[name] = {**median, "errors": sum(result["errors"] for result in measured)}
    return results


# ---------- The benchmark ----------


def _row(name, value, unit, *, baseline=None, ratio=None, target=None) -> dict:
    row = {"name": name, "value": value, "unit": unit}
    if baseline is not None:
        row["baseline"] = baseline
    if ratio is not None:
        row["ratio"] = ratio
    if target:
        row["target"] = target
    return row


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
                    "bare": (["/bench/bare"], 200),
                    "lookup": ([f"/api/v1/lookup?code={gtin}" for gtin in gtins], 200),
                    "page": ([f"/p/{code}" for code in codes], 200),
                    "resolver": ([f"/01/{gtin}" for gtin in gtins], 307),
                },
            )
        with gunicorn(large_db) as port:
            large_measured = compare(
                port,
                {
                    "bare": (["/bench/bare"], 200),
                    "lookup": ([f"/api/v1/lookup?code={gtin}" for gtin, _code in large["sample"]], 200),
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
        _row("bare Django JsonResponse view (gunicorn, 2 workers)", bare["rps"], "req/s"),
        _row(
            "lookup by GTIN, passport JSON (/api/v1/lookup)",
            lookup["rps"],
            "req/s",
            baseline=bare["rps"],
            ratio=small_ratio,
            target="≥ 0.50 of bare",
        ),
        _row(
            "passport HTML page (/p/<code>)",
            page["rps"],
            "req/s",
            baseline=bare["rps"],
            ratio=page["rps"] / bare["rps"],
            target="≥ 0.33 of bare",
        ),
        _row(
            "resolver redirect (/01/<gtin>, 307)",
            resolver["rps"],
            "req/s",
            baseline=bare["rps"],
            ratio=resolver["rps"] / bare["rps"],
        ),
        _row("lookup median latency under load", lookup["median_ms"], "ms"),
        _row("passport page median latency under load", page["median_ms"], "ms"),
        _row("SQL queries: lookup", small["queries"]["lookup"], "queries", target="≤ 4"),
        _row("SQL queries: passport page (cold cache)", small["queries"]["passport"], "queries", target="≤ 4"),
        _row("SQL queries: resolver", small["queries"]["resolver"], "queries", target="≤ 4"),
        _row(f"lookup() in process, {SMALL:,} products (median)", lookup_times[SMALL], "µs"),
        _row(
            f"lookup() in process, {LARGE:,} products (median)",
            lookup_times[LARGE],
            "µs",
            baseline=lookup_times[SMALL],
            ratio=lookup_times[LARGE] / lookup_times[SMALL],
            target="≤ 1.2× of 1,000",
        ),
        _row(
            f"lookup over HTTP, {LARGE:,} products, share of bare",
            large_ratio,
            "ratio",
            baseline=small_ratio,
            ratio=small_ratio / large_ratio,
            target="≤ 1.2× slower than at 1,000",
        ),
        _row(f"database size at {LARGE:,} products", large["size_mb"], "MB"),
    ]


if __name__ == "__main__":
    if len(sys.argv) == 5 and sys.argv[1] == "prepare":
        sys.path.insert(0, str(ROOT))
        prepare(Path(sys.argv[2]), int(sys.argv[3]), Path(sys.argv[4]))
    elif len(sys.argv) == 3 and sys.argv[1] == "measure":
        sys.path.insert(0, str(ROOT))
        measure_lookup(int(sys.argv[2]))
    else:
        for result in run():
            print(result)
