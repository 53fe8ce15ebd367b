"""Layout kit of the A4 passport: page geometry, styles, markup helpers, tables and section headings."""

import functools
from xml.sax.saxutils import escape

from reportlab.graphics.shapes import Drawing
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.platypus import CondPageBreak, Flowable, Paragraph, Spacer, Table, TableStyle

from catalogue.passports.pdf.common import ACCENT, INK, MUTED, NOT_DISCLOSED, POSITIVE, RULE, draw_drawing
from catalogue.passports.pdf.fonts import SANS, SANS_BOLD, SANS_ITALIC
from catalogue.passports.pdf.texts import caption

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN_X = 18 * mm
MARGIN_TOP = 21 * mm
MARGIN_BOTTOM = 21 * mm
CONTENT_WIDTH = PAGE_WIDTH - 2 * MARGIN_X
SUBSCORES = ("durability", "repairability", "supply_chain", "circularity")

# Space a section heading needs below it (heading plus a few rows) before it may start a page.
SECTION_MIN_SPACE = 32 * mm
SUBSECTION_MIN_SPACE = 22 * mm

# How much a printout shows. Valid data is printed whole: no list a maker can enter has more than 50 rows
# (products.parts.Part.max_rows) and no text more than 5,000 characters. Data from before those limits, and the
# reasons against "Solingen" (one per step), are shortened with a note that the online passport shows it all.
MAX_LISTED_ROWS = 50
MAX_LISTED_REASONS = 10
MAX_TEXT_CHARACTERS = 5000

CELL_PADDING = 3
# tone -> font, size, colour, leading of a table cell
TONES = {
    "normal": (SANS, 8, INK, 10.5),
    "bold": (SANS_BOLD, 8, INK, 10.5),
    "muted": (SANS, 8, MUTED, 10.5),
    "small": (SANS, 7, MUTED, 9),
    "nd": (SANS_ITALIC, 8, NOT_DISCLOSED, 10.5),
    "positive": (SANS, 8, POSITIVE, 10.5),
    "head": (SANS_BOLD, 7, MUTED, 9),
    "key": (SANS, 7.5, MUTED, 10.5),
}


# --- styles and markup ----------------------------------------------------------------------------


@functools.cache
def passport_styles() -> dict[str, ParagraphStyle]:
    base = ParagraphStyle("base", fontName=SANS, fontSize=8.5, leading=11.5, textColor=INK)
    return {
        "body": base,
        "small": ParagraphStyle("small", parent=base, fontSize=7.5, leading=10, textColor=MUTED),
        "cell": ParagraphStyle("cell", parent=base, fontSize=8, leading=10.5),
        "overline": ParagraphStyle(
            "overline", parent=base, fontName=SANS_BOLD, fontSize=7.5, leading=10, textColor=ACCENT
        ),
        "maker": ParagraphStyle("maker", parent=base, fontSize=9.5, leading=13, textColor=INK),
        "subheading": ParagraphStyle(
            "subheading",
            parent=base,
            fontName=SANS_BOLD,
            fontSize=8.5,
            leading=11,
            textColor=INK,
            spaceBefore=7,
            spaceAfter=3,
        ),
        "box_title": ParagraphStyle("box_title", parent=base, fontName=SANS_BOLD, fontSize=8.5, leading=11.5),
        "reason": ParagraphStyle("reason", parent=base, fontSize=8, leading=10.5, leftIndent=3 * mm),
        "overall": ParagraphStyle("overall", parent=base, leading=18),
    }


@functools.cache
def _cell_style(tone: str, right: bool) -> ParagraphStyle:
    font, size, colour, leading = TONES[tone]
    return ParagraphStyle(
        f"cell-{tone}-{right}",
        fontName=font,
        fontSize=size,
        leading=leading,
        textColor=colour,
        alignment=TA_RIGHT if right else 0,
    )


def clipped(value, limit: int = MAX_TEXT_CHARACTERS) -> str:
    """``value`` as text of at most ``limit`` characters (and "…"): a guard for data from before the limits."""
    text = str(value)
    return text if len(text) <= limit else text[:limit].rstrip() + "…"


class Styled:
    """Plain text for a table cell in one of the TONES."""

    __slots__ = ("text", "tone")

    def __init__(self, text, tone: str = "normal"):
        self.text = clipped(text)
        self.tone = tone


class Markup(str):
    """Paragraph markup (already escaped) for a table cell; always becomes a Paragraph."""


def to_markup(value) -> str:
    """Snapshot text as paragraph markup: escaped, with line breaks kept (and at most MAX_TEXT_CHARACTERS)."""
    return escape(clipped(value)).replace("\n", "<br/>")


def long_text(value, language: str, limit: int = MAX_TEXT_CHARACTERS) -> str:
    """A free text as markup, shortened to ``limit`` characters with a note that the online passport has it all."""
    text = str(value)
    if len(text) <= limit:
        return to_markup(text)
    return f"{to_markup(clipped(text, limit)[:-1])} {muted(caption('text_more_online', language))}"


