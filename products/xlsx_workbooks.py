"""Writing spreadsheets from the column registry: the import template (docs/import-template.xlsx) and exports.

Both have the same "Products" sheet as the import reads it (one row per product, the columns of
``import_columns.csv_columns()``), drop-downs for the columns that take a code, a hidden sheet with the codes
the drop-downs list, and a sheet of instructions in German and English.
"""

from __future__ import annotations

import csv
import io
from pathlib import Path

from django.conf import settings
from django.utils import translation
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.worksheet.datavalidation import DataValidation

from . import parts
from .import_columns import (
    FIELD_SEPARATOR,
    IDENTITY_COLUMN,
    ITEM_SEPARATOR,
    REQUIRED_COLUMNS,
    choice_columns,
    column_model_field,
    csv_columns,
    list_fields,
    product_cells,
)
from .models import Product
from .xlsx_reader import MAX_DATA_ROWS

TEMPLATE_PATH = Path(settings.BASE_DIR) / "docs" / "import-template.xlsx"
CSV_TEMPLATE_PATH = Path(settings.BASE_DIR) / "docs" / "import-template.csv"
PRODUCTS_SHEET, LISTS_SHEET, INSTRUCTIONS_SHEET = "Products", "Lists", "Anleitung – Instructions"
XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"

# The instructions are one document in both languages side by side, whatever the reader's language: the file
# is passed around a workshop, so its text is written here and not taken from the translation catalogue.
INSTRUCTIONS = [
    ("Produkte importieren", "Importing products"),
    (
        "Tragen Sie Ihre Produkte im Blatt „Products“ ein: eine Zeile je Produkt, die erste Zeile nennt die Spalten.",
        'Enter your products on the sheet "Products": one row per product; the first row names the columns.',
    ),
    (
        "Pflicht sind nur name und category (das Kürzel der Kategorie, z. B. chefs-knives). "
        "Leere Zellen bedeuten „nicht angegeben“.",
        "Only name and category (the category's slug, e.g. chefs-knives) are required. "
        'An empty cell means "not disclosed".',
    ),
    (
        "Ohne passport_code wird ein neuer Entwurf angelegt. Mit dem Pass-Code (oder ohne ihn mit der GTIN) eines "
        "Ihrer Produkte wird dieses Produkt geändert; eine leere Zelle löscht dann den Wert.",
        "Without a passport_code a new draft is created. With the passport code (or, without one, the GTIN) of one "
        "of your products, that product is updated; an empty cell then clears its value.",
    ),
    (
        "Spalten mit Auswahlliste nehmen nur die Kürzel der Liste (z. B. public, nicht „Öffentlich“); Ja/Nein als "
        "yes oder no.",
        "Columns with a drop-down take only the list's codes (e.g. public, not its label); yes/no as yes or no.",
    ),
    (
        f"Listen (Materialien, Lieferkette …) stehen in einer Zelle: Einträge getrennt durch „{ITEM_SEPARATOR}“, "
        f"die Felder eines Eintrags durch „{FIELD_SEPARATOR}“, in der Reihenfolge unten.",
        f'Lists (materials, supply chain …) are one cell: items separated by "{ITEM_SEPARATOR}", the fields of an '
        f'item by "{FIELD_SEPARATOR}", in the order below.',
    ),
    (
        "Keine Formeln: Sie werden beim Import nicht berechnet, eine Zelle mit Formel wird abgelehnt.",
        "No formulas: they are not calculated on import, and a cell holding one is refused.",
    ),
    (
        "Alles oder nichts: Hat eine Zeile einen Fehler, wird nichts gespeichert, und jeder Fehler wird mit seiner "
        "Zelle genannt (z. B. „Zelle C12: …“).",
        'All or nothing: if any row has a problem nothing is saved, and every problem names its cell ("Cell C12: …").',
    ),
    (
        f"Höchstens {MAX_DATA_ROWS} Produkte je Datei. Mehr dazu: docs/import.md.",
        f"At most {MAX_DATA_ROWS} products per file. More in docs/import.md.",
    ),
]
COLUMN_TABLE_HEADER = ("Spalte / column", "Bedeutung", "Meaning", "Werte / values")
IDENTITY_MEANING = (
    "Pass-Code des Produkts (leer: neues Produkt)",
    "the product's passport code (empty: a new product)",
)


def _meaning(column: str) -> str:
    """What a column holds, in the active language, from the models' names."""
    lists = list_fields()
    if column in lists:
        return str(parts.get(column).title)
    if column == "category":
        return str(Product._meta.get_field("category").verbose_name)
    return str(column_model_field(column).verbose_name)


def _values(column: str, choices: dict[str, list[str]]) -> str:
    lists = list_fields()
    if column in lists:
        return FIELD_SEPARATOR.join(lists[column])
    if column in choices:
        return ", ".join(choices[column])
    return "Pflicht / required" if column in REQUIRED_COLUMNS else ""


