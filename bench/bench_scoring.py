"""Scoring: the pure core's throughput, and ``rescore`` over 10,000 stored products on SQLite.

Runs in a subprocess with its own throwaway SQLite database (``DATABASE_URL`` is set before Django starts), so
it does not matter which database other benchmarks in the same run use. The 10,000 products are made with
``bulk_create`` and vary from complete to nearly empty, like a real catalogue.

- Core: ``score_product`` over the facts of 2,000 of those products (read once), best of five passes; also with
  ``as_dict()``, the bilingual JSON that is stored. Target: at least 20,000 products/s.
- Rescore: ``rescore_products()`` over all 10,000 products, first run (creating the scores) and second run
  (updating them). Target: at most 10 s. Baseline: reading the same facts without scoring or writing.

Run alone: ``python bench/run.py scoring``.
"""

import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PRODUCTS = int(os.environ.get("BENCH_SCORING_PRODUCTS", "10000"))
CORE_SAMPLE = 2_000
CORE_PASSES = 5
CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"


def _passport_code(index: int) -> str:
    from products.identifiers import passport_check_character

    data, number = "", index + 2_000_000
    for _ in range(7):
        data = CROCKFORD[number % 32] + data
        number //= 32
    return data + passport_check_character(data)


def _populate(count: int) -> None:
    """``count`` products of 20 makers in 6 categories, each with a random share of the sections filled in."""
    from decimal import Decimal

    from django.db import transaction

    from lifecycle.models import Durability, DurabilityTest, EndOfLife, Repairability, RepairService, SparePart
    from products.models import (
        Category,
        Component,
        EvidenceDocument,
        MakerOrganisation,
        Material,
        Product,
        SupplyChainStep,
    )
    from products.regions import derive_region

    rng = random.Random(45554)
    places = [
        ("Solingen", "42651", "DE"),
        ("Haan", "42781", "DE"),
        ("Wuppertal", "42103", "DE"),
        ("Köln", "50667", "DE"),
        ("Thiers", "63300", "FR"),
        ("Seki", "", "JP"),
    ]
    step_types = [
        "raw_material",
        "forging",
        "hardening",
        "grinding",
        "handle_making",
        "assembly",
        "finishing",
        "packaging",
    ]
    with transaction.atomic():
        makers = MakerOrganisation.objects.bulk_create(
            MakerOrganisation(name=f"Schmiede {i}", slug=f"schmiede-{i}", city="Solingen") for i in range(20)
        )
        # bulk_create sends no signals, so nothing is scored while the data is made.
        (root,) = Category.objects.bulk_create(
            [
                Category(
                    slug="schneidwaren",
                    name_de="Schneidwaren",
                    name_en="Cutlery",
                    reference_lifetime_years=15,
                    reference_warranty_years=3,
                )
            ]
        )
        categories = Category.objects.bulk_create(
            Category(
                parent=root,
                slug=f"kategorie-{i}",
                name_de=f"Kategorie {i}",
                name_en=f"Category {i}",
                resharpenable=i % 2 == 0,
                reference_lifetime_years=None if i % 3 else 10 + 5 * i,
            )
            for i in range(6)
        )
        products = Product.objects.bulk_create(
            Product(
                maker=makers[i % 20],
                category=categories[i % 6],
                name=f"Messer {i}",
                passport_code=_passport_code(i),
                price_eur=Decimal("80"),
            )
            for i in range(count)
        )
        rows: dict[type, list] = {
            model: []
            for model in (
                Material,
                Component,
                SupplyChainStep,
                EvidenceDocument,
                Durability,
                DurabilityTest,
                Repairability,
                SparePart,
                RepairService,
                EndOfLife,
            )
        }
        for product in products:
            filled = rng.random()  # how complete this product is
            for name, share in (("Stahl", 80), ("Holz", 20))[: rng.randint(0, 2)]:
                rows[Material].append(
                    Material(
                        product=product,
                        name=name,
                        share_percent=share,
                        recycled_content_percent=rng.choice([None, 0, 30, 60]),
                        recyclable=rng.choice([None, True]),
                        substances_of_concern=rng.choice(["", "none", "keine"]),
                    )
                )
            if filled > 0.3:
                rows[Component].append(
                    Component(
                        product=product,
                        name="Griff",
                        replaceable=True,
                        spare_part_available=rng.choice([None, True, False]),
                    )
                )
            for position in range(rng.randint(0, 7) if filled > 0.15 else 0):
                city, postcode, country = rng.choice(places) if rng.random() < 0.9 else ("", "", "")
                rows[SupplyChainStep].append(
                    SupplyChainStep(
                        product=product,
                        position=position,
                        step_type=rng.choice(step_types),
                        performed_by=rng.choice(["maker", "supplier", ""]) if country else "",
                        supplier_name="Härterei Müller",
                        supplier_confidential=rng.random() < 0.2,
                        city=city,
                        postcode=postcode,
                        country=country,
                        region=derive_region(city, postcode, country) if country else "",
                    )
                )
            if filled > 0.4:
                rows[EvidenceDocument].append(
                    EvidenceDocument(
                        product=product,
                        title="Nachweis",
                        url="https://example.org/n.pdf",
                        claim=rng.choice(["durability", "warranty", "supply_chain", "materials", "end_of_life"]),
                        verified=rng.random() < 0.5,
                    )
                )
            if filled > 0.25:
                rows[Durability].append(
                    Durability(
                        product=product,
                        warranty_years=rng.choice([None, 2, 5, 10]),
                        expected_lifetime_years=rng.choice([None, 10, 25]),
                        maintenance_instructions=rng.choice(["", "Von Hand spülen."]),
                        resharpenable=rng.choice([None, True, False]),
                        refurbishable=rng.choice([None, True]),
                    )
                )
                if filled > 0.6:
                    rows[DurabilityTest].append(
                        DurabilityTest(product=product, property="edge_retention", result="CEP 600 mm")
                    )
            if filled > 0.35:
                rows[Repairability].append(
                    Repairability(
                        product=product,
                        documentation=rng.choice(["", "public", "professionals", "none"]),
                        documentation_url="https://example.org/r",
                        disassembly_steps=rng.choice([None, 1, 3, 9]),
                        fasteners=rng.choice(["", "reusable", "not_removable"]),
                        tools=rng.choice(["", "basic", "none"]),
                    )
                )
            if filled > 0.5:
                rows[SparePart].append(
                    SparePart(
                        product=product,
                        name="Griffschalen",
                        years_available=rng.choice([None, 5, 10]),
                        delivery_days=rng.choice([None, 3, 14]),
                        price_percent_of_product=rng.choice([None, 15, 40]),
                    )
                )
                rows[RepairService].append(RepairService(product=product, service_type="resharpening"))
            if filled > 0.45:
                rows[EndOfLife].append(
                    EndOfLife(
                        product=product,
                        take_back_offered=rng.choice([None, True, False]),
                        recyclable_share_percent=rng.choice([None, 90]),
                        separability=rng.choice(["", "easy", "hard"]),
                    )
                )
        for model, objects in rows.items():
            model.objects.bulk_create(objects, batch_size=2_000)


