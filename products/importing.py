"""Bulk import of products from CSV or JSON: every row is validated first, then all are saved or none."""

from __future__ import annotations

import csv
import io
import json
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from decimal import Decimal

from django.core.exceptions import NON_FIELD_ERRORS, FieldDoesNotExist, ValidationError
from django.db import IntegrityError, models, transaction
from django.utils.translation import gettext as _

from .identifiers import normalise_gtin
from .models import Category, Component, MakerOrganisation, Material, Product, ProductVariant, SupplyChainStep

PRODUCT_FIELDS = ["name", "category", "gtin", "model_number", "description", "price_eur", "mass_g"]
REQUIRED_COLUMNS = ["name", "category"]

# Parts written as lists; in CSV each is one cell of items separated by ";" whose fields, in this
# order, are separated by "|". Trailing fields may be left out.
LIST_FIELDS = {
    "variants": ["code", "name"],
    "materials": [
        "name",
        "part",
        "share_percent",
        "recycled_content_percent",
        "renewable",
        "recyclable",
        "mass_g",
        "substances_of_concern",
    ],
    "components": ["name", "replaceable", "spare_part_available"],
    "supply_chain_steps": [
        "step_type",
        "performed_by",
        "supplier_name",
        "city",
        "postcode",
        "country",
        "supplier_confidential",
        "description",
    ],
    "spare_parts": ["name", "years_available", "delivery_days", "price_percent_of_product"],
    "repair_services": ["service_type", "price_eur", "provider", "description"],
}

# One-to-one sections; in CSV each field is a column of its own (named as here, unless renamed below).
SECTION_FIELDS = {
    "durability": [
        "warranty_years",
        "lifetime_warranty",
        "expected_lifetime_years",
        "maintenance_instructions",
        "resharpenable",
        "resharpening_cycles",
        "refurbishable",
    ],
    "repairability": ["documentation", "documentation_url", "disassembly_steps", "fasteners", "tools"],
    "end_of_life": [
        "take_back_offered",
        "take_back_details",
        "recyclable_share_percent",
        "separability",
        "disposal_instructions",
    ],
}
CSV_SECTION_RENAMES = {
    ("repairability", "documentation"): "repair_documentation",
    ("repairability", "documentation_url"): "repair_documentation_url",
}
ITEM_SEPARATOR = ";"
FIELD_SEPARATOR = "|"

TRUE_WORDS = frozenset({"yes", "y", "ja", "j", "true", "1", "x"})
FALSE_WORDS = frozenset({"no", "n", "nein", "false", "0"})


def section_columns() -> dict[str, tuple[str, str]]:
    """CSV column name → (section, field)."""
    return {
        CSV_SECTION_RENAMES.get((section, name), name): (section, name)
        for section, names in SECTION_FIELDS.items()
        for name in names
    }


def csv_columns() -> list[str]:
    """Every column of the CSV format, in the order of the template."""
    return [*PRODUCT_FIELDS, *section_columns(), *LIST_FIELDS]


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
    row: int
    product: Product
    lists: dict[str, list[models.Model]] = field(default_factory=dict)
    sections: dict[str, models.Model] = field(default_factory=dict)


@dataclass
class ImportResult:
    """What an import did: the products saved (none if any row failed) and every error found."""

    rows: list[ImportedRow] = field(default_factory=list)
    errors: list[RowError] = field(default_factory=list)
    dry_run: bool = False

    @property
    def ok(self) -> bool:
        return not self.errors

    @property
    def products(self) -> list[Product]:
        return [row.product for row in self.rows]


def _lifecycle_models() -> dict[str, type[models.Model]]:
    # lifecycle depends on products, so its models are looked up when an import runs, not at import time.
    from lifecycle.models import Durability, EndOfLife, Repairability, RepairService, SparePart

    return {
        "spare_parts": SparePart,
        "repair_services": RepairService,
        "durability": Durability,
        "repairability": Repairability,
        "end_of_life": EndOfLife,
    }


def part_models() -> dict[str, type[models.Model]]:
    return {
        "variants": ProductVariant,
        "materials": Material,
        "components": Component,
        "supply_chain_steps": SupplyChainStep,
        **_lifecycle_models(),
    }


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
        data = json.loads(text, parse_float=Decimal)
    except json.JSONDecodeError as error:
        raise ImportFileError(
            _("The file is not valid JSON (line %(line)d, column %(column)d): %(message)s")
            % {"line": error.lineno, "column": error.colno, "message": error.msg}
        ) from error
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
            elif column in LIST_FIELDS:
                row[column] = _split_items(value, LIST_FIELDS[column])
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
    if section in SECTION_FIELDS and name:
        return CSV_SECTION_RENAMES.get((section, name), name)
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


