"""Spreadsheets both ways: XLSX import (cells, all or nothing, updates, hostile files), template, export, round trip."""

import io
import zipfile
from decimal import Decimal

import openpyxl
import pytest
from django.urls import reverse

from products import xlsx_reader
from products.import_columns import choice_columns, csv_columns
from products.import_jobs import ImportJob
from products.importing import ImportFileError, import_products, read_rows
from products.models import Product
from products.xlsx_workbooks import (
    INSTRUCTIONS_SHEET,
    LISTS_SHEET,
    PRODUCTS_SHEET,
    TEMPLATE_PATH,
    sheet_values,
    template_workbook,
)
from tests.factories import CategoryFactory, MaterialFactory, ProductFactory, complete_product
from tests.worker import run_queued_tasks

EXPORT_QUERIES = 13
HEADER = ["name", "category", "gtin", "price_eur", "repair_documentation", "materials"]


def workbook_file(rows, header=HEADER, *, title="Products") -> bytes:
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = title
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def run(content: bytes, maker, filename="products.xlsx", **kwargs):
    rows, label = read_rows(content, filename)
    return import_products(rows, maker, label=label, **kwargs)


@pytest.fixture
def category(db):
    return CategoryFactory(slug="chefs-knives")


@pytest.fixture(autouse=True)
def _english(english):
    """Every message here is asserted as its English msgid."""


class TestXlsxImport:
    def test_a_valid_workbook_creates_drafts_with_lists_and_numbers(self, maker, category):
        content = workbook_file(
            [
                ["Kochmesser", "chefs-knives", 4006381333931, 129.5, "professionals", "Stahl|Klinge|80;Holz|Griff|20"],
                ["Brotmesser", "chefs-knives", None, 89, None, None],
            ]
        )
        result = run(content, maker)

        assert result.ok, [str(error) for error in result.errors]
        knife = Product.objects.get(name="Kochmesser")
        # A GTIN typed as a number arrives as one; it is read back as its digits, not as 4.006e12.
        assert knife.gtin == "04006381333931"
        assert knife.price_eur == Decimal("129.50")
        assert knife.maker == maker and knife.status == Product.Status.DRAFT
        assert [(m.name, m.share_percent) for m in knife.materials.order_by("pk")] == [
            ("Stahl", Decimal("80")),
            ("Holz", Decimal("20")),
        ]
        assert Product.objects.get(name="Brotmesser").price_eur == Decimal("89")

    def test_a_workbook_is_recognised_by_its_content_whatever_its_name(self, maker, category):
        content = workbook_file([["Kochmesser", "chefs-knives", None, None, None, None]])
        for filename in ("products.csv", "upload", "products.json"):
            rows, label = read_rows(content, filename)
            assert rows == [(1, {"name": "Kochmesser", "category": "chefs-knives"})]
            assert label.cell(1, "name") == "A2"

    def test_errors_name_row_column_and_cell_and_nothing_is_saved(self, maker, category):
        content = workbook_file(
            [
                ["Kochmesser", "chefs-knives", None, 129, None, None],  # valid on its own
                ["Brotmesser", "chefs-knives", None, -5, "everywhere", "Stahl|Klinge|abc"],
            ]
        )
        result = run(content, maker)

        assert not result.ok
        assert not Product.objects.exists()  # all or nothing: the valid first row is not saved either
        found = {(error.row, error.field, error.cell) for error in result.errors}
        assert (2, "price_eur", "D3") in found
        assert (2, "repair_documentation", "E3") in found
        assert (2, "materials[1].share_percent", "F3") in found
        price = next(error for error in result.errors if error.field == "price_eur")
        assert str(price) == f"Cell D3 (price_eur): {price.message}"
        assert price.as_dict() == {"row": 2, "field": "price_eur", "message": price.message, "cell": "D3"}

    def test_a_formula_is_refused_with_its_cell(self, maker, category):
        content = workbook_file([["Kochmesser", "chefs-knives", None, "=100+29", None, None]])

        with pytest.raises(ImportFileError, match="Cell D2 holds a formula"):
            read_rows(content, "products.xlsx")

    def test_the_sheet_named_products_is_read_and_others_are_ignored(self, maker, category):
        workbook = openpyxl.Workbook()
        workbook.active.title = "Notes"
        workbook.active.append(["not", "a", "header"])
        products = workbook.create_sheet("Products")
        products.append(["name", "category"])
        products.append(["Kochmesser", "chefs-knives"])
        buffer = io.BytesIO()
        workbook.save(buffer)

        assert run(buffer.getvalue(), maker).ok
        assert Product.objects.get().name == "Kochmesser"


