"""API lists of 100 items over HTTP (gunicorn, 2 workers) against the lookup and a bare Django view, in one run.

A temporary SQLite database holds 1,000 published products (a representative snapshot each, the browse
facets and a stored score) of five makers, so one maker has 200. gunicorn serves it with the project's
settings plus the bare ``JsonResponse`` view (``bench/bare_settings.py``); the targets are loaded in
interleaved rounds (``bench/common.py``, shared with ``bench_resolver.py``):

- ``/api/v1/passports/?page_size=100``: the public list of passports, anonymous;
- ``/api/v1/products/?page_size=100``: a maker's own products (live data), with a token;
- ``/api/v1/passports/<code>/``: one passport's detail, anonymous (joined from the JSON stored at publication);
- ``/api/v1/export/passports.csv`` and ``.jsonld``: the streamed open-data exports of all 1,000, as rows/s;
- ``/api/v1/lookup?code=<gtin>``: one passport by GTIN, the baseline of the target;
- ``/bench/bare``: a bare ``JsonResponse``.

Targets (DESIGN.md §8, issue 17): an uncached list of 100 passports at most 2× the time of the lookup, a
passport's detail at most 1.2×, a maker's product list of 100 at most 3×, each with a constant number of
queries (docs/performance.md). Run alone: ``python bench/run.py api``.
"""

import json
import random
import sys
import tempfile
from pathlib import Path

if __package__ in (None, ""):  # run as a script in a subprocess: make ``bench`` importable
    sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from bench.common import compare, gunicorn, identity, populate, raw_requests, row, run_in_subprocess

PRODUCTS = 1_000
MAKERS = 5  # so that maker 0 has 200 products, enough for a full page of 100
SAMPLE = 200
PASSPORT_LIST = "/api/v1/passports/?page_size=100"
PRODUCT_LIST = "/api/v1/products/?page_size=100"
EXPORT_CSV, EXPORT_JSONLD = "/api/v1/export/passports.csv", "/api/v1/export/passports.jsonld"


def prepare(database: Path, out: Path) -> None:
    """Create the catalogue, scores and a maker's token; count the queries of each target."""
    import django

    django.setup()
    from django.contrib.auth import get_user_model
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext
    from django.utils import timezone
    from rest_framework.authtoken.models import Token

    from catalogue.models import PassportVersion, ProductScore, PublishedFacets
    from catalogue.passports.public_json import store_missing, store_missing_list_rows
    from products.models import MakerMembership, MakerOrganisation

    populate(PRODUCTS, makers=MAKERS, facets=True)
    store_missing(PassportVersion.objects)  # as publishing does: the public details and list rows, rendered once
    store_missing_list_rows(PublishedFacets.objects)
    now = timezone.now()
    ProductScore.objects.bulk_create(
        ProductScore(
            product_id=product_id,
            overall=score["overall"],
            grade=score["grade"],
            methodology_version=score["methodology_version"],
            computed_at=now,
            details=score,
            **score["subscores"],
        )
        for product_id, score in PassportVersion.objects.values_list("product_id", "snapshot__score")
    )
    user = get_user_model().objects.create_user("bench-maker", password="unused-in-the-benchmark")
    MakerMembership.objects.create(user=user, organisation=MakerOrganisation.objects.order_by("pk").first())
    token = Token.objects.create(user=user).key

    randomiser = random.Random(PRODUCTS)
    identities = [identity(randomiser.randrange(PRODUCTS)) for _ in range(SAMPLE)]
    gtins, codes = [gtin for gtin, _code in identities], [code for _gtin, code in identities]
    client = Client(HTTP_ACCEPT_LANGUAGE="de")
    queries, sizes = {}, {}
    for name, url, headers in (
        ("lookup", f"/api/v1/lookup?code={gtins[0]}", {}),
        ("passports", PASSPORT_LIST, {}),
        ("detail", f"/api/v1/passports/{codes[0]}/", {}),
        ("products", PRODUCT_LIST, {"Authorization": f"Token {token}"}),
    ):
        with CaptureQueriesContext(connection) as captured:
            response = client.get(url, headers=headers)
        assert response.status_code == 200, (url, response.status_code, response.content[:300])
        if name in ("passports", "products"):
            assert len(response.json()["results"]) == 100, url
        queries[name] = len(captured.captured_queries)
        sizes[name] = len(response.content)
    out.write_text(json.dumps({"gtins": gtins, "codes": codes, "token": token, "queries": queries, "sizes": sizes}))


