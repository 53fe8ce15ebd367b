"""``make bench-scale``: one million published passports on PostgreSQL, built with COPY, then measured over HTTP.

Not a ``bench_*.py`` module, so ``make bench`` does not run it. One run, two databases on 127.0.0.1:5432
(created and dropped here): ``gw_bench_scale_1k`` with 1,000 passports, the baseline, built first, and
``gw_bench_scale`` with ``SCALE_COUNT`` (default 1,000,000), built with COPY (``bench/scale_build.py``) and
timed. Then gunicorn (2 workers) serves each, and in interleaved rounds (so that other load on the machine
falls on both alike) the lookups (API and HTML) are measured at 1,000 and at 1,000,000, with the passport page
against a bare ``JsonResponse``. At 1,000,000 also: browse with two facets and search (median of single
requests, first views that the page cache has not seen and repeat views of kept pages; the search under 32
connections too, p99, ``bench/scale_http.py``), the streamed CSV export (rows/s and the workers' memory) and
``manage.py rescore`` (``SCALE_RESCORE_COUNT`` products, extrapolated; per product against rescoring the
1,000), with the scores unchanged and after a methodology change (``do_rescore``).

The slowest SQL of browse and search is explained (EXPLAIN ANALYZE) into the results. Results go to
bench/results/scale.json and are printed like bench/run.py prints. ``SCALE_COUNT=20000 make bench-scale``
is a quick check.
"""

import json
import os
import random
import socket
import sys
import threading
import time
from pathlib import Path

if __package__ in (None, ""):  # run as a script: make ``bench`` importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import ROOT, gunicorn, identity, load, raw_requests, request, row, run_in_subprocess
from bench.scale_http import LATENCY_REQUESTS, concurrent_latency, first_views, latency

COUNT = int(os.environ.get("SCALE_COUNT", "1000000"))
SMALL = 1_000
# Rescoring runs at some hundred products a second here: a share of the catalogue is timed and extrapolated.
RESCORE_COUNT = min(COUNT, int(os.environ.get("SCALE_RESCORE_COUNT", "20000")))
EXPORT_SECONDS = float(os.environ.get("SCALE_EXPORT_SECONDS", "120"))  # the export is read for at most this long
SERVER = os.environ.get("SCALE_SERVER", "postgres://postgres@127.0.0.1:5432")
DATABASE_NAME = os.environ.get("SCALE_DATABASE", "gw_bench_scale")
SMALL_NAME = f"{DATABASE_NAME}_1k"
DATABASE_URL, SMALL_URL = f"{SERVER}/{DATABASE_NAME}", f"{SERVER}/{SMALL_NAME}"
SAMPLE = 200
# More rounds than bench/common.py's 5: the lookup's flatness is a ratio of two noisy figures.
ROUNDS = int(os.environ.get("SCALE_ROUNDS", "7"))
RESCORE_JOBS = int(os.environ.get("SCALE_RESCORE_JOBS", "2"))  # manage.py rescore --jobs
EXPORT_CSV = "/api/v1/export/passports.csv"
API_LIST = "/api/v1/passports/?page_size=100"
OUT = ROOT / "bench" / "results" / "scale.json"
REUSE = bool(os.environ.get("SCALE_REUSE_DATABASE"))  # with SCALE_KEEP_DATABASE=1 before: measure without building


# ---------- Subprocess steps (Django set up) ----------


def step(database: str, name: str, *args: str) -> dict:
    """Run a step of this module in a subprocess against ``database`` (a URL); returns its JSON answer."""
    out = ROOT / "bench" / "results" / f"scale-{name}.tmp"
    out.parent.mkdir(exist_ok=True)
    run_in_subprocess(__file__, name, str(out), *args, database=database)
    answer = json.loads(out.read_text())
    out.unlink()
    return answer


def do_build(start: str, stop: str) -> dict:
    from bench.scale_build import build

    began = time.perf_counter()
    timings = build(int(start), int(stop))
    return {"timings": timings, "seconds": time.perf_counter() - began}


