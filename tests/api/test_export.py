"""Open-data export: CSV and JSON-LD round trips, the licence, the API endpoints and the command."""

import csv
import io
import json

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext

from catalogue.models import PassportVersion
from catalogue.passports.open_data import (
    CSV_COLUMNS,
    LICENSE_URL,
    iter_jsonld,
    open_data_csv,
    open_data_jsonld,
)
from catalogue.passports.services import publish_product, withdraw_product
from tests.factories import ProductFactory, bare_product, complete_product, published_bare_product, showcase_product

SUBSCORES = ("durability", "repairability", "supply_chain", "circularity")


def entries_from_the_database() -> list[tuple[dict, str]]:
    """(snapshot, hash) of the current version of every published passport, as the export should list them."""
    current = {}
    for version in PassportVersion.objects.filter(product__status="published").order_by("number"):
        current[version.product.passport_code] = (version.snapshot, version.content_hash)
    return [current[code] for code in sorted(current)]


def parse_csv(text: str) -> list[dict]:
    return list(csv.DictReader(io.StringIO(text)))


def products_of(document: dict) -> list[dict]:
    return document["mainEntity"]["itemListElement"]


def properties(node: dict) -> dict:
    return {item["propertyID"]: item["value"] for item in node["additionalProperty"]}


def assert_csv_matches(rows: list[dict], entries: list[tuple[dict, str]]) -> None:
    assert [row["passport_code"] for row in rows] == [snapshot["product"]["passport_code"] for snapshot, _ in entries]
    for row, (snapshot, content_hash) in zip(rows, entries, strict=True):
        score = snapshot["score"]
        assert row["gtin"] == (snapshot["product"]["gtin"] or "")
        assert row["name"] == snapshot["product"]["name"]
        assert row["grade"] == score["grade"]
        assert float(row["overall"]) == score["overall"]
        assert {name: float(row[name]) for name in SUBSCORES} == score["subscores"]
        assert row["solingen"] == ("true" if score["solingen"]["qualifies"] else "false")
        assert int(row["version"]) == snapshot["version"]
        assert row["content_hash"] == content_hash
        assert row["license"] == LICENSE_URL


def assert_jsonld_matches(document: dict, entries: list[tuple[dict, str]]) -> None:
    assert document["license"] == LICENSE_URL
    assert document["@type"] == "Dataset"
    nodes = products_of(document)
    assert [node["productID"] for node in nodes] == [snapshot["product"]["passport_code"] for snapshot, _ in entries]
    for node, (snapshot, content_hash) in zip(nodes, entries, strict=True):
        score = snapshot["score"]
        values = properties(node)
        assert node["@type"] == "Product"
        assert node.get("gtin14") == snapshot["product"]["gtin"]
        assert values["grade"] == score["grade"]
        assert values["overall"] == score["overall"]
        assert {name: values[name] for name in SUBSCORES} == score["subscores"]
        assert values["solingen"] == score["solingen"]["qualifies"]
        assert values["passport_version"] == snapshot["version"]
        assert values["content_hash"] == content_hash


def published_entry(product) -> tuple[dict, str]:
    """(snapshot, hash) of ``product`` published through the real service."""
    version = publish_product(product)
    return version.snapshot, version.content_hash


@pytest.fixture
def entries(db):
    """A fully disclosed knife from Solingen, and scissors without GTIN, durability data or Solingen designation."""
    return [
        published_entry(showcase_product()),
        published_entry(bare_product(name='Schere, 21 cm; "Profi"')),
    ]


