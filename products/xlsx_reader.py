"""Reading an uploaded XLSX file as text cells, assuming it is hostile: sizes, XML, formulas and extent are limited.

An XLSX file is a ZIP archive of XML files. Before openpyxl sees it, the archive is checked: its unpacked size
and number of members (a small file can unpack to gigabytes), and its XML, which must be UTF-8 without a DTD
(entity expansion, "billion laughs", needs one; Excel never writes one). openpyxl then reads it in read-only
mode, from the sheet named "Products" ("Produkte") or else the first one. Formulas are refused, not
evaluated, because openpyxl does not compute them and a cached result may be stale or forged.
"""

from __future__ import annotations

import io
import re
import zipfile
from dataclasses import dataclass, field
from datetime import date, datetime, time
from decimal import Decimal

from django.utils.translation import gettext as _
from openpyxl import load_workbook
from openpyxl.utils import get_column_letter

from .import_columns import csv_field_label
from .import_errors import ImportFileError

ZIP_MAGIC = b"PK\x03\x04"
OLD_EXCEL_MAGIC = b"\xd0\xcf\x11\xe0"  # .xls, the binary format before 2007
SHEET_NAMES = ("Products", "Produkte")
# Generous for a maker's catalogue, small enough that a request or a worker reads it in seconds.
MAX_DATA_ROWS = 5000
# Blank rows are skipped but still read; a sheet of a million formatted blank rows is refused, not walked.
MAX_SHEET_ROWS = 2 * MAX_DATA_ROWS
MAX_COLUMNS = 100
MAX_UNPACKED_BYTES = 64 * 1024 * 1024
MAX_MEMBERS = 500
_DTD = re.compile(rb"<!(DOCTYPE|ENTITY)", re.IGNORECASE)


class SheetLabels:
    """How a spreadsheet names a field (its column) and where a row's field is (its cell, "C12")."""

    def __init__(self, header: list[str], header_row: int = 1):
        self.letters = {name: get_column_letter(index) for index, name in enumerate(header, start=1) if name}
        self.header_row = header_row

    def __call__(self, path: str) -> str:
        return csv_field_label(path)

    def cell(self, row: int, label: str) -> str:
        column = label.split("[", 1)[0].split(".", 1)[0]
        letter = self.letters.get(column)
        return f"{letter}{row + self.header_row}" if letter else ""


@dataclass
class Sheet:
    """The header and the non-blank data rows (numbered from 1 below the header) of one sheet, as text."""

    header: list[str]
    rows: list[tuple[int, list[str]]] = field(default_factory=list)

    @property
    def labels(self) -> SheetLabels:
        return SheetLabels(self.header)


def is_spreadsheet(content: bytes, filename: str = "") -> bool:
    """Whether to read the upload as a spreadsheet: by its first bytes, or by a name the reader then checks."""
    return content[:4] in (ZIP_MAGIC, OLD_EXCEL_MAGIC) or filename.lower().endswith((".xlsx", ".xlsm", ".xls"))


def read_xlsx(content: bytes) -> Sheet:
    """The product sheet of an XLSX file; ImportFileError saying what is wrong with a file that is refused."""
    if content[:4] == OLD_EXCEL_MAGIC:
        raise ImportFileError(_("This is an old Excel file (.xls). Save it as an Excel workbook (.xlsx) first."))
    if content[:4] != ZIP_MAGIC:
        raise ImportFileError(_("The file is not an Excel workbook (.xlsx), although its name says so."))
    _check_archive(content)
    try:
        workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=False, keep_links=False)
    except Exception as error:  # openpyxl raises many kinds for broken files; each means "cannot be read"
        raise ImportFileError(_("The workbook cannot be read: %(error)s") % {"error": error}) from error
    try:
        return _read_sheet(_product_sheet(workbook))
    finally:
        workbook.close()


