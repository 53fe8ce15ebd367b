"""Bulk import of a ~4.9 MB JSON file through the API: the request that queues it, and the job that runs it.

Runs in a subprocess with its own throwaway SQLite database. The file holds demo-like chef's knives (materials,
components, four supply-chain steps, durability, repairability), about 1.4 KB each. The request goes through
Django's test client (no HTTP server), the job through the real ``db_worker`` command in the same process.

- Request: POST /api/v1/products/import/ answers 202 with the job's URL. Target: under one second.
- Job: the whole import (checking every row, then saving all in one transaction), about what the request took
  before the queue existed. Baseline: reading and checking the file without saving (a dry run in the request).

Run alone: ``python bench/run.py import``.
"""

import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
ROWS = int(os.environ.get("BENCH_IMPORT_ROWS", "3450"))


def knife(index: int) -> dict:
    from products.identifiers import gs1_check_digit

    body = f"439{index:09d}"
    return {
        "name": f"Kochmesser Schmiedeklinge {index}",
        "category": "chefs-knives",
        "gtin": body + str(gs1_check_digit(body)),
        "model_number": f"KM-{index}",
        "description": "Gesenkgeschmiedetes Kochmesser aus X50CrMoV15 mit Griffschalen aus Olivenholz. " * 3,
        "price_eur": 129.0,
        "mass_g": 210,
        "materials": [
            {"name": "X50CrMoV15", "part": "Klinge", "share_percent": 80, "recycled_content_percent": 30},
            {"name": "Olivenholz", "part": "Griff", "share_percent": 20, "renewable": True},
        ],
        "components": [
            {"name": "Klinge", "replaceable": False},
            {"name": "Griffschalen", "replaceable": True, "spare_part_available": True},
        ],
        "supply_chain_steps": [
            {"step_type": step, "performed_by": "maker", "city": "Solingen", "postcode": "42651", "country": "DE"}
            for step in ("forging", "hardening", "grinding", "assembly")
        ],
        "durability": {"warranty_years": 5, "expected_lifetime_years": 25, "resharpenable": True},
        "repairability": {"documentation": "public", "documentation_url": "https://example.org/repair"},
    }


def measure() -> dict:
    import django

    django.setup()
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.core.management import call_command
    from rest_framework.authtoken.models import Token
    from rest_framework.test import APIClient

    from products.import_jobs import ImportJob
    from products.models import Category, MakerMembership, MakerOrganisation, Product

    call_command("migrate", verbosity=0)
    Category.objects.create(slug="chefs-knives", name_de="Kochmesser", name_en="Chef's knives")
    maker = MakerOrganisation.objects.create(slug="bench-maker", name="Bench-Manufaktur")
    from django.contrib.auth import get_user_model

    user = get_user_model().objects.create_user("bench-maker")
    MakerMembership.objects.create(user=user, organisation=maker)
    client = APIClient(HTTP_ACCEPT_LANGUAGE="en", HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=user).key}")
    content = json.dumps([knife(index) for index in range(ROWS)], ensure_ascii=False).encode()

    def post(**fields):
        upload = SimpleUploadedFile("products.json", content, content_type="application/json")
        started = time.perf_counter()
        response = client.post("/api/v1/products/import/", {"file": upload, **fields}, format="multipart")
        return response, time.perf_counter() - started

    # The first request of a process loads what every later one reuses; that is not the import's cost.
    warm_up = SimpleUploadedFile("warm-up.json", json.dumps([knife(ROWS)]).encode(), content_type="application/json")
    assert client.post("/api/v1/products/import/", {"file": warm_up, "dry_run": "true"}).status_code == 200
    queued, request_seconds = post()
    assert queued.status_code == 202, queued.content[:500]
    started = time.perf_counter()
    call_command("db_worker", "--batch", "--no-reload", "--no-startup-delay", "--interval", "0", verbosity=0)
    job_seconds = time.perf_counter() - started
    job = ImportJob.objects.get(pk=queued.json()["id"])
    assert job.status == "succeeded", job.errors[:3]
    assert Product.objects.count() == ROWS

    from django.test import override_settings

    with override_settings(IMPORT_BACKGROUND_THRESHOLD_BYTES=len(content) * 2):
        Product.objects.all().delete()
        checked, check_seconds = post(dry_run="true")
        assert checked.status_code == 200, checked.content[:500]
    return {
        "bytes": len(content),
        "rows": ROWS,
        "request_seconds": request_seconds,
        "job_seconds": job_seconds,
        "check_seconds": check_seconds,
    }


def run() -> list[dict]:
    with tempfile.TemporaryDirectory(prefix="bench-import-") as directory:
        env = {
            **os.environ,
            "PYTHONPATH": str(ROOT),
            "DJANGO_SETTINGS_MODULE": "catalogue.settings",
            "DJANGO_DEBUG": "0",
            "DJANGO_SECRET_KEY": "benchmark-only-secret-key-0123456789-abcdefghijklmnopqrstuvwxyz",
            "DJANGO_ALLOWED_HOSTS": "testserver",
            "DJANGO_SECURE_SSL_REDIRECT": "0",
            "DJANGO_LOG_LEVEL": "ERROR",
            "DATABASE_URL": f"sqlite:///{Path(directory) / 'import.sqlite3'}",
        }
        result = subprocess.run(
            [sys.executable, __file__, "measure"], env=env, cwd=ROOT, check=True, capture_output=True, text=True
        )
    figures = json.loads(result.stdout.strip().splitlines()[-1])
    size = f"{figures['bytes'] / 1e6:.1f} MB, {figures['rows']:,} rows"
    return [
        {
            "name": f"import request answering 202 ({size})",
            "value": figures["request_seconds"],
            "unit": "s",
            "target": "< 1 s",
        },
        {
            "name": f"import job in the worker ({size})",
            "value": figures["job_seconds"],
            "unit": "s",
            "baseline": figures["check_seconds"],
            "ratio": figures["job_seconds"] / figures["check_seconds"],
        },
        {"name": f"baseline: dry run within the request ({size})", "value": figures["check_seconds"], "unit": "s"},
    ]


if __name__ == "__main__":
    if sys.argv[1:2] == ["measure"]:
        print(json.dumps(measure()))