def measure(database: Path) -> dict:
    """In the subprocess: build the database, then time the core and rescore."""
    import django

    django.setup()
    from django.core.management import call_command
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from catalogue.models import ProductScore
    from catalogue.scores.selectors import scoring_facts_for
    from catalogue.scores.services import rescore_products
    from catalogue.scoring import score_product
    from products.models import Product

    call_command("migrate", verbosity=0)
    _populate(PRODUCTS)
    ids = list(Product.objects.order_by("pk").values_list("pk", flat=True))

    facts = list(scoring_facts_for(ids[:CORE_SAMPLE]).values())
    for item in facts[:200]:  # warm-up
        score_product(item).as_dict()

    def best_rate(function) -> float:
        best = float("inf")
        for _ in range(CORE_PASSES):
            started = time.perf_counter()
            for item in facts:
                function(item)
            best = min(best, time.perf_counter() - started)
        return len(facts) / best

    core = best_rate(score_product)
    core_dict = best_rate(lambda item: score_product(item).as_dict())

    started = time.perf_counter()
    for start in range(0, len(ids), 500):
        scoring_facts_for(ids[start : start + 500])
    read_seconds = time.perf_counter() - started

    started = time.perf_counter()
    created = rescore_products(batch_size=500)
    first_seconds = time.perf_counter() - started
    started = time.perf_counter()
    with CaptureQueriesContext(connection) as queries:
        updated = rescore_products(batch_size=500)
    second_seconds = time.perf_counter() - started
    assert created == updated == ProductScore.objects.count() == len(ids)
    grades = sorted(set(ProductScore.objects.values_list("grade", flat=True)))
    return {
        "core": core,
        "core_dict": core_dict,
        "read_seconds": read_seconds,
        "first_seconds": first_seconds,
        "second_seconds": second_seconds,
        "queries_per_batch": (len(queries.captured_queries) - 1) / -(-len(ids) // 500),
        "grades": grades,
        "products": len(ids),
    }


def run() -> list[dict]:
    with tempfile.TemporaryDirectory(prefix="bench-scoring-") as directory:
        database = Path(directory) / "scoring.sqlite3"
        env = {
            **os.environ,
            "PYTHONPATH": str(ROOT),
            "DJANGO_SETTINGS_MODULE": "catalogue.settings",
            "DJANGO_DEBUG": "1",
            "DATABASE_URL": f"sqlite:///{database}",
        }
        result = subprocess.run(
            [sys.executable, __file__, "measure", str(database)],
            env=env,
            cwd=ROOT,
            check=True,
            capture_output=True,
            text=True,
        )
    figures = json.loads(result.stdout.strip().splitlines()[-1])
    products = figures["products"]
    return [
        {
            "name": "scoring core (score_product)",
            "value": figures["core"],
            "unit": "products/s",
            "target": "≥ 20000 products/s",
        },
        {"name": "scoring core with the stored JSON (as_dict)", "value": figures["core_dict"], "unit": "products/s"},
        {
            "name": f"rescore {products:,} stored products, first run",
            "value": figures["first_seconds"],
            "unit": "s",
            "baseline": figures["read_seconds"],
            "ratio": figures["first_seconds"] / figures["read_seconds"],
            "target": "≤ 10 s",
        },
        {
            "name": f"rescore {products:,} stored products, again",
            "value": figures["second_seconds"],
            "unit": "s",
            "baseline": figures["read_seconds"],
            "ratio": figures["second_seconds"] / figures["read_seconds"],
            "target": "≤ 10 s",
        },
        {"name": f"baseline: read the facts of {products:,} products", "value": figures["read_seconds"], "unit": "s"},
        {"name": "rescore queries per batch of 500", "value": figures["queries_per_batch"], "unit": "queries"},
        {"name": "distinct grades among the products", "value": len(figures["grades"]), "unit": "grades"},
    ]


if __name__ == "__main__":
    if sys.argv[1:2] == ["measure"]:
        print(json.dumps(measure(Path(sys.argv[2]))))
