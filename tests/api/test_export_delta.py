"""Open-data exports: streamed in constant memory, and delta exports of the changes since a date (?since=)."""

import csv
import io
import json
import tracemalloc
from datetime import timedelta

import pytest
from django.core.management import call_command
from django.db.models import QuerySet
from django.utils import timezone
from rest_framework.test import APIClient

from catalogue.models import PassportVersion
from catalogue.passports.open_data import CSV_COLUMNS, iter_csv
from catalogue.passports.selectors import CSV_FIELDS, published_snapshots
from catalogue.passports.services import withdraw_product
from products.models import Product
from tests.factories import published_bare_product

CSV_URL, JSONLD_URL = "/api/v1/export/passports.csv", "/api/v1/export/passports.jsonld"


def streamed(response) -> str:
    assert response.status_code == 200
    assert response.streaming
    return b"".join(response.streaming_content).decode()


def move_back(product, days: int) -> None:
    """As if the product had been published (and last changed) ``days`` ago."""
    earlier = timezone.now() - timedelta(days=days)
    # The versions are immutable, so their manager refuses updates; the plain QuerySet's does not.
    QuerySet.update(PassportVersion.objects.filter(product=product), published_at=earlier)
    Product.objects.filter(pk=product.pk).update(updated_at=earlier)


@pytest.fixture
def changes(db, maker, maker_user):
    """An old passport, one published yesterday, and an old one withdrawn today."""
    old = published_bare_product(maker_user, maker=maker)
    new = published_bare_product(maker_user, maker=maker)
    gone = published_bare_product(maker_user, maker=maker)
    move_back(old, 30)
    move_back(gone, 30)
    move_back(new, 1)
    withdraw_product(gone, maker_user)
    return old, new, gone


def test_a_csv_delta_lists_what_was_published_or_withdrawn_since(changes):
    old, new, gone = changes
    since = (timezone.now() - timedelta(days=3)).date().isoformat()
    rows = list(csv.DictReader(io.StringIO(streamed(APIClient().get(CSV_URL, {"since": since})))))
    assert {row["passport_code"]: row["status"] for row in rows} == {
        new.passport_code: "published",
        gone.passport_code: "withdrawn",
    }
    full = list(csv.DictReader(io.StringIO(streamed(APIClient().get(CSV_URL)))))
    assert {row["passport_code"] for row in full} == {old.passport_code, new.passport_code}
    assert list(full[0]) == list(CSV_COLUMNS)  # the full export keeps its columns


def test_a_jsonld_delta_carries_the_status(changes):
    since = (timezone.now() - timedelta(hours=36)).isoformat()
    document = json.loads(streamed(APIClient().get(JSONLD_URL, {"since": since})))
    statuses = [
        {item["propertyID"]: item["value"] for item in node["additionalProperty"]}["status"]
        for node in document["mainEntity"]["itemListElement"]
    ]
    assert sorted(statuses) == ["published", "withdrawn"]
    since = (timezone.now() - timedelta(hours=1)).isoformat()
    document = json.loads(streamed(APIClient().get(JSONLD_URL, {"since": since})))
    assert len(document["mainEntity"]["itemListElement"]) == 1  # only the withdrawal of today


@pytest.mark.parametrize("since", ["gestern", "2026-02-30", "31.01.2026", ""])
@pytest.mark.parametrize("url", [CSV_URL, JSONLD_URL])
def test_a_bad_since_is_a_400_naming_it(db, url, since):
    response = APIClient().get(url, {"since": since})
    assert response.status_code == 400
    assert "ISO 8601" in response.json()["since"][0]


def test_the_command_writes_a_delta(changes, tmp_path):
    _old, _new, gone = changes
    out = tmp_path / "delta.csv"
    call_command("export_open_data", format="csv", out=str(out), since="2000-01-01")
    rows = list(csv.DictReader(io.StringIO(out.read_text())))
    assert len(rows) == 3
    assert {row["passport_code"]: row["status"] for row in rows}[gone.passport_code] == "withdrawn"


def peak_memory_of_export(count: int, maker, maker_user) -> int:
    """The peak of memory allocated while the CSV export of ``count`` versions is streamed and thrown away."""
    template = PassportVersion.objects.first()
    if template is None:
        template = PassportVersion.objects.get(product=published_bare_product(maker_user, maker=maker))
    have = PassportVersion.objects.count()
    products = Product.objects.bulk_create(
        Product(
            maker=maker,
            category_id=template.product.category_id,
            name=f"Messer {n}",
            passport_code=f"ZZ{n:06d}",
            status=Product.Status.PUBLISHED,
        )
        for n in range(have, count)
    )
    PassportVersion.objects.bulk_create(
        PassportVersion(
            product=product,
            number=1,
            snapshot={**template.snapshot, "product": {**template.snapshot["product"], "name": product.name}},
            methodology_version=template.methodology_version,
            content_hash=template.content_hash,
            published_at=template.published_at,
        )
        for product in products
    )
    assert PassportVersion.objects.count() == count
    tracemalloc.start()
    try:
        for _chunk in iter_csv(published_snapshots(CSV_FIELDS, chunk_size=50)):
            pass
        return tracemalloc.get_traced_memory()[1]
    finally:
        tracemalloc.stop()


def test_the_export_streams_in_constant_memory(db, maker, maker_user):
    """Ten times the rows may not take much more memory: the rows are read in chunks and written one by one."""
    small = peak_memory_of_export(60, maker, maker_user)
    large = peak_memory_of_export(600, maker, maker_user)
    assert large < small * 2, (small, large)
