"""Bulk import: CSV and JSON, all or nothing, errors by row and field; service, command and API."""

import io
import json
from decimal import Decimal
from pathlib import Path

import pytest
from django.conf import settings
from django.core.management import CommandError, call_command

from lifecycle.models import Durability, SparePart
from products.importing import csv_columns, import_products, parse_csv, read_rows
from products.models import Material, Product
from tests.factories import CategoryFactory, ProductFactory

TEMPLATE = Path(settings.BASE_DIR) / "docs" / "import-template.csv"
HEADER = "name,category,gtin,price_eur,warranty_years,materials,supply_chain_steps"


@pytest.fixture
def categories(db):
    return [CategoryFactory(slug="chefs-knives"), CategoryFactory(slug="household-scissors")]


def run(content: str, maker, filename="products.csv", **kwargs):
    rows, label = read_rows(content.encode(), filename)
    return import_products(rows, maker, label=label, **kwargs)


def as_tuples(result):
    return [(error.row, error.field, error.message) for error in result.errors]


class TestTemplate:
    def test_template_names_every_column(self):
        header = TEMPLATE.read_text(encoding="utf-8").splitlines()[0].split(",")
        assert header == csv_columns()

    def test_template_imports_as_documented(self, maker, categories):
        rows, label = read_rows(TEMPLATE.read_bytes(), TEMPLATE.name)
        result = import_products(rows, maker, label=label)

        assert result.ok, [str(error) for error in result.errors]
        knife = Product.objects.get(model_number="KM-20")
        assert knife.gtin == "04006381333931"
        assert knife.maker == maker
        assert knife.status == Product.Status.DRAFT
        assert [m.name for m in knife.materials.all()] == ["X50CrMoV15", "Olivenholz"]
        assert knife.materials.get(name="Olivenholz").renewable is True
        steps = list(knife.supply_chain_steps.order_by("position"))
        assert [s.step_type for s in steps] == ["forging", "hardening", "grinding", "assembly"]
        assert steps[2].supplier_confidential is True
        assert steps[2].region == "solingen"
        assert knife.durability.resharpening_cycles == 20
        assert knife.repairability.documentation == "public"
        assert knife.end_of_life.take_back_offered is True
        assert knife.variants.count() == 2
        assert knife.repair_services.count() == 2
        scissors = Product.objects.get(model_number="HS-21")
        assert scissors.price_eur == Decimal("39.90")  # decimal comma
        assert scissors.gtin is None
        assert scissors.mass_g is None  # empty cell: not disclosed
        assert not hasattr(scissors, "end_of_life") or scissors.end_of_life is None


class TestAllOrNothing:
    def test_one_bad_row_saves_nothing(self, maker, categories):
        content = "\n".join(
            [
                HEADER,
                "Messer 1,chefs-knives,,10,5,Stahl|Klinge|100,forging|maker||Solingen|42651|DE",
                "Messer 2,chefs-knives,,10,5,Stahl|Klinge|150,forging|maker||Solingen|42651|DE",
                "Messer 3,chefs-knives,,10,5,,",
            ]
        )
        result = run(content, maker)

        assert not result.ok
        assert result.rows == []
        assert not Product.objects.exists()
        assert not Material.objects.exists()
        assert as_tuples(result) == [
            (2, "materials[1].share_percent", "Ensure this value is less than or equal to 100.")
        ]

    def test_every_problem_is_reported_by_row_and_field(self, maker, categories):
        ProductFactory(gtin="04006381333931")
        content = "\n".join(
            [
                HEADER,
                ",chefs-knives,,abc,5,,",
                "Messer,nope,4006381333932,,,,",
                "Messer,chefs-knives,4006381333931,,,,",
                "Messer,chefs-knives,,,100,,forging|supplier||Solingen||DE",
                "Messer,chefs-knives,,,,Stahl|a|b|c|d|e|f|g|h|i,",
            ]
        )
        result = run(content, maker)
        errors = {(row, field) for row, field, _message in as_tuples(result)}

        assert (1, "name") in errors
        assert (1, "price_eur") in errors
        assert (2, "category") in errors
        assert (2, "gtin") in errors  # bad check digit
        assert (3, "gtin") in errors  # taken by another product
        assert (4, "warranty_years") in errors
        assert (4, "supply_chain_steps[1].supplier_name") in errors
        assert (5, "materials") in errors
        assert not Product.objects.filter(maker=maker).exists()

    def test_duplicate_gtin_within_the_file(self, maker, categories):
        content = "\n".join([HEADER, "A,chefs-knives,4006381333931,,,,", "B,chefs-knives,04006381333931,,,,"])
        result = run(content, maker)
        assert as_tuples(result) == [(2, "gtin", "Row 1 has the same GTIN.")]
        assert not Product.objects.exists()

    def test_a_database_failure_while_saving_rolls_everything_back(self, maker, categories, monkeypatch):
        content = "\n".join([HEADER, "A,chefs-knives,,,,,", "B,chefs-knives,,,,,"])
        original = Product.save
        calls = []

        def failing_save(self, *args, **kwargs):
            calls.append(self.name)
            if self.name == "B":
                from django.db import IntegrityError

                raise IntegrityError("simulated")
            return original(self, *args, **kwargs)

        monkeypatch.setattr(Product, "save", failing_save)
        result = run(content, maker)
        assert calls == ["A", "B"]
        assert not result.ok
        assert Product.objects.count() == 0

    def test_dry_run_saves_nothing(self, maker, categories):
        result = run(TEMPLATE.read_text(encoding="utf-8"), maker, dry_run=True)
        assert result.ok
        assert len(result.rows) == 2
        assert not Product.objects.exists()


