"""Bulk import of products from CSV, JSON or XLSX: every row is validated first, then all are saved or none.

A row with a passport code (or, without one, with the GTIN of a product of the same maker) updates that product;
every other row creates a draft. The columns are those of ``import_columns``.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import IntegrityError, models, transaction
from django.utils.translation import gettext as _

from . import parts, untrusted_json, xlsx_reader
from .identifiers import gtin_warning
from .import_columns import (  # noqa: F401  (csv_columns and the rest are this module's API too)
    FALSE_WORDS,
    IDENTITY_COLUMN,
    PRODUCT_FIELDS,
    REQUIRED_COLUMNS,
    TRUE_WORDS,
    HeaderError,
    check_header,
    csv_columns,
    csv_field_label,
    list_fields,
    row_from_cells,
    section_columns,
    section_fields,
)
from .import_errors import ImportFileError, RowError, row_error
from .import_targets import ImportTargets, normalised_gtin
from .models import Category, MakerOrganisation, Product
from .services import ProductInvalid, ProductWrite, flat_errors, save_product, validate_product

# The deepest product file has five levels ({"products": [{"materials": [{…}]}]}); more is an attack or a mistake.
MAX_JSON_DEPTH = 8


@dataclass
class ImportedRow:
    """A valid row: what to write, and the product (unsaved until the import is saved; stored when it updates)."""

    row: int
    product: Product
    write: ProductWrite
    updates: bool = False


@dataclass
class ImportResult:
    """What an import did: the products saved (none if any row failed), every error, and warnings that stop nothing."""

    rows: list[ImportedRow] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)
    warnings: list[RowError] = field(default_factory=list)
    dry_run: bool = False

    @property
    def ok(self) -> bool:
        return not self.errors

    @property
    def products(self) -> list[Product]:
        return [row.product for row in self.rows]


# ---------- Reading files ----------


def read_rows(content: bytes, filename: str = "") -> tuple[list[tuple[int, dict]], Callable[[str], str]]:
    """Numbered rows of a CSV, JSON or XLSX file in the common shape, and how to name a field for that format.

    A spreadsheet is recognised by its content (an XLSX file is a ZIP archive), whatever its name; its labeller
    also names cells (``labels.cell(row, field)``). Otherwise the format follows the file name's extension, else
    the first character (``[`` or ``{`` is JSON).
    """
    if xlsx_reader.is_spreadsheet(content, filename):
        sheet = xlsx_reader.read_xlsx(content)
        try:
            check_header(sheet.header)
        except HeaderError as error:
            raise ImportFileError(str(error)) from error
        return [(number, row_from_cells(sheet.header, cells)) for number, cells in sheet.rows], sheet.labels
    text = _decode(content)
    name = filename.lower()
    if name.endswith(".json") or (not name.endswith(".csv") and text.lstrip()[:1] in ("[", "{")):
        return parse_json(text), json_field_label
    return parse_csv(text), csv_field_label


def _decode(content: bytes) -> str:
    try:
        return content.decode("utf-8-sig")
    except UnicodeDecodeError:
        # Spreadsheets on Windows often save CSV in this encoding; it decodes almost any byte.
        return content.decode("cp1252", errors="replace")


def parse_json(text: str) -> list[tuple[int, dict]]:
    """Products of a JSON file, numbered from 1 in file order."""
    try:
        data = untrusted_json.loads(text, max_depth=MAX_JSON_DEPTH)
    except untrusted_json.UntrustedJsonError as error:
        raise ImportFileError(str(error)) from error
    if isinstance(data, dict):
        data = data.get("products")
    if not isinstance(data, list) or not all(isinstance(item, dict) for item in data):
        raise ImportFileError(_('The JSON file should be a list of product objects, or {"products": [...]}.'))
    rows = []
    for number, item in enumerate(data, start=1):
        row = dict(item)
        if "category_slug" in row and "category" not in row:
            row["category"] = row.pop("category_slug")
        rows.append((number, row))
    return rows


def parse_csv(text: str) -> list[tuple[int, dict]]:
    """Products of a CSV file, numbered by data row: the first line after the header is row 1.

    Blank lines are skipped but counted, so that the numbers match the lines of the file.
    """
    first_line = text.split("\n", 1)[0]
    if not first_line.strip():
        raise ImportFileError(_("The file is empty; the first line should name the columns."))
    # German spreadsheets separate cells with ";"; the header tells which separator the file uses.
    delimiter = ";" if first_line.count(";") > first_line.count(",") else ","
    reader = csv.reader(io.StringIO(text, newline=""), delimiter=delimiter)
    header = [name.strip() for name in next(reader)]
    try:
        check_header(header)
    except HeaderError as error:
        raise ImportFileError(str(error)) from error
    rows = []
    while True:
        start_line = reader.line_num + 1
        try:
            cells = next(reader)
        except StopIteration:
            break
        except csv.Error as error:
            message = _("Line %(line)d cannot be read: %(error)s") % {"line": start_line, "error": error}
            raise ImportFileError(message) from error
        if not any(cell.strip() for cell in cells):
            continue
        row = row_from_cells(header, cells)
        rows.append((start_line - 1, row))
    return rows


def json_field_label(path: str) -> str:
    return path


# ---------- Validating ----------


def _coerce(model_field: models.Field, raw):
    """A raw cell or JSON value as the model field expects it; raises ValidationError naming what is expected."""
    if isinstance(raw, str):
        raw = raw.strip()
        if "\x00" in raw:
            # PostgreSQL cannot store it; a spreadsheet never means it.
            raise ValidationError(_("Remove the null characters from this value."))
    if isinstance(model_field, models.BooleanField):
        if raw is None or raw == "":
            return None if model_field.null else model_field.get_default()
        if isinstance(raw, bool):
            return raw
        word = str(raw).lower()
        if word in TRUE_WORDS:
            return True
        if word in FALSE_WORDS:
            return False
        raise ValidationError(_("Write yes or no (or leave it empty), not %(value)r.") % {"value": raw})
    if raw is None or raw == "":
        return None if model_field.null else ""
    if model_field.choices:
        allowed = [str(value) for value, _label in model_field.flatchoices if value != ""]
        if str(raw) not in allowed:
            raise ValidationError(
                _("Should be one of %(allowed)s, not %(value)r.") % {"allowed": ", ".join(allowed), "value": raw}
            )
    if isinstance(model_field, models.DecimalField) and isinstance(raw, str) and "," in raw and "." not in raw:
        raw = raw.replace(",", ".")  # a German decimal comma
    if isinstance(model_field, (models.DecimalField, models.IntegerField)) and isinstance(raw, bool):
        raise ValidationError(_("Should be a number, not %(value)r.") % {"value": raw})
    if isinstance(model_field, (models.CharField, models.TextField)) and not isinstance(raw, str):
        raise ValidationError(_("Should be text, not %(value)r.") % {"value": raw})
    return raw


def _convert(model, values: dict, allowed: list[str]) -> tuple[dict, dict[str, list[str]]]:
    """Raw values as the model's fields expect them, and the errors of those that cannot be converted."""
    converted, errors = {}, {}
    for name, raw in values.items():
        if name not in allowed:
            errors[name] = [_("Unknown field; the fields are %(fields)s.") % {"fields": ", ".join(allowed)}]
            continue
        try:
            converted[name] = _coerce(model._meta.get_field(name), raw)
        except ValidationError as error:
            errors[name] = error.messages
    return converted, errors


def validate_row(
    number: int,
    row: dict,
    maker: MakerOrganisation,
    categories: dict[str, Category],
    label: Callable[[str], str],
    existing: Product | None = None,
) -> tuple[ImportedRow | None, list[RowError]]:
    """Validate one row with the rules of the product writer; return what to write or the row's errors.

    ``existing`` is the stored product the row updates: its parts the row leaves out stay as they are, and an
    empty cell clears its field.
    """
    errors: list[RowError] = []
    unconvertible: set[str] = set()  # paths already reported, whose values the writer does not see

    def report(path: str, messages) -> None:
        errors.extend(row_error(number, label, path, message) for message in messages)

    def report_all(prefix: str, problems: dict) -> None:
        for name, messages in problems.items():
            path = f"{prefix}.{name}" if prefix and name else (prefix or name)
            unconvertible.add(path)
            report(path, messages)

    if not row:
        return None, [RowError(number, "", _("The row is empty."))]
    if "__extra__" in row:
        report("", [_("The row has more cells than the header has columns.")])
    lists, sections = list_fields(), section_fields()
    for name in row:
        if name not in {IDENTITY_COLUMN, *PRODUCT_FIELDS, *lists, *sections, "__extra__"}:
            report(name, [_("Unknown field.")])

    values = {name: row[name] for name in PRODUCT_FIELDS if name in row and name != "category"}
    fields, problems = _convert(Product, values, PRODUCT_FIELDS)
    report_all("", problems)
    slug = str(row.get("category") or "").strip()
    category = categories.get(slug)
    if category is None:
        unconvertible.add("category")
        report(
            "category",
            [
                _("No category has the slug %(slug)r; the slugs are listed at /api/v1/categories/.") % {"slug": slug}
                if slug
                else _("This field is required.")
            ],
        )
    write = ProductWrite(fields={**fields, "maker": maker, "category": category})
    for name, names in lists.items():
        items = row.get(name)
        if items in (None, ""):
            continue
        if isinstance(items, str):
            report(name, [items])
            continue
        if not isinstance(items, list) or not all(isinstance(item, dict) for item in items):
            report(name, [_("Should be a list of objects.")])
            continue
        order_field = parts.get(name).order_field
        allowed = [*names, order_field] if order_field else names
        write.lists[name] = []
        for index, item in enumerate(items, start=1):
            converted, problems = _convert(parts.get(name).model, item, allowed)
            report_all(f"{name}[{index}]", problems)
            write.lists[name].append(converted)
    for name, names in sections.items():
        data = row.get(name)
        if isinstance(data, dict) and existing is None:
            # Empty cells of a new product are "not disclosed": the model's defaults, not blank values.
            data = {key: value for key, value in data.items() if not (isinstance(value, str) and not value.strip())}
        if data in (None, "", {}):
            continue
        if not isinstance(data, dict):
            report(name, [_("Should be an object.")])
            continue
        converted, problems = _convert(parts.get(name).model, data, names)
        report_all(name, problems)
        write.sections[name] = converted

    product = existing if existing is not None else Product()
    for path, messages in flat_errors(validate_product(product, write)):
        if path not in unconvertible:
            report(path, messages)
    if errors:
        return None, errors
    return ImportedRow(row=number, product=product, write=write, updates=existing is not None), errors


def _identity(iterable: Iterable, **_kwargs) -> Iterable:
    return iterable


def import_products(
    rows: list[tuple[int, dict]],
    maker: MakerOrganisation,
    *,
    user=None,
    label: Callable[[str], str] = json_field_label,
    dry_run: bool = False,
    progress: Callable[..., Iterable] = _identity,
) -> ImportResult:
    """Validate every numbered row; save all of them in one transaction only when none has an error.

    A row updates the maker's product with its passport code, or without one the maker's product with its
    GTIN; otherwise it creates a draft. ``progress`` wraps each pass over the rows (for example ``tqdm``);
    it gets ``total`` and ``desc``.
    """
    result = ImportResult(dry_run=dry_run)
    if not rows:
        result.errors.append(RowError(None, "", _("The file has no products.")))
        return result
    categories = {category.slug: category for category in Category.objects.all()}
    targets = ImportTargets(rows, maker)
    gtin_rows: dict[str, int] = {}
    for number, row in progress(rows, total=len(rows), desc=_("Checking")):
        existing, errors = targets.find(number, row, label)
        if errors:
            result.errors.extend(errors)
            continue
        imported, errors = validate_row(number, row, maker, categories, label, existing)
        gtin = imported.product.gtin if imported else normalised_gtin(row)
        if gtin:
            if gtin in gtin_rows:
                message = _("Row %(row)d has the same GTIN.") % {"row": gtin_rows[gtin]}
                errors.append(row_error(number, label, "gtin", message))
                imported = None
            else:
                gtin_rows[gtin] = number
            if warning := gtin_warning(gtin):
                result.warnings.append(row_error(number, label, "gtin", warning))
        result.errors.extend(errors)
        if imported is not None:
            result.rows.append(imported)
    if result.errors:
        result.rows = []
        return result
    if dry_run:
        return result
    # The hook sees the pass begin before the transaction does, so that a job can say "saving" at once.
    saving = progress(result.rows, total=len(result.rows), desc=_("Saving"))
    number = None
    try:
        with transaction.atomic():
            for imported in saving:
                number = imported.row
                stored = imported.product if imported.updates else None
                imported.product = save_product(stored, imported.write, user=user)
    except ProductInvalid as invalid:
        # Another write took a GTIN between validation and saving; nothing of this import stays.
        result.rows = []
        for path, messages in flat_errors(invalid.errors):
            result.errors.extend(row_error(number, label, path, message) for message in messages)
    except IntegrityError as error:
        result.rows = []
        result.errors.append(RowError(None, "", _("Nothing was imported: %(error)s") % {"error": error}))
    return result
