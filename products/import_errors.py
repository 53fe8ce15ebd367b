"""What an import reports: a problem of the whole file, or of one row's field (with its cell in a spreadsheet)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from django.utils.translation import gettext as _


class ImportFileError(Exception):
    """The file as a whole cannot be read; nothing was imported."""


@dataclass
class RowError:
    """One problem, by 1-based data row (None for the whole file), field and message; in a spreadsheet its cell."""

    row: int | None
    field: str
    message: str
    cell: str = ""  # "C12": where a spreadsheet shows the problem

    def as_dict(self) -> dict:
        found = {"row": self.row, "field": self.field, "message": self.message}
        return {**found, "cell": self.cell} if self.cell else found

    def __str__(self) -> str:
        if self.cell:
            where = _("Cell %(cell)s") % {"cell": self.cell}
            return f"{where} ({self.field}): {self.message}" if self.field else f"{where}: {self.message}"
        where = _("row %(row)s") % {"row": self.row} if self.row is not None else _("file")
        return f"{where}, {self.field}: {self.message}" if self.field else f"{where}: {self.message}"


def row_error(number: int | None, label: Callable[[str], str], path: str, message) -> RowError:
    """A problem of a row's field, named as the file's format names it, with its cell when it is a spreadsheet."""
    name = label(path) if path else ""
    cell = label.cell(number, name) if number is not None and hasattr(label, "cell") else ""
    return RowError(number, name, str(message), cell)