def _build(model, values: dict, allowed: list[str], extra: dict | None = None, exclude=("product",)):
    """An unsaved instance from raw values, validated by the model; errors by field name."""
    errors: dict[str, list[str]] = {}
    kwargs = dict(extra or {})
    for name, raw in values.items():
        if name not in allowed:
            errors[name] = [_("Unknown field; the fields are %(fields)s.") % {"fields": ", ".join(allowed)}]
            continue
        try:
            model_field = model._meta.get_field(name)
        except FieldDoesNotExist:  # pragma: no cover - allowed lists name model fields
            errors[name] = [_("Unknown field.")]
            continue
        try:
            kwargs[model_field.attname] = _coerce(model_field, raw)
        except ValidationError as error:
            errors[name] = error.messages
    instance = model(**kwargs)
    try:
        instance.full_clean(exclude=[*exclude, *errors])
    except ValidationError as error:
        for name, messages in error.message_dict.items():
            errors.setdefault("" if name == NON_FIELD_ERRORS else name, []).extend(messages)
    return instance, errors


def validate_row(
    number: int,
    row: dict,
    maker: MakerOrganisation,
    categories: dict[str, Category],
    label: Callable[[str], str],
) -> tuple[ImportedRow | None, list[RowError]]:
    """Validate one row with the models' own rules; return the unsaved objects or the row's errors."""
    errors: list[RowError] = []

    def report(path: str, messages) -> None:
        for message in messages:
            errors.append(RowError(number, label(path) if path else "", str(message)))

    if not row:
        return None, [RowError(number, "", _("The row is empty."))]
    if "__extra__" in row:
        report("", [_("The row has more cells than the header has columns.")])
    known = {*PRODUCT_FIELDS, *LIST_FIELDS, *SECTION_FIELDS, "__extra__"}
    for name in row:
        if name not in known:
            report(name, [_("Unknown field.")])

    values = {name: row[name] for name in PRODUCT_FIELDS if name in row and name != "category"}
    slug = str(row.get("category") or "").strip()
    category = categories.get(slug)
    if category is None:
        report(
            "category",
            [
                _("No category has the slug %(slug)r; the slugs are listed at /api/v1/categories/.") % {"slug": slug}
                if slug
                else _("This field is required.")
            ],
        )
    product, product_errors = _build(
        Product,
        values,
        allowed=PRODUCT_FIELDS,
        extra={"maker": maker, "category": category},
        exclude=["passport_code", "category"],
    )
    for name, messages in product_errors.items():
        report(name, messages)

    models_by_part = part_models()
    imported = ImportedRow(row=number, product=product)
    for part, names in LIST_FIELDS.items():
        items = row.get(part)
        if items in (None, ""):
            continue
        if isinstance(items, str):
            report(part, [items])
            continue
        if not isinstance(items, list) or not all(isinstance(item, dict) for item in items):
            report(part, [_("Should be a list of objects.")])
            continue
        built = []
        for index, item in enumerate(items, start=1):
            if part == "supply_chain_steps":
                item = {"position": index, **item}
            allowed = [*names, "position"] if part == "supply_chain_steps" else names
            instance, item_errors = _build(models_by_part[part], item, allowed=allowed)
            for name, messages in item_errors.items():
                report(f"{part}[{index}].{name}" if name else f"{part}[{index}]", messages)
            built.append(instance)
        if part == "variants":
            codes = [variant.code for variant in built]
            for index, code in enumerate(codes, start=1):
                if code in codes[: index - 1]:
                    report(f"variants[{index}].code", [_("Each variant needs its own code.")])
        imported.lists[part] = built
    for section, names in SECTION_FIELDS.items():
        data = row.get(section)
        if data in (None, "", {}):
            continue
        if not isinstance(data, dict):
            report(section, [_("Should be an object.")])
            continue
        instance, section_errors = _build(models_by_part[section], data, allowed=names)
        for name, messages in section_errors.items():
            report(f"{section}.{name}" if name else section, messages)
        imported.sections[section] = instance
    return (None if errors else imported), errors


def _identity(iterable: Iterable, **_kwargs) -> Iterable:
    return iterable


def import_products(
    rows: list[tuple[int, dict]],
    maker: MakerOrganisation,
    *,
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
        result.errors.extend(errors)
        if imported is not None:
            result.rows.append(imported)
    if result.errors:
        result.rows = []
        return result
    if dry_run:
        return result
    try:
        with transaction.atomic():
            for imported in progress(result.rows, total=len(result.rows), desc=_("Saving")):
                _save(imported)
    except IntegrityError as error:
        # Another write took a GTIN between validation and saving; nothing of this import stays.
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


def _save(imported: ImportedRow) -> None:
    product = imported.product
    product.save()
    for instances in imported.lists.values():
        for instance in instances:
            instance.product = product
            instance.save()
    for instance in imported.sections.values():
        instance.product = product
        instance.save()