class TestRenderers:
    def test_csv_round_trip(self, entries):
        assert entries[1][0]["durability"] is None and entries[1][0]["product"]["gtin"] is None
        text = open_data_csv(entries)
        rows = parse_csv(text)
        assert list(rows[0]) == list(CSV_COLUMNS)
        assert_csv_matches(rows, entries)
        assert rows[1]["warranty_years"] == ""  # not disclosed stays empty, never 0
        assert text.startswith("passport_code,gtin,name,")

    def test_jsonld_round_trip_and_streaming_gives_the_same_document(self, entries):
        document = open_data_jsonld(entries, generated_at="2026-11-25T10:00:00+01:00", url="https://x.example/")
        streamed = "".join(iter_jsonld(entries, generated_at="2026-11-25T10:00:00+01:00", url="https://x.example/"))
        assert json.loads(streamed) == document
        assert_jsonld_matches(document, entries)

    def test_no_passports_give_valid_files(self):
        assert parse_csv(open_data_csv([])) == []
        streamed = "".join(iter_jsonld([], generated_at="2026-11-25T10:00:00+01:00", url="https://x.example/"))
        assert products_of(json.loads(streamed)) == []

    def test_text_that_a_spreadsheet_would_run_is_defused(self, db):
        snapshot, content_hash = published_entry(bare_product(name='=HYPERLINK("https://evil.example")'))
        row = parse_csv(open_data_csv([(snapshot, content_hash)]))[0]
        assert row["name"] == """'=HYPERLINK("https://evil.example")"""


@pytest.fixture
def catalogue(maker, other_maker):
    """Three published passports (one with two versions), one withdrawn and one draft."""
    first = complete_product(maker=maker)
    publish_product(first)
    publish_product(first)
    publish_product(complete_product(maker=other_maker))
    published_bare_product(maker=maker)  # without a GTIN
    gone = published_bare_product(maker=other_maker)
    withdraw_product(gone)
    ProductFactory(maker=maker)
    return entries_from_the_database()


class TestEndpoints:
    def test_csv(self, clients, catalogue):
        assert len(catalogue) == 3
        response = clients["anonymous"].get("/api/v1/export/passports.csv")
        assert response.status_code == 200
        assert response["Content-Type"] == "text/csv; charset=utf-8"
        assert response["Link"] == f'<{LICENSE_URL}>; rel="license"'
        assert 'filename="passports.csv"' in response["Content-Disposition"]
        assert_csv_matches(parse_csv(b"".join(response.streaming_content).decode()), catalogue)

    def test_jsonld(self, clients, catalogue):
        response = clients["anonymous"].get("/api/v1/export/passports.jsonld?lang=en")
        assert response.status_code == 200
        assert response["Content-Type"] == "application/ld+json"
        document = json.loads(b"".join(response.streaming_content))
        assert_jsonld_matches(document, catalogue)
        assert document["inLanguage"] == "en"
        assert document["url"] == "http://testserver/api/v1/export/passports.jsonld"

    def test_an_unknown_language_is_a_clear_400(self, clients, db):
        response = clients["anonymous"].get("/api/v1/export/passports.jsonld?lang=fr")
        assert response.status_code == 400
        assert "lang" in response.json()

    def test_query_count_does_not_grow(self, clients, maker):
        def count():
            with CaptureQueriesContext(connection) as context:
                response = clients["anonymous"].get("/api/v1/export/passports.csv")
                rows = parse_csv(b"".join(response.streaming_content).decode())
            return len(rows), len(context.captured_queries)

        for _ in range(10):
            published_bare_product(maker=maker)
        rows, at_10 = count()
        for _ in range(90):
            published_bare_product(maker=maker)
        assert count() == (100, at_10)
        assert rows == 10


class TestCommand:
    @pytest.mark.parametrize("format", ["csv", "jsonld"])
    def test_the_command_writes_what_the_api_serves(self, clients, catalogue, tmp_path, format):
        out = tmp_path / f"passports.{format}"
        messages = io.StringIO()
        call_command("export_open_data", format=format, out=str(out), stdout=messages)
        assert "Exported 3 passports" in messages.getvalue()
        text = out.read_bytes().decode()
        served = b"".join(clients["anonymous"].get(f"/api/v1/export/passports.{format}").streaming_content).decode()
        if format == "csv":
            assert text == served
            assert_csv_matches(parse_csv(text), catalogue)
        else:
            written, api = json.loads(text), json.loads(served)
            assert products_of(written) == products_of(api)
            assert_jsonld_matches(written, catalogue)
        assert oct(out.stat().st_mode & 0o777) == "0o644"

    def test_a_missing_directory_is_a_clear_error(self, db, tmp_path):
        from django.core.management.base import CommandError

        with pytest.raises(CommandError, match="does not exist"):
            call_command("export_open_data", format="csv", out=str(tmp_path / "nope" / "x.csv"))
