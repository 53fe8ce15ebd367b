"""The open-data CSV joins the lines stored at publication: the same file as rendered from the snapshots."""

from datetime import timedelta

import pytest
from django.core.management import call_command
from django.db import connection
from django.db.models import QuerySet
from django.test.utils import CaptureQueriesContext
from django.utils import timezone
from rest_framework.test import APIClient

from catalogue.models import PassportVersion
from catalogue.passports.open_data import csv_line
from catalogue.passports.redaction import redact_version
from catalogue.passports.services import publish_product, withdraw_product
from tests.factories import published_bare_product, published_product, republished, showcase_product

CSV_URL = "/api/v1/export/passports.csv"


def export(**params) -> str:
    response = APIClient().get(CSV_URL, params)
    assert response.status_code == 200
    return b"".join(response.streaming_content).decode()


def forget_stored_rows() -> None:
    """As for versions published before the lines were stored."""
    QuerySet.update(PassportVersion.objects.all(), open_data_csv_row="")


@pytest.fixture
def catalogue(db, maker, maker_user):
    """A complete product, a showcase (confidential supplier), a bare one, a withdrawn one and one of two versions."""
    products = [
        published_product(maker_user, maker=maker, model_number="KM-2026-A"),
        showcase_product(maker=maker),
        published_bare_product(maker_user, maker=maker),
        published_bare_product(maker_user, maker=maker),
        published_product(maker_user, maker=maker),
    ]
    publish_product(products[1], maker_user)
    withdraw_product(products[3], maker_user)
    republished(products[4], maker_user)
    return products


def test_publishing_stores_the_line_of_the_version(catalogue):
    versions = list(PassportVersion.objects.all())
    assert len(versions) == 6
    for version in versions:
        assert version.open_data_csv_row == csv_line(version.snapshot, version.content_hash)
        assert version.open_data_csv_row.startswith(version.snapshot["product"]["passport_code"] + ",")
        assert version.open_data_csv_row.endswith("\r\n")


@pytest.mark.parametrize("since", [None, "2000-01-01"])
def test_the_export_is_the_same_file_with_or_without_stored_lines(catalogue, since):
    params = {"since": since} if since else {}
    stored = export(**params)
    assert stored.count("\r\n") == (1 + 5 if since else 1 + 4)  # the header and a row per (current) passport
    forget_stored_rows()
    assert export(**params) == stored


def test_the_export_reads_the_stored_line_and_not_the_snapshot(catalogue):
    product = catalogue[0]
    QuerySet.update(
        PassportVersion.objects.filter(product=product), open_data_csv_row=f"{product.passport_code},stored\r\n"
    )
    with CaptureQueriesContext(connection) as queries:
        text = export()
    assert f"{product.passport_code},stored\r\n" in text
    # The snapshot is selected only where no line is stored (CASE ... WHEN open_data_csv_row = '').
    selects = [query["sql"] for query in queries if "open_data_csv_row" in query["sql"]]
    assert selects and all("CASE WHEN" in sql for sql in selects)


def test_a_delta_adds_the_status_to_the_stored_line(catalogue):
    since = (timezone.now() - timedelta(days=1)).isoformat()
    lines = export(since=since).splitlines()
    assert lines[0].endswith(",license,status")
    withdrawn = catalogue[3].passport_code
    assert [line.rsplit(",", 1)[1] for line in lines[1:] if line.startswith(withdrawn + ",")] == ["withdrawn"]


def test_a_redaction_renders_the_line_again(catalogue, staff_user):
    product = catalogue[0]
    version = PassportVersion.objects.get(product=product)
    model_number = version.snapshot["product"]["model_number"]
    assert model_number and f",{model_number}," in version.open_data_csv_row
    redact_version(version, ["product.model_number"], "Markenrecht", staff_user)
    version.refresh_from_db()
    assert f",{model_number}," not in version.open_data_csv_row
    assert version.open_data_csv_row == csv_line(version.snapshot, version.content_hash)
    assert f",{model_number}," not in export()


def test_the_command_stores_missing_lines(catalogue):
    before = export()
    forget_stored_rows()
    call_command("store_public_json")
    assert not PassportVersion.objects.filter(open_data_csv_row="").exists()
    assert export() == before
