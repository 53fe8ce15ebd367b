"""The column registry of the import, the export and both templates: names, order, choices, and cells both ways."""

from __future__ import annotations

from decimal import Decimal

from django.core.exceptions import ObjectDoesNotExist
from django.db import models
from django.utils.translation import gettext as _

from . import parts
from .models import Product

# The column that names an existing product to update (empty: a new product). It leads every row of an export.
IDENTITY_COLUMN = "passport_code"
# The columns of the product itself (the maker comes from the import, not from the file).
PRODUCT_FIELDS = ["name", "category", "gtin", "model_number", "description", "price_eur", "mass_g"]
REQUIRED_COLUMNS = ["name", "category"]

ITEM_SEPARATOR = ";"
FIELD_SEPARATOR = "|"

TRUE_WORDS = frozenset({"yes", "y", "ja", "j", "true", "1", "x"})
FALSE_WORDS = frozenset({"no", "n", "nein", "false", "0"})
YES, NO = "yes", "no"


def list_fields() -> dict[str, list[str]]:
    """Importable lists, from the parts registry. In CSV each is one cell of items separated by ";"
    whose fields, in this order, are separated by "|"; trailing fields may be left out."""
    return {part.name: list(part.cell_fields) for part in parts.lists() if part.importable}


def section_fields() -> dict[str, list[str]]:
    """Importable one-to-one sections; in CSV each field is a column of its own."""
    return {part.name: list(part.cell_fields) for part in parts.sections() if part.importable}


def section_columns() -> dict[str, tuple[str, str]]:
    """CSV column name → (section, field)."""
    return {
        parts.get(section).csv_renames.get(name, name): (section, name)
        for section, names in section_fields().items()
        for name in names
    }


def csv_columns() -> list[str]:
    """Every column of the CSV and XLSX formats, in the order of the templates and the exports."""
    return [IDENTITY_COLUMN, *PRODUCT_FIELDS, *section_columns(), *list_fields()]


def column_model_field(column: str) -> models.Field | None:
    """The model field behind a one-value column (None for lists, the category and the passport code)."""
    if column in PRODUCT_FIELDS and column != "category":
        return Product._meta.get_field(column)
    if column in section_columns():
        section, name = section_columns()[column]
        return parts.get(section).model._meta.get_field(name)
    return None


def choice_columns() -> dict[str, list[str]]:
    """One-value columns that take one of a few codes (choices, yes/no): column → the codes, for drop-downs."""
    found = {}
    for column in csv_columns():
        model_field = column_model_field(column)
        if model_field is None:
            continue
        if isinstance(model_field, models.BooleanField):
            found[column] = [YES, NO]
        elif model_field.choices:
            found[column] = [str(value) for value, _label in model_field.flatchoices if value != ""]
    return found


def csv_field_label(path: str) -> str:
    """The column an error of the writer's field ``path`` belongs to (``durability.warranty_years`` → its column)."""
    section, _dot, name = path.partition(".")
    if section in section_fields() and name:
        return parts.get(section).csv_renames.get(name, name)
    return path


def column_of(label: str) -> str:
    """The column of a field label: ``materials[2].share_percent`` is in ``materials``."""
    return label.split("[", 1)[0].split(".", 1)[0]


class HeaderError(ValueError):
    """The header row cannot be imported; the message says why."""


def check_header(header: list[str]) -> None:
    """Refuse unknown, missing and repeated columns, naming them."""
    known = set(csv_columns())
    unknown = [name for name in header if name and name not in known]
    if unknown:
        raise HeaderError(
            _("Unknown columns: %(columns)s. The columns are described in docs/import.md.")
            % {"columns": ", ".join(unknown)}
        )
    missing = [name for name in REQUIRED_COLUMNS if name not in header]
    if missing:
        raise HeaderError(_("Missing columns: %(columns)s.") % {"columns": ", ".join(missing)})
    duplicated = sorted({name for name in header if name and header.count(name) > 1})
    if duplicated:
        raise HeaderError(_("Columns named twice: %(columns)s.") % {"columns": ", ".join(duplicated)})


def row_from_cells(header: list[str], cells: list[str]) -> dict:
    """One data row of text cells in the common shape of the import (sections and lists nested).

    Empty cells of a section are kept (as ""): they clear the field of a product the row updates.
    """
    columns, lists = section_columns(), list_fields()
    row: dict = {}
    if len(cells) > len(header) and any(cell.strip() for cell in cells[len(header) :]):
        row["__extra__"] = cells[len(header) :]
    for column, value in zip(header, cells, strict=False):
        if not column:
            continue
        if column in columns:
            section, name = columns[column]
            row.setdefault(section, {})[name] = value
        elif column in lists:
            row[column] = split_items(value, lists[column])
        else:
            row[column] = value
    return row


def split_items(cell: str, names: list[str]) -> list[dict] | str:
    """The items of a list cell; a text (the problem) when an item has more fields than the list."""
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


# ---------- Cells of a stored product (the export) ----------


def cell_text(value) -> str:
    """A stored value as the import reads it back: codes, yes/no, a decimal point, empty for not disclosed."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return YES if value else NO
    if isinstance(value, Decimal):
        return format(value.normalize(), "f") if value == value.to_integral() else format(value, "f")
    return str(value)


def _section(product: Product, name: str):
    try:
        return getattr(product, name)
    except ObjectDoesNotExist:
        return None


def product_cells(product: Product) -> list[str]:
    """The product as one row of text cells, in the order of :func:`csv_columns` (load it ``with_parts()``)."""
    cells = {
        IDENTITY_COLUMN: product.passport_code,
        "category": product.category.slug,
        **{name: cell_text(getattr(product, name)) for name in PRODUCT_FIELDS if name != "category"},
    }
    for column, (section, name) in section_columns().items():
        stored = _section(product, section)
        cells[column] = cell_text(getattr(stored, name)) if stored is not None else ""
    for name, names in list_fields().items():
        items = []
        for row in getattr(product, name).all():
            values = [cell_text(getattr(row, row._meta.get_field(field).attname)) for field in names]
            while values and values[-1] == "":
                values.pop()  # trailing fields may be left out
            items.append(FIELD_SEPARATOR.join(values))
        cells[name] = ITEM_SEPARATOR.join(items)
    return [cells[column] for column in csv_columns()]
