"""Which field a database's unique-constraint violation is about, as the product writer's errors.

The writer checks uniqueness before saving, but another transaction may commit the same value in between;
then the database refuses the row. SQLite and PostgreSQL both name the table and columns in their report.
"""

import re

from django.db import IntegrityError
from django.utils.translation import gettext as _

from . import parts
from .models import Product

_SQLITE = re.compile(r"UNIQUE constraint failed: (?P<columns>.+)$")
_POSTGRES_KEY = re.compile(r"Key \((?P<columns>[^)]+)\)=")
_UNIQUE_VIOLATION = "23505"  # PostgreSQL's SQLSTATE


def violated_columns(error: IntegrityError) -> tuple[str, list[str]] | None:
    """(table, columns) of a unique-constraint violation; None when the error is something else."""
    cause = error.__cause__
    diag = getattr(cause, "diag", None)
    if diag is not None:
        if getattr(cause, "sqlstate", None) != _UNIQUE_VIOLATION:
            return None
        found = _POSTGRES_KEY.search(diag.message_detail or "")
        columns = [name.strip().strip('"') for name in found["columns"].split(",")] if found else []
        return diag.table_name or "", columns
    found = _SQLITE.search(str(error))
    if found is None:
        return None
    qualified = [name.strip() for name in found["columns"].split(",")]
    if not all("." in name for name in qualified):  # "index 'name'": an expression index
        return "", []
    return qualified[0].split(".", 1)[0], [name.split(".", 1)[1] for name in qualified]


def _fields(model, columns: list[str]) -> list[str]:
    by_column = {model_field.column: model_field.name for model_field in model._meta.concrete_fields}
    # The product a part row belongs to is part of its unique key, but it is not what the maker typed.
    return [by_column[column] for column in columns if column in by_column and by_column[column] != "product"]


def _message(model, names: list[str]) -> str:
    # Django's own message for the check ("Product with this GTIN already exists."), in the user's language.
    return " ".join(model().unique_error_message(model, tuple(names)).messages)


def unique_violation_errors(error: IntegrityError) -> dict | None:
    """The writer's errors (``ProductInvalid.errors``) for a unique-constraint violation, naming the field.

    None when the error is no unique-constraint violation.
    """
    violated = violated_columns(error)
    if violated is None:
        return None
    table, columns = violated
    for model, part in [(Product, None), *((part.model, part) for part in parts.all_parts())]:
        if model._meta.db_table != table:
            continue
        names = _fields(model, columns)
        if not names:
            break
        message = [_message(model, names)]
        if part is None:
            return {names[0]: message}
        return {part.name: {None: message}} if part.many else {part.name: {names[0]: message}}
    return {"": [_("Someone saved the same value at the same moment. Reload the page and try again.")]}