def listed(entries, language: str, styles, limit: int = MAX_LISTED_ROWS) -> tuple[list, list]:
    """The first ``limit`` entries, and the flowables of a note saying how many more the online passport lists."""
    entries = list(entries or [])
    if len(entries) <= limit:
        return entries, []
    note = caption("more_online", language, count=len(entries) - limit)
    return entries[:limit], [Spacer(1, 1.5 * mm), Paragraph(to_markup(note), styles["small"])]


def muted(markup: str) -> str:
    return f'<font color="{MUTED.hexval()}">{markup}</font>'


def with_note(markup: str, note: str, size: float = 7) -> str:
    """``markup`` with a smaller muted line (``note``, markup too) under it."""
    return f'{markup}<br/><font size="{size}" color="{MUTED.hexval()}">{note}</font>'


def labelled(label: str, description: str | None):
    """A step or service label, with its description under it where there is one."""
    if not description:
        return label
    return Markup(with_note(to_markup(label), to_markup(description)))


def not_disclosed_markup(language: str, key: str = "not_disclosed") -> str:
    return f'<font name="{SANS_ITALIC}" color="{NOT_DISCLOSED.hexval()}">{caption(key, language)}</font>'


def link(url: str) -> str:
    return f'<a href="{escape(url, {chr(34): "&quot;"})}" color="{ACCENT.hexval()}">{to_markup(url)}</a>'


def nd(language: str) -> Styled:
    """A "not disclosed" table cell."""
    return Styled(caption("not_disclosed", language), "nd")


def or_nd(value, language: str, tone: str = "normal"):
    """``value`` as a table cell, or "not disclosed" when it is missing or empty."""
    return Styled(value, tone) if value not in (None, "") else nd(language)


def captions(language: str, keys) -> list[str]:
    return [caption(key, language) for key in keys]


def place_of(entry: dict) -> str:
    """ "postcode city, country" of a maker or a supply-chain step, leaving out what is missing."""
    place = " ".join(part for part in (entry.get("postcode"), entry.get("city")) if part)
    if entry.get("country"):
        place = f"{place}, {entry['country']}" if place else entry["country"]
    return place


# --- tables ---------------------------------------------------------------------------------------


class Grid:
    """Rows of cells for a reportlab Table.

    Text that fits on one line is drawn as a plain table string (with a per-cell font command),
    which is several times cheaper than a Paragraph; longer text wraps in a Paragraph.
    """

    def __init__(self, widths, *, header=None, right=(), key_columns=()):
        self.widths = list(widths)
        self.right = set(right)
        self.key_columns = set(key_columns)
        self.rows = []
        self.commands = []
        self.header_rows = 0
        if header:
            self.add([Styled(text, "head") for text in header])
            self.header_rows = 1
            self.commands += [("LINEBELOW", (0, 0), (-1, 0), 0.8, MUTED), ("BOTTOMPADDING", (0, 0), (-1, 0), 3)]

    def add(self, cells, *, spans: dict[int, int] | None = None, commands=()) -> int:
        row_index = len(self.rows)
        spans = spans or {}
        row = []
        for column, cell in enumerate(cells):
            last = spans.get(column, column)
            width = sum(self.widths[column : last + 1])
            row.append(self._cell(cell, row_index, column, width))
            if last != column:
                self.commands.append(("SPAN", (column, row_index), (last, row_index)))
        self.rows.append(row)
        for command in commands:
            name, *rest = command
            self.commands.append((name, (0, row_index), (-1, row_index), *rest))
        return row_index

    def _cell(self, cell, row: int, column: int, width: float):
        if cell is None or isinstance(cell, Flowable) or cell == "":
            return cell if cell is not None else ""
        right = column in self.right
        if isinstance(cell, Markup):
            return Paragraph(cell, _cell_style("key" if column in self.key_columns else "normal", right))
        if isinstance(cell, Styled):
            text, tone = cell.text, cell.tone
        else:
            text, tone = str(cell), "key" if column in self.key_columns else "normal"
        font, size, colour, leading = TONES[tone]
        text = clipped(text)
        if "\n" not in text and stringWidth(text, font, size) <= width - 2 * CELL_PADDING:
            if tone != "normal":
                self.commands += [
                    ("FONT", (column, row), (column, row), font, size, leading),
                    ("TEXTCOLOR", (column, row), (column, row), colour),
                ]
            return text
        return Paragraph(to_markup(text), _cell_style(tone, right))

    def table(self, *, repeat_rows: int | None = None, rules: bool = True) -> Table:
        commands = [
            ("FONT", (0, 0), (-1, -1), SANS, 8, 10.5),
            ("TEXTCOLOR", (0, 0), (-1, -1), INK),
            ("VALIGN", (0, 0), (-1, -1), "TOP"),
            ("LEFTPADDING", (0, 0), (-1, -1), CELL_PADDING),
            ("RIGHTPADDING", (0, 0), (-1, -1), CELL_PADDING),
            ("TOPPADDING", (0, 0), (-1, -1), 3.5),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 3.5),
        ]
        if rules:
            commands.append(("LINEBELOW", (0, 0), (-1, -1), 0.4, RULE))
        commands += [("ALIGN", (column, 0), (column, -1), "RIGHT") for column in sorted(self.right)]
        commands += self.commands
        table = Table(
            self.rows,
            colWidths=self.widths,
            repeatRows=self.header_rows if repeat_rows is None else repeat_rows,
            hAlign="LEFT",
            splitInRow=1,
        )
        table.setStyle(TableStyle(commands))
        return table