class TestUpdates:
    def test_a_passport_code_updates_that_product_and_keeps_the_parts_left_out(self, maker, category):
        product = ProductFactory(maker=maker, category=category, name="Alt", price_eur=Decimal("10"))
        MaterialFactory(product=product, name="Stahl")
        header = ["passport_code", "name", "category", "price_eur"]
        content = workbook_file([[product.passport_code_display, "Neu", "chefs-knives", 99]], header)

        result = run(content, maker)

        assert result.ok, [str(error) for error in result.errors]
        assert result.rows[0].updates
        product.refresh_from_db()
        assert (product.name, product.price_eur) == ("Neu", Decimal("99"))
        assert Product.objects.count() == 1
        assert [m.name for m in product.materials.all()] == ["Stahl"]  # no materials column: unchanged

    def test_without_a_code_the_gtin_of_an_own_product_updates_it(self, maker, category):
        product = ProductFactory(maker=maker, category=category, gtin="04006381333931", name="Alt")
        content = workbook_file([["Neu", "chefs-knives", "4006381333931", None, None, None]])

        assert run(content, maker).ok
        product.refresh_from_db()
        assert product.name == "Neu" and Product.objects.count() == 1

    def test_a_code_of_another_organisation_is_an_error_of_its_row(self, maker, other_maker, category):
        theirs = ProductFactory(maker=other_maker, category=category, name="Fremd")
        header = ["passport_code", "name", "category"]
        content = workbook_file(
            [["", "Neu", "chefs-knives"], [theirs.passport_code, "Gekapert", "chefs-knives"]], header
        )

        result = run(content, maker)

        assert [(error.row, error.field, error.cell) for error in result.errors] == [(2, "passport_code", "A3")]
        assert "No product of" in result.errors[0].message and maker.name in result.errors[0].message
        theirs.refresh_from_db()
        assert theirs.name == "Fremd" and theirs.maker == other_maker
        assert not Product.objects.filter(maker=maker).exists()

    def test_the_gtin_of_another_organisation_is_refused(self, maker, other_maker, category):
        ProductFactory(maker=other_maker, category=category, gtin="04006381333931")
        content = workbook_file([["Neu", "chefs-knives", "4006381333931", None, None, None]])

        result = run(content, maker)

        assert [(error.field, error.cell) for error in result.errors] == [("gtin", "C2")]
        assert not Product.objects.filter(maker=maker).exists()

    def test_two_rows_cannot_update_the_same_product(self, maker, category):
        product = ProductFactory(maker=maker, category=category)
        header = ["passport_code", "name", "category"]
        content = workbook_file(
            [[product.passport_code, "A", "chefs-knives"], [product.passport_code, "B", "chefs-knives"]], header
        )

        result = run(content, maker)

        assert [(error.row, error.message) for error in result.errors] == [(2, "Row 1 updates the same product.")]


