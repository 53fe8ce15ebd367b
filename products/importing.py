"""Bulk import of products from CSV or JSON: every row is validated first, then all are saved or none."""

from __future__ import annotations

import csv
import io
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import IntegrityError, models, transaction
from django.utils.translation import gettext as _

from . import parts, untrusted_json
from .identifiers import gtin_warning, normalise_gtin
from .models import Category, MakerOrganisation, Product
from .services import ProductInvalid, ProductWrite, flat_errors, save_product, validate_product

# The columns of the product itself (the maker comes from the import, not from the file).
PRODUCT_FIELDS = ["name", "category", "gtin", "model_number", "description", "price_eur", "mass_g"]
REQUIRED_COLUMNS = ["name", "category"]
# The deepest product file has five levels ({"products": [{"materials": [{…}]}]}); more is an attack or a mistake.
MAX_JSON_DEPTH = 8


def list_fields() -> dict[str, list[str]]:
    """Importable lists, from the parts registry. In CSV each is one cell of items separated by ";"
    whose fields, in this order, are separated by "|"; trailing fields may be left out."""
    return {part.name: list(part.cell_fields) for part in parts.lists() if part.importable}


def section_fields() -> dict[str, list[str]]:
    """Importable one-to-one sections; in CSV each field is a column of its own."""
    return {part.name: list(part.cell_fields) for part in parts.sections() if part.importable}


ITEM_SEPARATOR = ";"
FIELD_SEPARATOR = "|"

TRUE_WORDS = frozenset({"yes", "y", "ja", "j", "true", "1", "x"})
FALSE_WORDS = frozenset({"no", "n", "nein", "false", "0"})


def section_columns() -> dict[str, tuple[str, str]]:
    """CSV column name → (section, field)."""
    return {
        parts.get(section).csv_renames.get(name, name): (section, name)
        for section, names in section_fields().items()
        for name in names
    }


def csv_columns() -> list[str]:
    """Every column of the CSV format, in the order of the template."""
    return [*PRODUCT_FIELDS, *section_columns(), *list_fields()]


class ImportFileError(Exception):
    """The file as a whole cannot be read; nothing was imported."""


@dataclass
class RowError:
    """One problem, by 1-based data row (None for the whole file), field and message."""

    row: int | None
    field: str
    message: str

    def as_dict(self) -> dict:
        return {"row": self.row, "field": self.field, "message": self.message}

    def __str__(self) -> str:
        where = _("row %(row)s") % {"row": self.row} if self.row is not None else _("file")
        return f"{where}, {self.field}: {self.message}" if self.field else f"{where}: {self.message}"


@dataclass
class ImportedRow:
    """A valid row: what to write, and the product (unsaved until the import is saved)."""

    row: int
    product: Product
    write: ProductWrite


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
    """Numbered rows of a CSV or JSON file in the common shape, and how to name a field for that format.

    The format follows the file name's extension, else the first character (``[`` or ``{`` is JSON).
    """
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
    known = set(csv_columns())
    unknown = [name for name in header if name not in known]
    if unknown:
        raise ImportFileError(
            _("Unknown columns: %(columns)s. The columns are described in docs/import.md.")
            % {"columns": ", ".join(unknown)}
        )
    missing = [name for name in REQUIRED_COLUMNS if name not in header]
    if missing:
        raise ImportFileError(_("Missing columns: %(columns)s.") % {"columns": ", ".join(missing)})
    duplicated = sorted({name for name in header if header.count(name) > 1})
    if duplicated:
        raise ImportFileError(_("Columns named twice: %(columns)s.") % {"columns": ", ".join(duplicated)})
    columns = section_columns()
    lists = list_fields()
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
        row: dict = {}
        if len(cells) > len(header):
            row["__extra__"] = cells[len(header) :]
        for column, value in zip(header, cells, strict=False):
            if column in columns:
                section, name = columns[column]
                if value.strip():
                    row.setdefault(section, {})[name] = value
            elif column in lists:
                row[column] = _split_items(value, lists[column])
            else:
                row[column] = value
        rows.append((start_line - 1, row))
    return rows


def _split_items(cell: str, names: list[str]) -> list[dict] | str:
    items = []
    for chunk in cell.split(ITEM_SEPARATOR):
        if not chunk.strip():
            continue
        values = [value.strip() for value in chunk.split(FIELD_SEPARATOR)]
        if len(values) > len(names):
            # Returned as text so that validation names the problem with the row.
            return _("%(count)d fields in %(item)r, at most %(max)d: %(names)s") % {
                "count": len(values),
                "item": chunk.strip(),
                "max": len(names),
                "names": FIELD_SEPARATOR.join(names),
            }
        items.append(dict(zip(names, values, strict=False)))
    return items


def json_field_label(path: str) -> str:
    return path


def csv_field_label(path: str) -> str:
    section, _dot, name = path.partition(".")
    if section in section_fields() and name:
        return parts.get(section).csv_renames.get(name, name)
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
) -> tuple[ImportedRow | None, list[RowError]]:
    """Validate one row with the rules of the product writer; return what to write or the row's errors."""
    errors: list[RowError] = []
    unconvertible: set[str] = set()  # paths already reported, whose values the writer does not see

    def report(path: str, messages) -> None:
        for message in messages:
            errors.append(RowError(number, label(path) if path else "", str(message)))

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
        if name not in {*PRODUCT_FIELDS, *lists, *sections, "__extra__"}:
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
        if data in (None, "", {}):
            continue
        if not isinstance(data, dict):
            report(name, [_("Should be an object.")])
            continue
        converted, problems = _convert(parts.get(name).model, data, names)
        report_all(name, problems)
        write.sections[name] = converted

    product = Product()
    for path, messages in flat_errors(validate_product(product, write)):
        if path not in unconvertible:
            report(path, messages)
    return (None if errors else ImportedRow(row=number, product=product, write=write)), errors


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

    ``progress`` wraps each pass over the rows (for example ``tqdm``); it gets ``total`` and ``desc``.
    """
    result = ImportResult(dry_run=dry_run)
    if not rows:
        result.errors.append(RowError(None, "", _("The file has no products.")))
        return result
    categories = {category.slug: category for category in Category.objects.all()}
    gtin_rows: dict[str, int] = {}
    for number, row in progress(rows, total=len(rows), desc=_("Checking")):
        imported, errors = validate_row(number, row, maker, categories, label)
        gtin = imported.product.gtin if imported else _normalised_gtin(row)
        if gtin:
            if gtin in gtin_rows:
                errors.append(
                    RowError(number, label("gtin"), _("Row %(row)d has the same GTIN.") % {"row": gtin_rows[gtin]})
                )
                imported = None
            else:
                gtin_rows[gtin] = number
            if warning := gtin_warning(gtin):
                result.warnings.append(RowError(number, label("gtin"), warning))
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
                imported.product = save_product(None, imported.write, user=user)
    except ProductInvalid as invalid:
        # Another write took a GTIN between validation and saving; nothing of this import stays.
        result.rows = []
        for path, messages in flat_errors(invalid.errors):
            result.errors.extend(RowError(number, label(path) if path else "", str(message)) for message in messages)
    except IntegrityError as error:
        result.rows = []
        result.errors.append(RowError(None, "", _("Nothing was imported: %(error)s") % {"error": error}))
    return result


def _normalised_gtin(row: dict) -> str | None:
    raw = row.get("gtin")
    if not raw or not str(raw).strip():
        return None
    try:
        return normalise_gtin(str(raw))
    except ValidationError:
        return None