def layout_table(cells: list, widths: list[float], commands=(), *, splittable: bool = False) -> Table:
    """A one-row table that only places flowables side by side (no padding, our font).

    ``splittable`` lets the row break between its flowables when it is taller than the rest of the page.
    """
    table = Table([cells], colWidths=widths, hAlign="LEFT", splitInRow=1 if splittable else 0)
    table.setStyle(
        TableStyle(
            [
                # Table cells default to Helvetica; naming our font keeps Helvetica out of the PDF.
                ("FONT", (0, 0), (-1, -1), SANS, 8),
                ("VALIGN", (0, 0), (-1, -1), "TOP"),
                ("LEFTPADDING", (0, 0), (-1, -1), 0),
                ("RIGHTPADDING", (0, 0), (-1, -1), 0),
                ("TOPPADDING", (0, 0), (-1, -1), 0),
                ("BOTTOMPADDING", (0, 0), (-1, -1), 0),
                *commands,
            ]
        )
    )
    return table


def key_value_grid(pairs, *, columns: int = 2, key_width=34 * mm, width=CONTENT_WIDTH) -> Table:
    """Captions and values, ``columns`` pairs per row; a pair whose caption starts with "*" spans the row."""
    value_width = width / columns - key_width
    grid = Grid([key_width, value_width] * columns, key_columns=range(0, 2 * columns, 2))
    row = []
    for key, value in pairs:
        wide = key.startswith("*")
        if wide and row:
            grid.add(row + [""] * (2 * columns - len(row)))
            row = []
        row += [Styled(key.lstrip("*"), "key"), value]
        if wide:
            grid.add(row + [""] * (2 * columns - len(row)), spans={1: 2 * columns - 1})
            row = []
        elif len(row) == 2 * columns:
            grid.add(row)
            row = []
    if row:
        grid.add(row + [""] * (2 * columns - len(row)))
    return grid.table()


class DrawingFlowable(Flowable):
    """A reportlab graphics drawing placed in the flow."""

    def __init__(self, drawing: Drawing):
        super().__init__()
        self.drawing = drawing
        self.width = drawing.width
        self.height = drawing.height

    def wrap(self, available_width, available_height):
        return self.width, self.height

    def draw(self):
        draw_drawing(self.canv, self.drawing, 0, 0)


# --- sections -------------------------------------------------------------------------------------


class _SectionHeading(Flowable):
    """Section title in the accent colour over a full-width rule."""

    def __init__(self, title: str):
        super().__init__()
        self.title = title
        self.height = 8.5 * mm

    def wrap(self, available_width, available_height):
        self.width = available_width
        return self.width, self.height

    def draw(self):
        canvas = self.canv
        canvas.setFillColor(ACCENT)
        canvas.setFont(SANS_BOLD, 11)
        canvas.drawString(0, 2.4 * mm, self.title)
        canvas.setStrokeColor(ACCENT)
        canvas.setLineWidth(0.9)
        canvas.line(0, 0.6 * mm, self.width, 0.6 * mm)


def section(title: str, min_space: float = SECTION_MIN_SPACE) -> list:
    return [CondPageBreak(min_space), Spacer(1, 5.5 * mm), _SectionHeading(title), Spacer(1, 1.5 * mm)]


def not_disclosed_paragraph(language: str, styles) -> Paragraph:
    return Paragraph(not_disclosed_markup(language), styles["body"])


def empty_section(title: str, language: str, styles) -> list:
    return [*section(title, 22 * mm), not_disclosed_paragraph(language, styles)]


def subsection(title: str, styles) -> list:
    return [CondPageBreak(SUBSECTION_MIN_SPACE), Paragraph(to_markup(title), styles["subheading"])]


def table_subsection(key: str, language: str, styles, widths, column_keys, rows, *, right=(), note=()) -> list:
    """The subsection ``key`` with a table: a caption row of ``column_keys``, then ``rows``, then ``note``."""
    grid = Grid(widths, header=captions(language, column_keys), right=right)
    for row in rows:
        grid.add(row)
    return [*subsection(caption(key, language), styles), grid.table(), *note]