def build_workbook(rows: list[list[str]], *, categories: list[str] = ()) -> Workbook:
    """A workbook of ``rows`` (cells in the order of ``csv_columns()``), with drop-downs and instructions.

    ``categories`` (slugs) adds a drop-down to the category column; the template has none, because the
    categories are data, not part of the registry.
    """
    columns = csv_columns()
    choices = choice_columns()
    if categories:
        choices = {"category": list(categories), **choices}
    workbook = Workbook()
    sheet = workbook.active
    sheet.title = PRODUCTS_SHEET
    sheet.append(columns)
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    sheet.freeze_panes = "B2"
    for index, column in enumerate(columns, start=1):
        sheet.column_dimensions[get_column_letter(index)].width = max(14, min(40, len(column) + 4))
    for row in rows:
        sheet.append(row)
    # Text cells throughout: a GTIN or a passport code typed as a number would lose its leading zeros.
    for row in sheet.iter_rows(min_row=2):
        for cell in row:
            cell.number_format = "@"
            if isinstance(cell.value, str) and cell.value.startswith("="):
                # openpyxl takes text beginning with "=" for a formula; a name or a description is never one.
                cell.data_type = "s"

    lists = workbook.create_sheet(LISTS_SHEET)
    lists.sheet_state = "hidden"
    for list_index, (column, codes) in enumerate(choices.items(), start=1):
        letter = get_column_letter(list_index)
        lists.cell(row=1, column=list_index, value=column)
        for code_index, code in enumerate(codes, start=2):
            lists.cell(row=code_index, column=list_index, value=code)
        target = get_column_letter(columns.index(column) + 1)
        validation = DataValidation(
            type="list",
            formula1=f"{quote_sheetname(LISTS_SHEET)}!${letter}$2:${letter}${len(codes) + 1}",
            allow_blank=True,
            showErrorMessage=True,
            errorTitle="Wert aus der Liste / value from the list",
            error="Bitte einen Wert aus der Liste wählen. / Please choose a value from the list.",
        )
        validation.add(f"{target}2:{target}{MAX_DATA_ROWS + 1}")
        sheet.add_data_validation(validation)

    _add_instructions(workbook.create_sheet(INSTRUCTIONS_SHEET), columns, choices)
    return workbook


def _add_instructions(sheet, columns: list[str], choices: dict[str, list[str]]) -> None:
    sheet.append(["Deutsch", "English"])
    for german, english in INSTRUCTIONS:
        sheet.append([german, english])
    sheet.append([])
    sheet.append(list(COLUMN_TABLE_HEADER))
    with translation.override("de"):
        german = {column: _meaning(column) for column in columns if column != IDENTITY_COLUMN}
    with translation.override("en"):
        english = {column: _meaning(column) for column in columns if column != IDENTITY_COLUMN}
    german[IDENTITY_COLUMN], english[IDENTITY_COLUMN] = IDENTITY_MEANING
    for column in columns:
        sheet.append([column, german[column], english[column], _values(column, choices)])
    for row in (1, len(INSTRUCTIONS) + 3):
        for cell in sheet[row]:
            cell.font = Font(bold=True)
    for letter, width in zip("ABCD", (60, 60, 40, 60), strict=True):
        sheet.column_dimensions[letter].width = width
    for row in sheet.iter_rows():
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")


def template_rows() -> list[list[str]]:
    """The example rows of the CSV template, laid out in the registry's column order."""
    reader = csv.reader(io.StringIO(CSV_TEMPLATE_PATH.read_text(encoding="utf-8")))
    header = next(reader)
    columns = csv_columns()
    rows = []
    for cells in reader:
        by_column = dict(zip(header, cells, strict=False))
        rows.append([by_column.get(column, "") for column in columns])
    return rows


def template_workbook() -> Workbook:
    """The import template as the registry defines it now (docs/import-template.xlsx is a saved copy)."""
    return build_workbook(template_rows())


def workbook_bytes(workbook: Workbook) -> bytes:
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def write_template(path: Path = TEMPLATE_PATH) -> Path:
    template_workbook().save(path)
    return path


def export_xlsx(products, *, categories: list[str] = ()) -> bytes:
    """Products (loaded ``with_parts()``) as an XLSX file the import reads back: one row each, by passport code."""
    return workbook_bytes(build_workbook([product_cells(product) for product in products], categories=categories))


def export_csv(products) -> bytes:
    """The same rows as CSV, UTF-8 with a byte order mark so that Excel reads the umlauts."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(csv_columns())
    for product in products:
        writer.writerow(product_cells(product))
    return buffer.getvalue().encode("utf-8-sig")


def sheet_values(workbook) -> dict[str, list[list]]:
    """Every sheet's cell values, row by row (what the template test compares, not the bytes)."""
    return {
        sheet.title: [[None if value == "" else value for value in row] for row in sheet.iter_rows(values_only=True)]
        for sheet in workbook.worksheets
    }