def _check_archive(content: bytes) -> None:
    try:
        archive = zipfile.ZipFile(io.BytesIO(content))
    except (zipfile.BadZipFile, ValueError) as error:
        raise ImportFileError(_("The workbook is damaged: it is not a complete ZIP archive.")) from error
    with archive:
        members = archive.infolist()
        if len(members) > MAX_MEMBERS:
            raise ImportFileError(_("The workbook has too many parts to be a product list."))
        if sum(member.file_size for member in members) > MAX_UNPACKED_BYTES:
            raise ImportFileError(
                _("The workbook unpacks to more than %(limit)d MB; split it into several files.")
                % {"limit": MAX_UNPACKED_BYTES // (1024 * 1024)}
            )
        names = {member.filename for member in members}
        if "xl/workbook.xml" not in names:
            raise ImportFileError(_("The file is a ZIP archive, but not an Excel workbook (.xlsx)."))
        for member in members:
            if member.filename.endswith((".xml", ".rels")) and not _plain_xml(archive, member):
                raise ImportFileError(
                    _(
                        "The workbook contains XML that is not accepted (%(part)s): a document type declaration or "
                        "an encoding other than UTF-8. Save it again from Excel or LibreOffice."
                    )
                    % {"part": member.filename}
                )


def _plain_xml(archive: zipfile.ZipFile, member: zipfile.ZipInfo) -> bool:
    """UTF-8 XML without a DTD: read in chunks, with an overlap so that a declaration split between two is seen."""
    tail = b""
    try:
        with archive.open(member) as stream:
            first = True
            while chunk := stream.read(1024 * 1024):
                if first and (chunk[:2] in (b"\xff\xfe", b"\xfe\xff") or b"\x00" in chunk[:200]):
                    return False  # UTF-16 or UTF-32 would hide a declaration from this byte search
                first = False
                if _DTD.search(tail + chunk):
                    return False
                tail = chunk[-16:]
    except (zipfile.BadZipFile, OSError, EOFError, NotImplementedError):
        return False
    return True


def _product_sheet(workbook):
    for name in SHEET_NAMES:
        if name in workbook.sheetnames and hasattr(workbook[name], "iter_rows"):
            return workbook[name]
    sheets = [sheet for sheet in workbook.worksheets if hasattr(sheet, "iter_rows")]
    if not sheets:
        raise ImportFileError(_("The workbook has no sheet with cells."))
    return sheets[0]


def _read_sheet(worksheet) -> Sheet:
    sheet: Sheet | None = None
    for row_number, cells in enumerate(worksheet.iter_rows(max_col=MAX_COLUMNS), start=1):
        if row_number > MAX_SHEET_ROWS:
            raise ImportFileError(
                _("The sheet has more than %(limit)d rows; split it into several files.") % {"limit": MAX_SHEET_ROWS}
            )
        values = [_cell_text(cell, row_number, column) for column, cell in enumerate(cells, start=1)]
        while values and values[-1] == "":
            values.pop()
        if sheet is None:
            if not values:
                raise ImportFileError(_("The first row of the sheet is empty; it should name the columns."))
            sheet = Sheet(header=[value.strip() for value in values])
            continue
        if not any(value.strip() for value in values):
            continue
        if len(sheet.rows) >= MAX_DATA_ROWS:
            raise ImportFileError(
                _("The sheet has more than %(limit)d products; split it into several files.") % {"limit": MAX_DATA_ROWS}
            )
        sheet.rows.append((row_number - 1, values))
    if sheet is None:
        raise ImportFileError(_("The sheet is empty; its first row should name the columns."))
    return sheet


def _cell_text(cell, row: int, column: int) -> str:
    """A cell's value as the text a CSV file would hold; formulas and error values are refused."""
    value = getattr(cell, "value", None)
    if value is None:
        return ""
    where = f"{get_column_letter(column)}{row}"
    if getattr(cell, "data_type", None) == "f":
        raise ImportFileError(
            _(
                "Cell %(cell)s holds a formula. Formulas are not calculated on import: replace it by its value "
                "(copy the cell, then paste only the value)."
            )
            % {"cell": where}
        )
    if getattr(cell, "data_type", None) == "e":
        raise ImportFileError(_("Cell %(cell)s shows the error %(value)s.") % {"cell": where, "value": value})
    if isinstance(value, bool):
        return "yes" if value else "no"
    if isinstance(value, float):
        # A whole number typed into Excel arrives as a float (129.0); a GTIN must not become 4.006e12.
        return str(int(value)) if value.is_integer() else repr(value)
    if isinstance(value, (int, Decimal)):
        return str(value)
    if isinstance(value, (datetime, date, time)):
        return value.isoformat()
    return str(value)