class TestFormats:
    def test_semicolon_separated_spreadsheet_export(self, maker, categories):
        content = 'name;category;price_eur;materials\nMesser;chefs-knives;12,50;"Stahl|Klinge|80;Holz|Griff|20"\n'
        result = run(content, maker)
        assert result.ok, as_tuples(result)
        product = Product.objects.get()
        assert product.price_eur == Decimal("12.50")
        assert product.materials.count() == 2

    def test_windows_encoding(self, maker, categories):
        content = "name,category\nGroße Schere,household-scissors\n".encode("cp1252")
        rows, label = read_rows(content, "products.csv")
        assert import_products(rows, maker, label=label).ok
        assert Product.objects.get().name == "Große Schere"

    def test_row_numbers_count_blank_lines(self):
        rows = parse_csv("name,category\nA,x\n\nB,x\n")
        assert [number for number, _row in rows] == [1, 3]

    def test_yes_no_words(self, maker, categories):
        content = "name,category,resharpenable,lifetime_warranty\nA,chefs-knives,ja,\nB,chefs-knives,vielleicht,no\n"
        result = run(content, maker)
        assert as_tuples(result) == [(2, "resharpenable", "Write yes or no (or leave it empty), not 'vielleicht'.")]

    def test_null_characters_are_refused(self, maker, categories):
        result = run("name,category,model_number\nA,chefs-knives,KM\x0020\n", maker)
        assert as_tuples(result) == [(1, "model_number", "Remove the null characters from this value.")]

    def test_unknown_choice_names_the_allowed_codes(self, maker, categories):
        result = run("name,category,tools\nA,chefs-knives,hammer\n", maker)
        ((row, field, message),) = as_tuples(result)
        assert (row, field) == (1, "tools")
        assert "none, basic, product_specific, proprietary" in message

    @pytest.mark.parametrize(
        ("content", "expected"),
        [
            ("colour,name,category\n", "Unknown columns: colour"),
            ("name,gtin\n", "Missing columns: category"),
            ("", "The file is empty"),
        ],
    )
    def test_file_level_problems(self, content, expected):
        from products.importing import ImportFileError

        with pytest.raises(ImportFileError, match=expected):
            read_rows(content.encode(), "products.csv")

    def test_json(self, maker, categories):
        data = {
            "products": [
                {
                    "name": "Messer",
                    "category_slug": "chefs-knives",
                    "price_eur": 19.9,
                    "materials": [{"name": "Stahl", "share_percent": 100, "recyclable": True}],
                    "supply_chain_steps": [
                        {"step_type": "grinding", "performed_by": "maker", "country": "DE", "city": "Solingen"},
                        {"step_type": "forging", "performed_by": "maker", "country": "DE", "position": 0},
                    ],
                    "durability": {"warranty_years": 2, "resharpenable": True},
                }
            ]
        }
        result = run(json.dumps(data), maker, filename="products.json")
        assert result.ok, as_tuples(result)
        product = Product.objects.get()
        assert product.price_eur == Decimal("19.90")
        assert list(product.supply_chain_steps.order_by("position").values_list("step_type", flat=True)) == [
            "forging",
            "grinding",
        ]
        assert Durability.objects.get(product=product).warranty_years == Decimal("2")

    def test_json_errors_use_field_paths(self, maker, categories):
        data = [
            {"name": "A", "category": "chefs-knives", "durability": {"warranty_years": "lang"}, "colour": "rot"},
            {"name": "B", "category": "chefs-knives", "spare_parts": [{"name": "Griff", "years_available": 500}]},
        ]
        result = run(json.dumps(data), maker, filename="products.json")
        errors = {(row, field) for row, field, _message in as_tuples(result)}
        assert errors == {(1, "durability.warranty_years"), (1, "colour"), (2, "spare_parts[1].years_available")}
        assert not SparePart.objects.exists()

    def test_json_that_is_not_a_list(self):
        from products.importing import ImportFileError

        with pytest.raises(ImportFileError, match="list of product objects"):
            read_rows(b'{"name": "x"}', "products.json")
        with pytest.raises(ImportFileError, match="not valid JSON"):
            read_rows(b"[{", "products.json")