class TestHostileFiles:
    def test_an_old_xls_and_a_fake_xlsx_are_refused_clearly(self, maker):
        with pytest.raises(ImportFileError, match=r"old Excel file \(.xls\)"):
            read_rows(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\0" * 100, "products.xls")
        with pytest.raises(ImportFileError, match="not an Excel workbook"):
            read_rows(b"name,category\n", "products.xlsx")
        with pytest.raises(ImportFileError, match="not an Excel workbook"):
            read_rows(_zip({"hello.txt": b"hi"}), "products.xlsx")

    def test_a_document_type_declaration_is_refused_before_parsing(self, maker, category):
        bomb = (
            b'<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;">]>'
            b'<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><si><t>&lol2;</t></si></sst>'
        )
        content = _replace_member(
            workbook_file([["Kochmesser", "chefs-knives"]], ["name", "category"]), "xl/sharedStrings.xml", bomb
        )

        with pytest.raises(ImportFileError, match="document type declaration"):
            read_rows(content, "products.xlsx")

    def test_a_workbook_that_unpacks_too_large_is_refused(self, maker, monkeypatch):
        monkeypatch.setattr(xlsx_reader, "MAX_UNPACKED_BYTES", 1000)
        content = workbook_file([["x" * 2000, "chefs-knives"]], ["name", "category"])

        with pytest.raises(ImportFileError, match="unpacks to more than"):
            read_rows(content, "products.xlsx")

    def test_rows_and_columns_are_capped(self, maker, monkeypatch):
        monkeypatch.setattr(xlsx_reader, "MAX_DATA_ROWS", 3)
        content = workbook_file([[f"Messer {n}", "chefs-knives"] for n in range(4)], ["name", "category"])
        with pytest.raises(ImportFileError, match="more than 3 products"):
            read_rows(content, "products.xlsx")

        monkeypatch.setattr(xlsx_reader, "MAX_COLUMNS", 2)
        wide = workbook_file([["Messer", "chefs-knives", "1234"]], ["name", "category", "gtin"])
        rows, _label = read_rows(wide, "products.xlsx")
        assert rows == [(1, {"name": "Messer", "category": "chefs-knives"})]  # the third column is never read


def _zip(members: dict[str, bytes]) -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        for name, data in members.items():
            archive.writestr(name, data)
    return buffer.getvalue()


def _replace_member(content: bytes, name: str, data: bytes) -> bytes:
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        members = {info.filename: archive.read(info) for info in archive.infolist()}
    members[name] = data
    return _zip(members)


class TestTemplate:
    def test_the_committed_template_is_what_the_registry_generates(self):
        committed = openpyxl.load_workbook(TEMPLATE_PATH)
        # Values, not bytes: a ZIP archive records the time it was written. Run `make import-template` when this fails.
        assert sheet_values(committed) == sheet_values(template_workbook())
        assert [cell.value for cell in committed[PRODUCTS_SHEET][1]] == csv_columns()

    def test_choice_columns_have_drop_downs_listing_their_codes(self):
        workbook = openpyxl.load_workbook(TEMPLATE_PATH)
        sheet, lists = workbook[PRODUCTS_SHEET], workbook[LISTS_SHEET]
        columns = csv_columns()
        validations = {
            str(v.sqref).split(":")[0].rstrip("0123456789"): v for v in sheet.data_validations.dataValidation
        }
        choices = choice_columns()
        assert {"repair_documentation", "fasteners", "tools", "separability", "resharpenable"} <= set(choices)
        for column, codes in choices.items():
            letter = openpyxl.utils.get_column_letter(columns.index(column) + 1)
            validation = validations[letter]
            assert validation.type == "list"
            sheet_name, cells = validation.formula1.split("!")
            assert sheet_name.strip("'") == LISTS_SHEET
            listed = [cell.value for row in lists[cells.replace("$", "")] for cell in row]
            assert listed == codes
        assert choices["repair_documentation"] == ["public", "professionals", "none"]
        assert lists.sheet_state == "hidden"

    def test_the_instructions_are_in_german_and_english(self):
        rows = sheet_values(openpyxl.load_workbook(TEMPLATE_PATH))[INSTRUCTIONS_SHEET]
        text = " ".join(str(value) for row in rows for value in row if value)
        assert rows[0] == ("Deutsch", "English") or list(rows[0][:2]) == ["Deutsch", "English"]
        assert "Tragen Sie Ihre Produkte" in text and "Enter your products" in text
        assert "Zelle C12" in text and "Cell C12" in text
        by_column = {row[0]: row for row in rows if row and row[0] in csv_columns()}
        assert tuple(by_column["price_eur"][1:3]) == ("Verkaufspreis (EUR)", "retail price (EUR)")

    def test_the_template_imports_its_examples(self, maker):
        CategoryFactory(slug="chefs-knives"), CategoryFactory(slug="household-scissors")

        result = run(TEMPLATE_PATH.read_bytes(), maker, TEMPLATE_PATH.name)

        assert result.ok, [str(error) for error in result.errors]
        assert sorted(Product.objects.values_list("model_number", flat=True)) == ["HS-21", "KM-20"]


class TestExportAndRoundTrip:
    def test_export_edit_a_cell_import_and_the_product_changed(self, maker_client, maker, english):
        product = complete_product(maker=maker, name="Kochmesser", price_eur=Decimal("120.00"))
        steps_before = list(product.supply_chain_steps.values_list("step_type", "city"))

        response = maker_client.get(reverse("products:export", args=["xlsx"]))
        assert response.status_code == 200
        assert response["Content-Disposition"].endswith('.xlsx"')
        workbook = openpyxl.load_workbook(io.BytesIO(response.content))
        sheet = workbook[PRODUCTS_SHEET]
        columns = [cell.value for cell in sheet[1]]
        assert sheet.cell(row=2, column=columns.index("passport_code") + 1).value == product.passport_code
        sheet.cell(row=2, column=columns.index("price_eur") + 1).value = 139.9
        edited = io.BytesIO()
        workbook.save(edited)
        edited.seek(0)
        edited.name = "export.xlsx"

        response = maker_client.post(reverse("products:import"), {"organisation": maker.pk, "file": edited})

        assert response.status_code == 302, response.content.decode()[:3000]
        product.refresh_from_db()
        assert product.price_eur == Decimal("139.90")
        assert Product.objects.count() == 1
        assert list(product.supply_chain_steps.values_list("step_type", "city")) == steps_before

    def test_a_text_that_looks_like_a_formula_is_exported_as_text(self, maker_client, maker):
        product = ProductFactory(maker=maker, name="=HYPERLINK(1)", description="=1+1")

        response = maker_client.get(reverse("products:export", args=["xlsx"]))
        sheet = openpyxl.load_workbook(io.BytesIO(response.content))[PRODUCTS_SHEET]
        assert {cell.data_type for cell in sheet[2] if cell.value and str(cell.value).startswith("=")} == {"s"}
        result = run(response.content, maker, "export.xlsx")

        assert result.ok, [str(error) for error in result.errors]
        product.refresh_from_db()
        assert (product.name, product.description) == ("=HYPERLINK(1)", "=1+1")

    def test_csv_export_imports_back_unchanged(self, maker_client, maker):
        product = complete_product(maker=maker)
        before = (product.name, product.gtin, product.durability.warranty_years, product.materials.count())

        response = maker_client.get(reverse("products:export", args=["csv"]))
        result = run(response.content, maker, "export.csv")

        assert result.ok, [str(error) for error in result.errors]
        product = Product.objects.get(pk=product.pk)
        assert (product.name, product.gtin, product.durability.warranty_years, product.materials.count()) == before

    def test_the_export_holds_only_the_organisations_products(self, maker_client, maker, other_maker):
        mine = ProductFactory(maker=maker)
        ProductFactory(maker=other_maker)

        response = maker_client.get(reverse("products:export", args=["xlsx"]))
        rows = list(openpyxl.load_workbook(io.BytesIO(response.content))[PRODUCTS_SHEET].iter_rows(values_only=True))
        assert [row[0] for row in rows[1:]] == [mine.passport_code]
        other = maker_client.get(reverse("products:export", args=["xlsx"]) + f"?organisation={other_maker.pk}")
        assert other.status_code == 404

    def test_the_export_takes_the_same_queries_for_two_products_or_six(
        self, maker_client, maker, django_assert_num_queries
    ):
        url = reverse("products:export", args=["xlsx"])
        for count in (2, 6):
            while Product.objects.count() < count:
                complete_product(maker=maker)
            # Session, user, memberships, then the products with every part (prefetched), and the categories.
            with django_assert_num_queries(EXPORT_QUERIES):
                assert maker_client.get(url).status_code == 200


class TestWorkspaceUpload:
    def test_errors_are_listed_with_their_cells(self, maker_client, maker, category):
        content = workbook_file([["Kochmesser", "nope", None, None, None, None]])
        upload = io.BytesIO(content)
        upload.name = "products.xlsx"

        response = maker_client.post(reverse("products:import"), {"organisation": maker.pk, "file": upload})

        assert response.status_code == 400
        assert "Cell B2 (category): No category has the slug" in response.content.decode()
        assert not Product.objects.exists()

    def test_a_large_file_is_queued_and_run_by_the_worker(self, maker_client, maker, maker_user, category, settings):
        settings.IMPORT_BACKGROUND_THRESHOLD_BYTES = 100
        upload = io.BytesIO(workbook_file([[f"Messer {n}", "chefs-knives", None, None, None, None] for n in range(3)]))
        upload.name = "products.xlsx"

        response = maker_client.post(reverse("products:import"), {"organisation": maker.pk, "file": upload})

        job = ImportJob.objects.get()
        assert response.status_code == 302 and response["Location"] == reverse("products:import-job", args=[job.pk])
        assert not Product.objects.exists()
        page = maker_client.get(response["Location"])
        assert 'http-equiv="refresh"' in page.content.decode()
        (task,) = run_queued_tasks()
        assert task.status == "SUCCESSFUL"
        assert Product.objects.filter(maker=maker).count() == 3
        page = maker_client.get(response["Location"])
        assert "3 products were imported." in page.content.decode()
        assert 'http-equiv="refresh"' not in page.content.decode()

    def test_a_queued_file_with_errors_reports_them_with_their_cells(self, maker_client, maker, category, settings):
        settings.IMPORT_BACKGROUND_THRESHOLD_BYTES = 100
        upload = io.BytesIO(
            workbook_file(
                [["Messer", "chefs-knives", None, None, None, None], ["", "chefs-knives", None, None, None, None]]
            )
        )
        upload.name = "products.xlsx"
        response = maker_client.post(reverse("products:import"), {"organisation": maker.pk, "file": upload})
        run_queued_tasks()

        page = maker_client.get(response["Location"]).content.decode()
        assert "Cell A3 (name): This field cannot be blank." in page
        assert not Product.objects.exists()

    def test_another_organisations_job_is_not_found(self, client, maker, other_maker_membership, category, settings):
        settings.IMPORT_BACKGROUND_THRESHOLD_BYTES = 100
        from products.import_queue import start_import_job

        job = start_import_job(workbook_file([["Messer", "chefs-knives", None, None, None, None]]), "p.xlsx", maker)
        client.force_login(other_maker_membership.user)
        assert client.get(reverse("products:import-job", args=[job.pk])).status_code == 404

    def test_an_organisation_not_ones_own_cannot_be_chosen(self, maker_client, other_maker, category):
        upload = io.BytesIO(workbook_file([["Messer", "chefs-knives", None, None, None, None]]))
        upload.name = "products.xlsx"
        response = maker_client.post(reverse("products:import"), {"organisation": other_maker.pk, "file": upload})
        assert response.status_code == 200 and "Select a valid choice" in response.content.decode()
        assert not Product.objects.exists()