def run() -> list[dict]:
    with tempfile.TemporaryDirectory(prefix="gw-bench-api-") as temporary:
        database = Path(temporary) / "bench-api.sqlite3"
        facts_file = Path(temporary) / "bench-api.json"
        run_in_subprocess(__file__, "prepare", str(database), str(facts_file), database=database)
        facts = json.loads(facts_file.read_text())
        with gunicorn(database) as port:
            measured = compare(
                port,
                {
                    "bare": (raw_requests(["/bench/bare"]), 200),
                    "lookup": (raw_requests([f"/api/v1/lookup?code={gtin}" for gtin in facts["gtins"]]), 200),
                    "passports": (raw_requests([PASSPORT_LIST]), 200),
                    # Every request a URL of its own, so the page cache always misses; the count of the same
                    # filters is kept, as for every page after the first of a choice of filters.
                    "passports_uncached": (raw_requests([f"{PASSPORT_LIST}&miss={n}" for n in range(20_000)]), 200),
                    "products": (raw_requests([PRODUCT_LIST], {"Authorization": f"Token {facts['token']}"}), 200),
                    "detail": (raw_requests([f"/api/v1/passports/{code}/" for code in facts["codes"]]), 200),
                    "export_csv": (raw_requests([EXPORT_CSV]), 200),
                    "export_jsonld": (raw_requests([EXPORT_JSONLD]), 200),
                },
                cold=("passports_uncached",),
            )
    errors = sum(result["errors"] for result in measured.values())
    if errors:
        print(f"   !! {errors} requests answered with an unexpected status", flush=True)
    bare, lookup, passports, uncached, products, detail = (
        measured[name] for name in ("bare", "lookup", "passports", "passports_uncached", "products", "detail")
    )
    csv_rows, jsonld_rows = (measured[name]["rps"] * PRODUCTS for name in ("export_csv", "export_jsonld"))
    queries, sizes = facts["queries"], facts["sizes"]
    return [
        row("bare Django JsonResponse view (gunicorn, 2 workers)", bare["rps"], "req/s"),
        row(
            "lookup by GTIN, one passport (/api/v1/lookup)",
            lookup["rps"],
            "req/s",
            baseline=bare["rps"],
            ratio=lookup["rps"] / bare["rps"],
        ),
        row("passport list, 100 per page (/api/v1/passports/)", passports["rps"], "req/s"),
        row(
            "time of the passport list / time of the lookup",
            lookup["rps"] / passports["rps"],
            "×",
            baseline=1.0,
            ratio=lookup["rps"] / passports["rps"],
            target="≤ 2",
        ),
        row("passport list, 100 per page, page cache missed (its filters' count kept)", uncached["rps"], "req/s"),
        row(
            "time of the uncached passport list / time of the lookup",
            lookup["rps"] / uncached["rps"],
            "×",
            baseline=1.0,
            ratio=lookup["rps"] / uncached["rps"],
            target="≤ 2",
        ),
        row("product list, 100 per page, with a token (/api/v1/products/)", products["rps"], "req/s"),
        row(
            "time of the product list / time of the lookup",
            lookup["rps"] / products["rps"],
            "×",
            baseline=1.0,
            ratio=lookup["rps"] / products["rps"],
            target="≤ 3",
        ),
        row("passport detail, anonymous (/api/v1/passports/<code>/)", detail["rps"], "req/s"),
        row(
            "time of the passport detail / time of the lookup",
            lookup["rps"] / detail["rps"],
            "×",
            baseline=1.0,
            ratio=lookup["rps"] / detail["rps"],
            target="≤ 1.2",
        ),
        row(
            "open-data CSV export, streamed (rows/s; ratio: rows per lookup)",
            csv_rows,
            "rows/s",
            baseline=lookup["rps"],
            ratio=csv_rows / lookup["rps"],
        ),
        row(
            "open-data JSON-LD export, streamed (rows/s; ratio: rows per lookup)",
            jsonld_rows,
            "rows/s",
            baseline=lookup["rps"],
            ratio=jsonld_rows / lookup["rps"],
        ),
        row("lookup median latency under load", lookup["median_ms"], "ms"),
        row("passport list median latency under load", passports["median_ms"], "ms"),
        row("uncached passport list median latency under load", uncached["median_ms"], "ms"),
        row("product list median latency under load", products["median_ms"], "ms"),
        row("SQL queries: lookup", queries["lookup"], "queries"),
        row("SQL queries: passport list of 100", queries["passports"], "queries", target="constant"),
        row("SQL queries: product list of 100", queries["products"], "queries", target="constant"),
        row("SQL queries: passport detail", queries["detail"], "queries", target="constant"),
        row("response size: passport list of 100", sizes["passports"] / 1000, "kB"),
        row("response size: product list of 100", sizes["products"] / 1000, "kB"),
    ]


if __name__ == "__main__":
    if len(sys.argv) == 4 and sys.argv[1] == "prepare":
        prepare(Path(sys.argv[2]), Path(sys.argv[3]))
    else:
        for result in run():
            print(result)