class TestCommand:
    def test_imports_with_a_summary(self, maker, categories, capsys):
        call_command("import_products", str(TEMPLATE), "--maker", maker.slug)
        assert Product.objects.filter(maker=maker).count() == 2
        captured = capsys.readouterr()
        assert "Imported 2 product(s)" in captured.out

    def test_shows_a_progress_bar(self, maker, categories, capsys):
        call_command("import_products", str(TEMPLATE), "--maker", maker.slug, "--dry-run")
        captured = capsys.readouterr()
        assert "Checking" in captured.err and "2/2" in captured.err
        assert not Product.objects.exists()

    def test_errors_fail_the_command_and_save_nothing(self, maker, categories, tmp_path, capsys):
        path = tmp_path / "bad.csv"
        path.write_text("name,category\nA,chefs-knives\nB,nope\n", encoding="utf-8")
        with pytest.raises(CommandError, match="Nothing was imported: 1 problem"):
            call_command("import_products", str(path), "--maker", maker.slug, verbosity=0)
        assert "row 2, category" in capsys.readouterr().err
        assert not Product.objects.exists()

    def test_unknown_maker(self, maker):
        with pytest.raises(CommandError, match="No maker organisation has the slug 'nope'"):
            call_command("import_products", str(TEMPLATE), "--maker", "nope")


class TestApi:
    def upload(self, content: bytes, name="products.csv"):
        upload = io.BytesIO(content)
        upload.name = name
        return upload

    def test_imports_and_lists_the_products(self, maker_api_client, maker, categories):
        response = maker_api_client.post(
            "/api/v1/products/import/", {"file": self.upload(TEMPLATE.read_bytes())}, format="multipart"
        )
        assert response.status_code == 201, response.json()
        body = response.json()
        assert body["count"] == 2
        assert [row["row"] for row in body["products"]] == [1, 2]
        assert Product.objects.filter(maker=maker, passport_code=body["products"][0]["passport_code"]).exists()

    def test_errors_by_row_and_field(self, maker_api_client, categories):
        response = maker_api_client.post(
            "/api/v1/products/import/",
            {"file": self.upload(b"name,category\nA,chefs-knives\nB,nope\n")},
            format="multipart",
        )
        assert response.status_code == 400
        assert response.json()["errors"] == [
            {
                "row": 2,
                "field": "category",
                "message": "No category has the slug 'nope'; the slugs are listed at /api/v1/categories/.",
            }
        ]
        assert not Product.objects.exists()

    def test_dry_run(self, maker_api_client, categories):
        response = maker_api_client.post(
            "/api/v1/products/import/",
            {"file": self.upload(TEMPLATE.read_bytes()), "dry_run": "true"},
            format="multipart",
        )
        assert response.status_code == 200
        assert response.json()["dry_run"] is True
        assert not Product.objects.exists()

    def test_only_into_own_organisation(self, maker_api_client, other_maker, categories):
        response = maker_api_client.post(
            "/api/v1/products/import/",
            {"file": self.upload(TEMPLATE.read_bytes()), "maker": other_maker.slug},
            format="multipart",
        )
        assert response.status_code == 400
        assert response.json()["errors"][0]["field"] == "maker"
        assert not Product.objects.exists()

    def test_unreadable_file(self, maker_api_client, categories):
        response = maker_api_client.post(
            "/api/v1/products/import/", {"file": self.upload(b"[{", "products.json")}, format="multipart"
        )
        assert response.status_code == 400
        assert response.json()["errors"][0]["field"] == "file"

    def test_file_is_required(self, maker_api_client):
        response = maker_api_client.post("/api/v1/products/import/", {}, format="multipart")
        assert response.status_code == 400
        assert response.json()["errors"][0]["field"] == "file"
