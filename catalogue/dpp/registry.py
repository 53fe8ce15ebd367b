"""The export for the EU registry (Reg. 2026/1778 Art. 8): one entry per published passport (docs/espr.md)."""

import csv
import io
import json
import os
from collections.abc import Iterator

from django.conf import settings

from catalogue.models import PassportVersion
from products.models import Product

FIELDS = (
    "upi",
    "upi_scheme",
    "operator",
    "operator_scheme",
    "facilities",
    "commodity_code",
    "granularity",
    "live_url",
    "backup_url",
    "version",
    "content_hash",
)


def backup_base_url() -> str:
    """Where the backup copy (manage.py backup_passports) is hosted: BACKUP_BASE_URL, empty when none is."""
    return os.environ.get("BACKUP_BASE_URL", "").rstrip("/")


def registry_entries() -> Iterator[dict]:
    """Each published passport's current version as the registry reads it, by passport code (two queries)."""
    versions = (
        PassportVersion.objects.filter(product__status=Product.Status.PUBLISHED)
        .current()
        .select_related("product")
        .only("number", "content_hash", "snapshot", "product__passport_code", "product__gtin")
        .order_by("product__passport_code")
    )
    backup = backup_base_url()
    for version in versions.iterator(chunk_size=200):
        code = version.product.passport_code
        identifiers = version.snapshot.get("identifiers") or {}
        upi = identifiers.get("upi") or {}
        operator = identifiers.get("operator") or {}
        yield {
            "upi": upi.get("value"),
            "upi_scheme": upi.get("scheme"),
            "operator": operator.get("value"),
            "operator_scheme": operator.get("scheme"),
            "facilities": [
                {"name": facility.get("name"), "gln": facility.get("gln")}
                for facility in identifiers.get("facilities") or []
            ],
            "commodity_code": identifiers.get("commodity_code"),
            "granularity": identifiers.get("granularity"),
            "live_url": f"{settings.SITE_BASE_URL}/p/{code}",
            "backup_url": f"{backup}/{code}/v{version.number}/" if backup else None,
            "version": version.number,
            "content_hash": version.content_hash,
        }


def registry_json(entries) -> str:
    return json.dumps({"schema": "gw-registry/1", "entries": list(entries)}, ensure_ascii=False, indent=2) + "\n"


def registry_csv(entries) -> str:
    """CSV with one row per passport; the facilities as "name (GLN)" joined with " | "."""
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=FIELDS, lineterminator="\n")
    writer.writeheader()
    for entry in entries:
        facilities = " | ".join(
            f"{facility['name']} ({facility['gln']})" if facility["gln"] else facility["name"]
            for facility in entry["facilities"]
        )
        writer.writerow({**entry, "facilities": facilities})
    return out.getvalue()


def render_registry(file_format: str) -> str:
    entries = registry_entries()
    return registry_csv(entries) if file_format == "csv" else registry_json(entries)
