"""GTINs in a bulk import: refused numbers are row errors, a book's number a warning in the service, command and API."""

import io

import pytest
from django.core.management import call_command

from products.identifiers import gs1_check_digit
from products.importing import import_products, read_rows
from products.models import Product
from tests.factories import CategoryFactory

ISBN = "978300000000" + str(gs1_check_digit("978300000000"))
WARNING = (
    f"The GTIN {ISBN} is a book's ISBN (Bookland, 978 or 979). Products other than books, music and periodicals "
    "get their GTIN from a GS1 company prefix: check that this is the product's own number."
)
CSV = f"name,category,gtin\nKochmesser,chefs-knives,4006381333931\nKochbuch,chefs-knives,{ISBN}\n"


@pytest.fixture
def category(db):
    return CategoryFactory(slug="chefs-knives")


def run(content: str, maker, **kwargs):
    rows, label = read_rows(content.encode(), "products.csv")
    return import_products(rows, maker, label=label, **kwargs)


def test_a_book_number_is_imported_with_a_warning_on_its_row(maker, category):
    result = run(CSV, maker)

    assert result.ok
    assert Product.objects.get(name="Kochbuch").gtin == "0" + ISBN
    assert [warning.as_dict() for warning in result.warnings] == [{"row": 2, "field": "gtin", "message": WARNING}]


def test_a_store_internal_number_is_a_row_error(maker, category):
    result = run(
        "name,category,gtin\nKochmesser,chefs-knives,4006381333931\nEtikett,chefs-knives,2000000000008\n", maker
    )

    assert [(error.row, error.field) for error in result.errors] == [(2, "gtin")]
    assert "store-internal number (restricted circulation)" in result.errors[0].message
    assert not Product.objects.exists()


def test_the_command_prints_the_warning(maker, category, tmp_path, capsys):
    path = tmp_path / "products.csv"
    path.write_text(CSV, encoding="utf-8")
    call_command("import_products", str(path), "--maker", maker.slug, verbosity=0)
    assert f"products.csv: row 2, gtin: {WARNING}" in capsys.readouterr().err
    assert Product.objects.count() == 2


@pytest.mark.parametrize("dry_run", ["false", "true"])
def test_the_api_reports_the_warning(maker_api_client, category, dry_run):
    upload = io.BytesIO(CSV.encode())
    upload.name = "products.csv"
    response = maker_api_client.post(
        "/api/v1/products/import/", {"file": upload, "dry_run": dry_run}, format="multipart"
    )
    assert response.status_code in (200, 201), response.json()
    assert response.json()["warnings"] == [{"row": 2, "field": "gtin", "message": WARNING}]