def do_rescore(count: str) -> dict:
    """``manage.py rescore`` over the first ``count`` products (all of them when it is the whole catalogue): with
    the scores as stored (none changes), then twice after a methodology change (every score changes): once with
    the products' flags clear, as in a settled catalogue, and once with every product flagged. Either way each
    product's new score is compared with its passport's (``drafts.refresh_after_rescore``); the built rows have no
    live child rows, so the new scores differ from the passports' and every product ends flagged without its
    draft being built: the database is left as it was built. (Only a flagged product whose new score is its
    passport's again has its draft built, about 1.5 ms each: docs/performance.md, "Scale".)"""
    from django.core.management import call_command
    from django.db import connection

    from products.models import Product

    ids = list(Product.objects.order_by("pk").values_list("pk", flat=True)[: int(count)])
    whole = len(ids) == Product.objects.count()

    def rescore(flagged: bool | None = None) -> float:
        if flagged is not None:
            with connection.cursor() as cursor:  # as if the stored scores came from an earlier methodology
                cursor.execute(
                    "UPDATE catalogue_productscore "
                    "SET details = jsonb_set(details, '{methodology_version}', '\"0.9\"') WHERE product_id <= %s",
                    [ids[-1]],
                )
                cursor.execute(
                    "UPDATE products_product SET has_unpublished_changes = %s WHERE id <= %s", [flagged, ids[-1]]
                )
        began = time.perf_counter()
        options = {} if whole else {"product_ids": ids}
        call_command("rescore", no_progress=True, jobs=RESCORE_JOBS, stdout=open(os.devnull, "w"), **options)  # noqa: SIM115
        return time.perf_counter() - began

    return {
        "products": len(ids),
        "seconds": rescore(),
        "changed_seconds": rescore(flagged=False),
        "changed_flagged_seconds": rescore(flagged=True),
    }


