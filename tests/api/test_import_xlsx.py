"""The API's import takes XLSX like CSV and JSON: recognised by content, errors with their cells, queued when large."""

import io

import openpyxl
import pytest

from products.import_jobs import ImportJob
from products.models import Product
from tests.factories import CategoryFactory, ProductFactory
from tests.worker import run_queued_tasks

URL = "/api/v1/products/import/"


def workbook(rows, header=("passport_code", "name", "category", "price_eur")) -> io.BytesIO:
    book = openpyxl.Workbook()
    book.active.title = "Products"
    book.active.append(list(header))
    for row in rows:
        book.active.append(row)
    upload = io.BytesIO()
    book.save(upload)
    upload.seek(0)
    upload.name = "upload.bin"  # the content decides, not the name
    return upload


@pytest.fixture
def category(db):
    return CategoryFactory(slug="chefs-knives")


def test_a_workbook_creates_and_updates_products(maker_api_client, maker, category):
    stored = ProductFactory(maker=maker, category=category, name="Alt")

    response = maker_api_client.post(
        URL,
        {"file": workbook([[stored.passport_code, "Neu", "chefs-knives", 10], [None, "Zweites", "chefs-knives", 20]])},
        format="multipart",
    )

    assert response.status_code == 201, response.json()
    assert response.json()["count"] == 2
    stored.refresh_from_db()
    assert stored.name == "Neu"
    assert Product.objects.filter(maker=maker).count() == 2


def test_errors_carry_their_cells(maker_api_client, category):
    response = maker_api_client.post(
        URL, {"file": workbook([[None, "Messer", "chefs-knives", "teuer"]])}, format="multipart"
    )

    assert response.status_code == 400
    (error,) = response.json()["errors"]
    assert (error["row"], error["field"], error["cell"]) == (1, "price_eur", "D2")


def test_a_large_workbook_is_queued_and_run_by_the_worker(maker_api_client, maker, category, settings):
    settings.IMPORT_BACKGROUND_THRESHOLD_BYTES = 100
    rows = [[None, f"Messer {number}", "chefs-knives", number] for number in range(1, 4)]

    response = maker_api_client.post(URL, {"file": workbook(rows)}, format="multipart")

    assert response.status_code == 202
    assert not Product.objects.exists()
    run_queued_tasks()
    assert ImportJob.objects.get().status == ImportJob.Status.SUCCEEDED
    assert Product.objects.filter(maker=maker).count() == 3
