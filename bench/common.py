"""What the HTTP benchmarks share: a temporary catalogue database, gunicorn serving it, and a load generator.

The parent process never sets Django up; the database is prepared in a subprocess (``populate``) and
served by gunicorn with the project's settings plus the bare baseline view (``bench/bare_settings.py``).
"""

import contextlib
import hashlib
import os
import socket
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LOAD_SECONDS = float(os.environ.get("BENCH_LOAD_SECONDS", "1.5"))
ROUNDS = int(os.environ.get("BENCH_ROUNDS", "5"))
CLIENT_THREADS = 4
CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"


# ---------- Environment shared by the data preparation and gunicorn ----------


def bench_env(database: Path | str) -> dict[str, str]:
    """The environment of a benchmark subprocess; ``database`` is a SQLite file or a database URL (bench/scale.py)."""
    env = {
        **os.environ,
        "PYTHONPATH": str(ROOT),
        "DJANGO_SETTINGS_MODULE": "bench.bare_settings",
        "DATABASE_URL": database if isinstance(database, str) else f"sqlite:///{database}",
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


def run_in_subprocess(script: str, *args: str, database: Path | str, capture: bool = False) -> str:
    """Run ``python script args…`` with Django pointed at ``database``; returns its standard output."""
    result = subprocess.run(
        [sys.executable, script, *args],
        env=bench_env(database),
        cwd=ROOT,
        check=True,
        capture_output=capture,
        text=True,
    )
    return result.stdout or ""


# ---------- Data preparation (runs in a subprocess with Django set up) ----------


def identity(index: int) -> tuple[str, str]:
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


def populate(count: int, *, makers: int = 20, categories: int = 10, facets: bool = False) -> None:
    """Migrate, then create ``count`` published products with one version each (a representative snapshot).

    Product ``index`` belongs to maker ``index % makers``. With ``facets``, the browse facets that
    publishing records are created too.
    """
    from django.core.management import call_command
    from django.db import connection, transaction
    from django.utils import timezone

    from bench.sample_snapshots import complete_snapshot
    from catalogue.models import PassportVersion, PublishedFacets
    from catalogue.passports.facets import facets_from_snapshot
    from products.models import Category, MakerOrganisation, Product

    call_command("migrate", verbosity=0)
    maker_rows = MakerOrganisation.objects.bulk_create(
        MakerOrganisation(name=f"Schmiede {index}", slug=f"schmiede-{index}", city="Solingen", postcode="42651")
        for index in range(makers)
    )
    category_rows = Category.objects.bulk_create(
        Category(slug=f"kategorie-{index}", name_de=f"Kategorie {index}", name_en=f"Category {index}")
        for index in range(categories)
    )
    template = complete_snapshot()
    now = timezone.now()
    batch = 5_000
    with transaction.atomic():
        for start in range(0, count, batch):
            identities = [identity(index) for index in range(start, min(start + batch, count))]
            products = Product.objects.bulk_create(
                Product(
                    maker=maker_rows[(start + index) % len(maker_rows)],
                    category=category_rows[(start + index) % len(category_rows)],
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
                snapshot["maker"] = {**template["maker"], "name": product.maker.name, "slug": product.maker.slug}
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
            if facets:
                PublishedFacets.objects.bulk_create(
                    PublishedFacets(
                        product=version.product,
                        version=version,
                        category_id=version.product.category_id,
                        published_at=version.published_at,
                        **facets_from_snapshot(version.snapshot),
                    )
                    for version in versions
                )
    connection.cursor().execute("ANALYZE")


# ---------- Serving and loading ----------


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


@contextlib.contextmanager
def gunicorn(database: Path | str, *, timeout: int = 30, pids: list[int] | None = None):
    """gunicorn with 2 workers serving ``database``; yields its port.

    ``timeout``: gunicorn's worker timeout in s (a long streamed export needs more); ``pids`` gets the
    master's process id, for reading the workers' memory."""
    port = free_port()
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
            "--timeout",
            str(timeout),
        ],
        env=bench_env(database),
        cwd=ROOT,
    )
    if pids is not None:
        pids.append(process.pid)
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


def request(port: int, raw: bytes) -> int:
    """Send one raw HTTP request, read the whole answer, and return its status."""
    with socket.create_connection(("127.0.0.1", port), timeout=10) as connection:
        connection.sendall(raw)
        chunks = []
        while chunk := connection.recv(65536):
            chunks.append(chunk)
    head = b"".join(chunks[:1])
    return int(head[9:12]) if head.startswith(b"HTTP/1.") else 0


def raw_requests(paths: list[str], headers: dict[str, str] | None = None) -> list[bytes]:
    extra = "".join(f"{name}: {value}\r\n" for name, value in (headers or {}).items())
    return [
        f"GET {path} HTTP/1.1\r\nHost: 127.0.0.1\r\nAccept-Language: de\r\n{extra}Connection: close\r\n\r\n".encode()
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
            status = request(port, requests[position % len(requests)])
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


def compare(port: int, targets: dict[str, tuple[list[bytes], int]], cold: tuple[str, ...] = ()) -> dict[str, dict]:
    """Load every target (raw requests, expected status) in turn, ``ROUNDS`` times over; keep each one's median round.

    Interleaving the targets spreads any background load on the machine evenly over them, so the
    ratios between them stay fair even when the absolute figures wander. Targets named in ``cold`` are
    not warmed up beyond their first request, so that caches keyed by URL miss.
    """
    for name, (raws, _expected) in targets.items():  # warm-up: both workers connect, render and cache what they serve
        for raw in raws[:1] if name in cold else raws:
            request(port, raw)
            request(port, raw)
    rounds: dict[str, list[dict]] = {name: [] for name in targets}
    for _round in range(ROUNDS):
        for name, (raws, expected) in targets.items():
            rounds[name].append(load(port, raws, expected))
    results = {}
    for name, measured in rounds.items():
        ordered = sorted(measured, key=lambda result: result["rps"])
        median = ordered[len(ordered) // 2]
        results[name] = {**median, "errors": sum(result["errors"] for result in measured)}
    return results


def row(name, value, unit, *, baseline=None, ratio=None, target=None) -> dict:
    """One figure for bench/run.py."""
    result = {"name": name, "value": value, "unit": unit}
    if baseline is not None:
        result["baseline"] = baseline
    if ratio is not None:
        result["ratio"] = ratio
    if target:
        result["target"] = target
    return result