def do_explain(*urls: str) -> dict:
    """For each URL: its queries, and EXPLAIN ANALYZE of the slowest one (first and last lines)."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client(HTTP_ACCEPT_LANGUAGE="de")
    client.get(urls[0])  # warm-up: the connection, the templates
    found = {}
    for url in urls:
        with CaptureQueriesContext(connection) as captured:
            status = client.get(url).status_code
        queries = sorted(captured.captured_queries, key=lambda query: float(query["time"]), reverse=True)
        slowest = queries[0]["sql"]
        with connection.cursor() as cursor:
            cursor.execute("EXPLAIN (ANALYZE, BUFFERS) " + slowest)
            plan = [line for (line,) in cursor.fetchall()]
        found[url] = {
            "status": status,
            "queries": len(queries),
            "query_ms": [round(float(query["time"]) * 1000, 1) for query in queries],
            "slowest_sql": slowest,
            "plan": plan,
        }
    return found


# ---------- Measuring over HTTP (this process never sets Django up) ----------


def worker_rss(master: int) -> int:
    """Summed resident memory of the gunicorn workers (children of ``master``), in bytes."""
    total = 0
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            status = (entry / "status").read_text()
        except OSError:
            continue
        fields = dict(line.split(":", 1) for line in status.splitlines() if ":" in line)
        if fields.get("PPid", "").strip() == str(master):
            total += int(fields.get("VmRSS", "0 kB").split()[0]) * 1024
    return total


def export(port: int, master: int) -> dict:
    """Stream the CSV export (HTTP/1.0, so unchunked), counting rows, with the workers' memory sampled meanwhile."""
    samples, done = [], threading.Event()

    def sample() -> None:
        while not done.is_set():
            samples.append(worker_rss(master))
            done.wait(0.5)

    before = worker_rss(master)
    sampler = threading.Thread(target=sample)
    sampler.start()
    lines, first_byte, complete, head = 0, None, False, b""
    started = time.perf_counter()
    with socket.create_connection(("127.0.0.1", port), timeout=EXPORT_SECONDS + 50) as connection:
        connection.sendall(f"GET {EXPORT_CSV} HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n".encode())
        while True:
            try:
                chunk = connection.recv(1 << 20)
            except TimeoutError:
                break
            if not chunk:
                complete = True
                break
            if first_byte is None:
                first_byte = time.perf_counter() - started
            if head is not None:  # still in the response head: count only what follows it
                head += chunk
                if b"\r\n\r\n" not in head:
                    continue
                chunk, head = head.split(b"\r\n\r\n", 1)[1], None
            lines += chunk.count(b"\r\n")
            if time.perf_counter() - started > EXPORT_SECONDS:
                break
    elapsed = time.perf_counter() - started
    done.set()
    sampler.join()
    rows = lines - 1  # the CSV's header row
    return {
        "rows": rows,
        "seconds": elapsed,
        "rows_per_s": rows / elapsed,
        "complete": complete,
        "first_byte_s": first_byte or 0.0,
        "rss_before_mb": before / 1e6,
        "rss_max_mb": max(samples or [before]) / 1e6,
        "rss_samples_mb": [round(value / 1e6, 1) for value in samples[:: max(1, len(samples) // 20)]],
    }


def interleaved(targets: dict[str, tuple[int, list[bytes], int]]) -> dict[str, dict]:
    """``bench.common.compare`` over several servers: each target is (port, raw requests, expected status)."""
    for port, raws, _expected in targets.values():  # warm-up: both workers connect, render and cache
        for raw in raws:
            request(port, raw)
            request(port, raw)
    rounds: dict[str, list[dict]] = {name: [] for name in targets}
    for _round in range(ROUNDS):
        for name, (port, raws, expected) in targets.items():
            rounds[name].append(load(port, raws, expected))
    results = {}
    for name, measured in rounds.items():
        median = sorted(measured, key=lambda result: result["rps"])[len(measured) // 2]
        results[name] = {**median, "errors": sum(result["errors"] for result in measured)}
    return results


def lookups(small_port: int, large_port: int, small_sample, large_sample) -> dict:
    """The lookups at 1,000 and at the full count, the passport page and the bare view, in interleaved rounds."""
    targets = {"bare": (large_port, raw_requests(["/bench/bare"]), 200)}
    for size, port, sample in (("small", small_port, small_sample), ("large", large_port, large_sample)):
        gtins = [gtin for gtin, _code in sample]
        targets[f"lookup_{size}"] = (port, raw_requests([f"/api/v1/lookup?code={gtin}" for gtin in gtins]), 200)
        targets[f"html_{size}"] = (port, raw_requests([f"/lookup/?code={gtin}" for gtin in gtins]), 302)
    targets["page"] = (large_port, raw_requests([f"/p/{code}" for _gtin, code in large_sample]), 200)
    return interleaved(targets)


def admin(sql: str) -> None:
    import psycopg

    with psycopg.connect(f"{SERVER}/postgres", autocommit=True) as connection:
        connection.execute(sql)


def browse_urls() -> list[str]:
    from bench.scale_build import CATEGORIES, GRADES

    return [
        f"/products/?grade={letter}&category={slug}"
        for slug, *_names in CATEGORIES[:5]
        for letter, _overall, _colour in GRADES
    ]


def counted_api_lists() -> list[str]:
    """The API's list of 100 with a minimum score that every passport passes but no request before asked for,
    so that each is counted over the whole catalogue."""
    return [f"{API_LIST}&min_score=0.{index:05d}1" for index in range(LATENCY_REQUESTS + 1)]


def measure() -> tuple[list[dict], dict]:
    randomiser = random.Random(COUNT)
    small_sample = [identity(randomiser.randrange(SMALL)) for _ in range(SAMPLE)]
    large_sample = [identity(randomiser.randrange(COUNT)) for _ in range(SAMPLE)]
    facts: dict = {"count": COUNT, "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())}
    print(f"== scale: {COUNT:,} passports on PostgreSQL ({DATABASE_URL}), baseline {SMALL:,}", flush=True)
    if REUSE:  # measure again what an earlier run (SCALE_KEEP_DATABASE=1) built; its build time is not known
        small_build = build = {"seconds": float("nan"), "timings": {}}
        small_rescore = step(SMALL_URL, "rescore", str(SMALL))
    else:
        small_build = step(SMALL_URL, "build", "0", str(SMALL))
        small_rescore = step(SMALL_URL, "rescore", str(SMALL))
        print(f"   built {SMALL:,} in {small_build['seconds']:.1f} s", flush=True)
        build = step(DATABASE_URL, "build", "0", str(COUNT))
    facts["build"] = {"small": small_build, "large": build}
    print(f"   built {COUNT:,} in {build['seconds']:.1f} s: {build['timings']}", flush=True)
    search_url = "/products/?q=messer"
    browse = browse_urls()
    facts["explain"] = step(DATABASE_URL, "explain", *first_views([browse[0], search_url], 2))
    OUT.with_suffix(".partial.json").write_text(json.dumps(facts, indent=2, ensure_ascii=False))
    pids: list[int] = []
    with (
        gunicorn(SMALL_URL) as small_port,
        gunicorn(DATABASE_URL, timeout=int(EXPORT_SECONDS) + 60, pids=pids) as port,
    ):
        measured = lookups(small_port, port, small_sample, large_sample)
        lookup_latency = latency(port, raw_requests([f"/api/v1/lookup?code={g}" for g, _c in large_sample]), 200)
        # First views (new to the page cache: rendered) and repeat views (kept pages) one at a time, then the
        # search under 32 connections: one address (kept after its first view), and every address new.
        pages = {
            "browse": latency(port, raw_requests(first_views(browse)), 200),
            "browse_kept": latency(port, raw_requests(browse), 200, warm_all=True),
            "search": latency(port, raw_requests(first_views([search_url])), 200),
            "search_kept": latency(port, raw_requests([search_url]), 200, warm_all=True),
            # The API's list of 100: a page new to the page cache with the count of its filters kept (as for
            # every page after a list's first), and with a filter new to the count cache each time.
            "api_list": latency(port, raw_requests(first_views([API_LIST])), 200),
            "api_list_counted": latency(port, raw_requests(counted_api_lists()), 200),
            "search_32": concurrent_latency(port, raw_requests([search_url]), 200),
            "search_32_first": concurrent_latency(port, raw_requests(first_views([search_url], 20_000)), 200),
        }
        exported = export(port, pids[0])
    print("   rescoring", flush=True)
    rescore = step(DATABASE_URL, "rescore", str(RESCORE_COUNT))
    facts.update({"latency": {"lookup": lookup_latency, **pages}, "export": exported})
    facts["rescore"] = {"small": small_rescore, "large": rescore}
    facts["http"] = measured
    errors = sum(result["errors"] for result in (*measured.values(), *pages.values()))
    if errors:
        print(f"   !! {errors} requests answered with an unexpected status", flush=True)
    return rows(measured, build["seconds"], lookup_latency, pages, exported, rescore, small_rescore), facts


def page_rows(pages: dict, base: float) -> list[dict]:
    """Browse and search, as ratios against a single lookup's median time."""
    labels = {
        "browse": ("browse, grade and category (/products/?grade=&category=), first view, median", "≤ 50 ms"),
        "browse_kept": ("browse, grade and category, repeat view (kept page), median", None),
        "search": ("search (/products/?q=messer), first view, median", "≤ 100 ms"),
        "search_kept": ("search, repeat view (kept page), median", None),
        "api_list": ("API passport list of 100, page cache missed, its count kept, median", None),
        "api_list_counted": ("API passport list of 100 with a filter new to the count cache, median", None),
    }
    results = [
        row(label, pages[key]["median_ms"], "ms", baseline=base, ratio=pages[key]["median_ms"] / base, target=target)
        for key, (label, target) in labels.items()
    ]
    single = pages["search"]["median_ms"]
    for key, label in (("search_32", "one address"), ("search_32_first", "every address new")):
        measured = pages[key]
        results.append(
            row(
                f"search under {measured['clients']} connections, {label} ({measured['rps']:.0f} req/s), p99",
                measured["p99_ms"],
                "ms",
                baseline=single,
                ratio=measured["p99_ms"] / single,
                target="≤ 10× a single first view",
            )
        )
    return results


def rows(measured, build_seconds, lookup_latency, pages, exported, rescore, small_rescore):
    bare = measured["bare"]["rps"]
    per_product = rescore["seconds"] / rescore["products"]
    small_per_product = small_rescore["seconds"] / small_rescore["products"]
    extrapolated = "" if rescore["products"] == COUNT else f", extrapolated from {rescore['products']:,}"
    base = lookup_latency["median_ms"]
    results = [
        row(f"build {COUNT:,} published passports (COPY)", build_seconds / 60, "min", target="≤ 15"),
        row("bare Django JsonResponse view (gunicorn, 2 workers)", bare, "req/s"),
    ]
    for key, label in (("lookup", "lookup by GTIN (/api/v1/lookup)"), ("html", "lookup page (/lookup/?code=, 302)")):
        small, large = measured[f"{key}_small"]["rps"], measured[f"{key}_large"]["rps"]
        results += [
            row(f"{label}, {SMALL:,}", small, "req/s", baseline=bare, ratio=small / bare),
            row(
                f"{label}, {COUNT:,} (ratio: time against {SMALL:,})",
                large,
                "req/s",
                baseline=small,
                ratio=small / large,
                target="≤ 1.2",
            ),
        ]
    results += [
        row(
            f"passport page (/p/<code>), {COUNT:,}",
            measured["page"]["rps"],
            "req/s",
            baseline=bare,
            ratio=measured["page"]["rps"] / bare,
            target="measured (share of bare)",
        ),
        row("lookup by GTIN, single request (median)", base, "ms"),
        *page_rows(pages, base),
        row(
            "open-data CSV export, streamed" + ("" if exported["complete"] else f", {exported['seconds']:.0f} s of it"),
            exported["rows_per_s"],
            "rows/s",
            baseline=measured["lookup_large"]["rps"],
            ratio=exported["rows_per_s"] / measured["lookup_large"]["rps"],
            target="≥ 20,000 rows/s",
        ),
        row("export: workers' memory before", exported["rss_before_mb"], "MB"),
        row(
            f"export: workers' memory, highest while streaming {exported['rows']:,} rows",
            exported["rss_max_mb"],
            "MB",
            baseline=exported["rss_before_mb"],
            ratio=exported["rss_max_mb"] / exported["rss_before_mb"],
            target="constant",
        ),
        row(
            f"rescore {COUNT:,} products, scores unchanged (manage.py rescore{extrapolated})",
            per_product * COUNT / 60,
            "min",
            baseline=small_per_product * COUNT / 60,
            ratio=per_product / small_per_product,
            target="≤ 10 min",
        ),
        *(
            row(
                f"rescore {COUNT:,} products after a methodology change, {state}{extrapolated}",
                rescore[key] / rescore["products"] * COUNT / 60,
                "min",
                baseline=small_rescore[key] / small_rescore["products"] * COUNT / 60,
                ratio=(rescore[key] / rescore["products"]) / (small_rescore[key] / small_rescore["products"]),
                target="≤ 10 min",
            )
            for key, state in (
                ("changed_seconds", "products unflagged (settled)"),
                ("changed_flagged_seconds", "every product flagged"),
            )
        ),
    ]
    return results


def main() -> int:
    started = time.perf_counter()
    for name in () if REUSE else (SMALL_NAME, DATABASE_NAME):
        admin(f'DROP DATABASE IF EXISTS "{name}"')
        admin(f'CREATE DATABASE "{name}"')
        # lz4 compresses the large JSON columns faster than PostgreSQL's default pglz (docs/performance.md).
        admin(f"ALTER DATABASE \"{name}\" SET default_toast_compression = 'lz4'")
    try:
        results, facts = measure()
    finally:
        if not os.environ.get("SCALE_KEEP_DATABASE"):
            for name in (SMALL_NAME, DATABASE_NAME):
                admin(f'DROP DATABASE IF EXISTS "{name}"')
    for result in results:
        result["benchmark"] = "scale"
        extra = f"  ratio {result['ratio']:.2f}" if result.get("ratio") is not None else ""
        extra += f"  (target {result['target']})" if result.get("target") else ""
        print(f"   {result['name']:<58} {result['value']:>12.2f} {result['unit']:<10}{extra}", flush=True)
    print(f"   ({time.perf_counter() - started:.1f} s)", flush=True)
    OUT.parent.mkdir(exist_ok=True)
    OUT.write_text(json.dumps({"rows": results, **facts}, indent=2, ensure_ascii=False))
    print(f"results written to {OUT.relative_to(ROOT)}")
    return 0


STEPS = {"build": do_build, "rescore": do_rescore, "explain": do_explain}

if __name__ == "__main__":
    if len(sys.argv) >= 3 and sys.argv[1] in STEPS:
        import django

        django.setup()
        Path(sys.argv[2]).write_text(json.dumps(STEPS[sys.argv[1]](*sys.argv[3:]), default=str))
    else:
        sys.exit(main())
