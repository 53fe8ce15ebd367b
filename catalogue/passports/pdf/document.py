"""A4 product passports, rendered from frozen snapshots; many passports go into one PDF."""

import functools
import io
from collections import Counter
from xml.sax.saxutils import escape

from reportlab.graphics.shapes import Drawing, Line, Rect, String
from reportlab.lib import colors
from reportlab.lib.enums import TA_RIGHT
from reportlab.lib.pagesizes import A4
from reportlab.lib.styles import ParagraphStyle
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas
from reportlab.platypus import (
    BaseDocTemplate,
    CondPageBreak,
    Flowable,
    Frame,
    PageBreak,
    PageTemplate,
    Paragraph,
    Spacer,
    Table,
    TableStyle,
)

from catalogue.passports.hashing import snapshot_hash
from catalogue.passports.pdf.common import (
    ACCENT,
    BAND,
    FAINT,
    GRADE_COLOURS,
    INK,
    MUTED,
    NOT_DISCLOSED,
    POSITIVE,
    REGION_COLOURS,
    RULE,
    WHITE,
    WITHDRAWN,
    draw_drawing,
    draw_grade_badge,
    ean_barcode,
    grade_colour,
    grade_of,
    text_colour_on,
)
from catalogue.passports.pdf.fonts import SANS, SANS_BOLD, SANS_ITALIC, register_fonts
from catalogue.passports.pdf.qr import draw_qr
from catalogue.passports.pdf.texts import (
    caption,
    check_language,
    format_date,
    format_euro,
    format_mass,
    format_number,
    format_percent,
    format_years,
    pick,
    yes_no,
)

PAGE_WIDTH, PAGE_HEIGHT = A4
MARGIN_X = 18 * mm
MARGIN_TOP = 21 * mm
MARGIN_BOTTOM = 21 * mm
CONTENT_WIDTH = PAGE_WIDTH - 2 * MARGIN_X
SUBSCORES = ("durability", "repairability", "supply_chain", "circularity")
SHORT_HASH_LENGTH = 12

# Space a section heading needs below it (heading plus a few rows) before it may start a page.
SECTION_MIN_SPACE = 32 * mm
SUBSECTION_MIN_SPACE = 22 * mm


def render_passports(
    snapshots: list[dict],
    language: str = "de",
    hashes: list[str] | None = None,
    withdrawn: list[bool] | None = None,
) -> bytes:
    """One A4 passport per snapshot, each starting on a new page, as the bytes of one PDF.

    ``hashes`` are the content hashes of the versions (full or short); without them the hash is
    computed from the snapshot's canonical JSON, which gives the same value. ``withdrawn`` marks
    passports the maker has withdrawn: each of their pages carries a red banner saying so, because a
    withdrawal happens after publishing and is not part of the frozen snapshot.
    """
    check_language(language)
    if not snapshots:
        raise ValueError("snapshots should contain at least one passport snapshot")
    if hashes is not None and len(hashes) != len(snapshots):
        raise ValueError(f"hashes should have one entry per snapshot ({len(snapshots)}), not {len(hashes)}")
    if withdrawn is not None and len(withdrawn) != len(snapshots):
        raise ValueError(f"withdrawn should have one entry per snapshot ({len(snapshots)}), not {len(withdrawn)}")
    register_fonts()
    styles = _styles()
    decorations = []
    story = []
    for index, snapshot in enumerate(snapshots):
        content_hash = hashes[index] if hashes is not None else snapshot_hash(snapshot)
        decoration = _page_decoration(snapshot, language, content_hash)
        decoration["withdrawn"] = bool(withdrawn and withdrawn[index])
        decorations.append(decoration)
        if index:
            story.append(PageBreak())
        story.append(_PassportStart(index))
        story.extend(_passport_story(snapshot, language, styles))

    buffer = io.BytesIO()
    first = snapshots[0]
    document = BaseDocTemplate(
        buffer,
        pagesize=A4,
        leftMargin=MARGIN_X,
        rightMargin=MARGIN_X,
        topMargin=MARGIN_TOP,
        bottomMargin=MARGIN_BOTTOM,
        title=(first.get("product") or {}).get("name", "") if len(snapshots) == 1 else caption("document", language),
        author=(first.get("maker") or {}).get("name", "") if len(snapshots) == 1 else "",
        subject=caption("document", language),
        creator=caption("brand", language),
        lang=language,
        invariant=1,
        initialFontName=SANS,
    )
    frame = Frame(
        MARGIN_X,
        MARGIN_BOTTOM,
        CONTENT_WIDTH,
        PAGE_HEIGHT - MARGIN_TOP - MARGIN_BOTTOM,
        id="body",
        leftPadding=0,
        rightPadding=0,
        topPadding=0,
        bottomPadding=0,
    )
    document.addPageTemplates([PageTemplate(id="passport", frames=[frame])])
    document.build(story, canvasmaker=functools.partial(_PassportCanvas, decorations=decorations))
    return buffer.getvalue()


# --- page furniture -------------------------------------------------------------------------------


class _PassportStart(Flowable):
    """Invisible marker: tells the canvas which passport the following pages belong to."""

    def __init__(self, index: int):
        super().__init__()
        self.index = index
        self.width = self.height = 0

    def wrap(self, available_width, available_height):
        return 0, 0

    def draw(self):
        self.canv.passport_index = self.index


class _PassportCanvas(Canvas):
    """Keeps pages until the end, so that running header and footer know "page n of m" per passport."""

    def __init__(self, *args, decorations, **kwargs):
        super().__init__(*args, **kwargs)
        self.decorations = decorations
        self.passport_index = 0
        self.finished_pages = []

    def showPage(self):
        self.finished_pages.append(dict(self.__dict__))
        self._startPage()

    def save(self):
        pages_per_passport = Counter(page["passport_index"] for page in self.finished_pages)
        page_in_passport = Counter()
        for page in self.finished_pages:
            # Annotation names are numbered per document; a page's stale counter would reuse them.
            annotation_count = self._annotationCount
            self.__dict__.update(page)
            self._annotationCount = annotation_count
            page_in_passport[self.passport_index] += 1
            _draw_page_furniture(
                self,
                self.decorations[self.passport_index],
                page_in_passport[self.passport_index],
                pages_per_passport[self.passport_index],
            )
            super().showPage()
        super().save()


def _page_decoration(snapshot: dict, language: str, content_hash: str) -> dict:
    product = snapshot.get("product") or {}
    urls = snapshot.get("urls") or {}
    return {
        "language": language,
        "name": product.get("name") or "",
        "code": product.get("passport_code_display") or product.get("passport_code") or "",
        "version": snapshot.get("version"),
        "date": format_date(snapshot.get("published_at"), language),
        "hash": (content_hash or "")[:SHORT_HASH_LENGTH],
        "url": urls.get("digital_link") or urls.get("passport") or "",
    }


def _fit(text: str, font: str, size: float, width: float) -> str:
    if stringWidth(text, font, size) <= width:
        return text
    while text and stringWidth(text + "…", font, size) > width:
        text = text[:-1]
    return text.rstrip() + "…"


def _draw_page_furniture(canvas, decoration: dict, page: int, pages: int) -> None:
    language = decoration["language"]
    left, right = MARGIN_X, PAGE_WIDTH - MARGIN_X
    canvas.saveState()
    if decoration.get("withdrawn"):
        _draw_withdrawn_banner(canvas, language)
    # Running header
    top = PAGE_HEIGHT - 12.5 * mm
    brand = caption("brand", language).upper()
    canvas.setFillColor(ACCENT)
    canvas.setFont(SANS_BOLD, 7)
    canvas.drawString(left, top, brand)
    brand_width = stringWidth(brand, SANS_BOLD, 7)
    canvas.setFillColor(MUTED)
    canvas.setFont(SANS, 7)
    canvas.drawString(left + brand_width + 2.5 * mm, top, caption("document", language))
    if page == 1:
        running = f"{caption('passport_code', language)} {decoration['code']}"
    else:
        running = f"{decoration['name']} · {decoration['code']}"
    available = right - left - brand_width - stringWidth(caption("document", language), SANS, 7) - 12 * mm
    canvas.drawRightString(right, top, _fit(running, SANS, 7, available))
    canvas.setStrokeColor(RULE)
    canvas.setLineWidth(0.5)
    canvas.line(left, top - 2.5 * mm, right, top - 2.5 * mm)
    # Footer
    rule_y = 14.5 * mm
    canvas.line(left, rule_y, right, rule_y)
    text_y = rule_y - 4 * mm
    canvas.setFont(SANS, 7)
    canvas.setFillColor(MUTED)
    parts = []
    if decoration["version"] is not None:
        parts.append(f"{caption('version', language)} {decoration['version']}")
    if decoration["date"]:
        parts.append(decoration["date"])
    if decoration["hash"]:
        parts.append(f"SHA-256 {decoration['hash']}")
    canvas.drawString(left, text_y, " · ".join(parts))
    page_text = caption("page_of", language, page=page, pages=pages)
    canvas.drawRightString(right, text_y, page_text)
    if decoration["url"]:
        # The URL sits right-aligned before the page number, shortened if a long site name would collide.
        url_right = right - stringWidth(page_text, SANS, 7) - 6 * mm
        url_left = left + stringWidth(" · ".join(parts), SANS, 7) + 6 * mm
        url = _fit(decoration["url"], SANS, 7, url_right - url_left)
        url_width = stringWidth(url, SANS, 7)
        canvas.setFillColor(ACCENT)
        canvas.drawRightString(url_right, text_y, url)
        canvas.linkURL(decoration["url"], (url_right - url_width, text_y - 2, url_right, text_y + 6), relative=0)
    canvas.restoreState()


def _draw_withdrawn_banner(canvas, language: str) -> None:
    """A red band across the top edge of the page, above the running header."""
    height = 8 * mm
    canvas.setFillColor(WITHDRAWN)
    canvas.rect(0, PAGE_HEIGHT - height, PAGE_WIDTH, height, stroke=0, fill=1)
    canvas.setFillColor(WHITE)
    canvas.setFont(SANS_BOLD, 8.5)
    canvas.drawCentredString(PAGE_WIDTH / 2, PAGE_HEIGHT - height + 2.9 * mm, caption("withdrawn_banner", language))


# --- styles, cells and tables ----------------------------------------------------------------------

CELL_PADDING = 3
# tone -> font, size, colour, leading of a table cell
_TONES = {
    "normal": (SANS, 8, INK, 10.5),
    "bold": (SANS_BOLD, 8, INK, 10.5),
    "muted": (SANS, 8, MUTED, 10.5),
    "small": (SANS, 7, MUTED, 9),
    "nd": (SANS_ITALIC, 8, NOT_DISCLOSED, 10.5),
    "positive": (SANS, 8, POSITIVE, 10.5),
    "head": (SANS_BOLD, 7, MUTED, 9),
    "key": (SANS, 7.5, MUTED, 10.5),
}


@functools.cache
def _styles() -> dict[str, ParagraphStyle]:
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
    font, size, colour, leading = _TONES[tone]
    return ParagraphStyle(
        f"cell-{tone}-{right}",
        fontName=font,
        fontSize=size,
        leading=leading,
        textColor=colour,
        alignment=TA_RIGHT if right else 0,
    )


def _name_style(size: float) -> ParagraphStyle:
    return ParagraphStyle(f"name{size}", fontName=SANS_BOLD, fontSize=size, leading=size * 1.18, textColor=INK)


class Styled:
    """Plain text for a table cell in one of the _TONES."""

    __slots__ = ("text", "tone")

    def __init__(self, text, tone: str = "normal"):
        self.text = str(text)
        self.tone = tone


class Markup(str):
    """Paragraph markup (already escaped) for a table cell; always becomes a Paragraph."""


def _text(value) -> str:
    """Snapshot text as paragraph markup: escaped, with line breaks kept."""
    return escape(str(value)).replace("\n", "<br/>")


def _muted(markup: str) -> str:
    return f'<font color="{MUTED.hexval()}">{markup}</font>'


def _not_disclosed_markup(language: str, key: str = "not_disclosed") -> str:
    return f'<font name="{SANS_ITALIC}" color="{NOT_DISCLOSED.hexval()}">{caption(key, language)}</font>'


def _link(url: str) -> str:
    return f'<a href="{escape(url, {chr(34): "&quot;"})}" color="{ACCENT.hexval()}">{_text(url)}</a>'


class _Grid:
    """Rows of cells for a reportlab Table.

    Text that fits on one line is drawn as a plain table string (with a per-cell font command),
    which is several times cheaper than a Paragraph; longer text wraps in a Paragraph.
    """

    def __init__(self, language: str, widths, *, header=None, right=(), key_columns=()):
        self.language = language
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

    def not_disclosed(self) -> Styled:
        return Styled(caption("not_disclosed", self.language), "nd")

    def text_or_nd(self, value, tone: str = "normal"):
        return Styled(value, tone) if value not in (None, "") else self.not_disclosed()

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
        font, size, colour, leading = _TONES[tone]
        if "\n" not in text and stringWidth(text, font, size) <= width - 2 * CELL_PADDING:
            if tone != "normal":
                self.commands += [
                    ("FONT", (column, row), (column, row), font, size, leading),
                    ("TEXTCOLOR", (column, row), (column, row), colour),
                ]
            return text
        return Paragraph(_text(text), _cell_style(tone, right))

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


def _layout_table(cells: list, widths: list[float], commands=()) -> Table:
    """A one-row table that only places flowables side by side (no padding, our font)."""
    table = Table([cells], colWidths=widths, hAlign="LEFT")
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


def _key_value_grid(pairs, language: str, *, columns: int = 2, key_width=34 * mm, width=CONTENT_WIDTH) -> Table:
    """Captions and values, ``columns`` pairs per row; a pair whose caption starts with "*" spans the row."""
    value_width = width / columns - key_width
    grid = _Grid(language, [key_width, value_width] * columns, key_columns=range(0, 2 * columns, 2))
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


def _section(title: str, min_space: float = SECTION_MIN_SPACE) -> list:
    return [CondPageBreak(min_space), Spacer(1, 5.5 * mm), _SectionHeading(title), Spacer(1, 1.5 * mm)]


def _empty_section(title: str, language: str, styles) -> list:
    return [*_section(title, 22 * mm), Paragraph(_not_disclosed_markup(language), styles["body"])]


def _subsection(title: str, styles) -> list:
    return [CondPageBreak(SUBSECTION_MIN_SPACE), Paragraph(_text(title), styles["subheading"])]


# --- header ---------------------------------------------------------------------------------------


class _PassportHeader(Flowable):
    """Band with category, name, maker and Solingen seal; grade badge and QR code on the right."""

    PADDING = 5 * mm
    GAP = 5 * mm
    BADGE = 21 * mm
    BADGE_COLUMN = 25 * mm
    QR = 31 * mm

    def __init__(self, snapshot: dict, language: str, styles):
        super().__init__()
        self.snapshot = snapshot
        self.language = language
        product = snapshot.get("product") or {}
        maker = snapshot.get("maker") or {}
        score = snapshot.get("score") or {}
        category = pick((product.get("category") or {}).get("name"), language)
        overline = [category.upper()] if category else []
        if product.get("model_number"):
            overline.append(f"{caption('model_number', language)} {product['model_number']}")
        self.overline = Paragraph(_text(" · ".join(overline)), styles["overline"]) if overline else None
        self.name_text = _text(product.get("name") or "")
        place = " ".join(part for part in (maker.get("postcode"), maker.get("city")) if part)
        if maker.get("country"):
            place = f"{place}, {maker['country']}" if place else maker["country"]
        maker_line = f"{_muted(caption('maker', language))}  <b>{_text(maker.get('name') or '')}</b>"
        if place:
            maker_line += f'<br/><font size="8.5" color="{MUTED.hexval()}">{_text(place)}</font>'
        self.maker = Paragraph(maker_line, styles["maker"])
        self.solingen = bool((score.get("solingen") or {}).get("qualifies"))
        self.qr_data = (snapshot.get("urls") or {}).get("qr") or ""
        self.code = product.get("passport_code_display") or product.get("passport_code") or ""
        self.overall = score.get("overall")

    def _text_width(self, available_width):
        return available_width - 2 * self.PADDING - self.BADGE_COLUMN - self.QR - 2 * self.GAP

    def wrap(self, available_width, available_height):
        self.width = available_width
        text_width = self._text_width(available_width)
        for size in (18, 15.5, 13):
            self.name = Paragraph(self.name_text, _name_style(size))
            _, name_height = self.name.wrap(text_width, available_height)
            if name_height <= 3 * size * 1.18 + 0.1:
                break
        height = name_height + 2 * mm
        if self.overline:
            height += self.overline.wrap(text_width, available_height)[1] + 1.5 * mm
        height += self.maker.wrap(text_width, available_height)[1]
        if self.solingen:
            height += 9 * mm
        self.text_height = height
        qr_column = self.QR + 9 * mm
        badge_column = self.BADGE + 12 * mm
        self.height = max(height, qr_column, badge_column) + 2 * self.PADDING
        return self.width, self.height

    def draw(self):
        canvas = self.canv
        language = self.language
        canvas.saveState()
        canvas.setFillColor(BAND)
        canvas.roundRect(0, 0, self.width, self.height, 2.5 * mm, stroke=0, fill=1)
        text_width = self._text_width(self.width)
        x = self.PADDING
        y = self.height - self.PADDING
        if self.overline:
            y -= self.overline.height
            self.overline.drawOn(canvas, x, y)
            y -= 1.5 * mm
        y -= self.name.height
        self.name.drawOn(canvas, x, y)
        y -= 2 * mm + self.maker.height
        self.maker.drawOn(canvas, x, y)
        if self.solingen:
            self._draw_solingen_seal(canvas, x, y - 8 * mm)
        del text_width

        # Grade badge with the overall score under it.
        qr_x = self.width - self.PADDING - self.QR
        badge_x = qr_x - self.GAP - self.BADGE_COLUMN + (self.BADGE_COLUMN - self.BADGE) / 2
        badge_top = self.height - self.PADDING
        draw_grade_badge(canvas, badge_x, badge_top - self.BADGE, self.BADGE, self.snapshot)
        centre = badge_x + self.BADGE / 2
        canvas.setFillColor(INK)
        if self.overall is not None:
            canvas.setFont(SANS_BOLD, 9)
            canvas.drawCentredString(
                centre,
                badge_top - self.BADGE - 5 * mm,
                f"{format_number(self.overall, language)} {caption('out_of_100', language)}",
            )
        else:
            canvas.setFont(SANS_ITALIC, 8)
            canvas.setFillColor(NOT_DISCLOSED)
            canvas.drawCentredString(centre, badge_top - self.BADGE - 5 * mm, caption("no_score", language))
        canvas.setFont(SANS, 7)
        canvas.setFillColor(MUTED)
        canvas.drawCentredString(centre, badge_top - self.BADGE - 8.6 * mm, caption("overall_grade", language))

        # QR code on white, with the passport code as its caption.
        qr_y = self.height - self.PADDING - self.QR
        canvas.setFillColor(WHITE)
        canvas.roundRect(qr_x, qr_y, self.QR, self.QR, 1.5 * mm, stroke=0, fill=1)
        if self.qr_data:
            draw_qr(canvas, self.qr_data, qr_x, qr_y, self.QR)
            canvas.linkURL(self.qr_data, (qr_x, qr_y, qr_x + self.QR, qr_y + self.QR), relative=1)
        qr_centre = qr_x + self.QR / 2
        canvas.setFillColor(INK)
        canvas.setFont(SANS_BOLD, 8.5)
        canvas.drawCentredString(qr_centre, qr_y - 4.2 * mm, self.code)
        canvas.setFillColor(MUTED)
        canvas.setFont(SANS, 6.5)
        canvas.drawCentredString(qr_centre, qr_y - 7.4 * mm, caption("scan_passport", language))
        canvas.restoreState()

    def _draw_solingen_seal(self, canvas, x, y):
        title = caption("solingen_seal", self.language)
        note = caption("solingen_seal_note", self.language)
        title_width = stringWidth(title, SANS_BOLD, 8.5)
        note_width = stringWidth(note, SANS, 7)
        width = 7 * mm + title_width + 2 * mm + note_width + 3 * mm
        canvas.setFillColor(WHITE)
        canvas.setStrokeColor(POSITIVE)
        canvas.setLineWidth(0.8)
        canvas.roundRect(x, y, width, 6 * mm, 3 * mm, stroke=1, fill=1)
        canvas.setFillColor(POSITIVE)
        canvas.circle(x + 3.5 * mm, y + 3 * mm, 1.9 * mm, stroke=0, fill=1)
        canvas.setFillColor(WHITE)
        canvas.setFont(SANS_BOLD, 7)
        canvas.drawCentredString(x + 3.5 * mm, y + 2.2 * mm, "✓")
        canvas.setFillColor(POSITIVE)
        canvas.setFont(SANS_BOLD, 8.5)
        canvas.drawString(x + 7 * mm, y + 1.9 * mm, title)
        canvas.setFillColor(MUTED)
        canvas.setFont(SANS, 7)
        canvas.drawString(x + 7 * mm + title_width + 2 * mm, y + 2 * mm, note)


# --- sections -------------------------------------------------------------------------------------


def _passport_story(snapshot: dict, language: str, styles) -> list:
    story = [_PassportHeader(snapshot, language, styles)]
    story += _product_details(snapshot, language, styles)
    story += _score_section(snapshot, language, styles)
    story += _criteria_section(snapshot, language, styles)
    story += _materials_section(snapshot, language, styles)
    story += _supply_chain_section(snapshot, language, styles)
    story += _durability_section(snapshot, language, styles)
    story += _repairability_section(snapshot, language, styles)
    story += _end_of_life_section(snapshot, language, styles)
    story += _evidence_section(snapshot, language, styles)
    story += _closing_note(snapshot, language, styles)
    return story


def _nd(language: str) -> Styled:
    return Styled(caption("not_disclosed", language), "nd")


def _or_nd(value, language: str, tone: str = "normal"):
    return Styled(value, tone) if value not in (None, "") else _nd(language)


def _product_details(snapshot, language, styles) -> list:
    product = snapshot.get("product") or {}
    gtin = product.get("gtin")
    variants = ", ".join(
        f"{variant.get('name')} ({variant.get('code')})" if variant.get("code") else str(variant.get("name"))
        for variant in product.get("variants") or []
    )
    published = format_date(snapshot.get("published_at"), language)
    version = f"{caption('version', language)} {snapshot['version']}" if snapshot.get("version") is not None else ""
    pairs = [
        (caption("category", language), _or_nd(pick((product.get("category") or {}).get("name"), language), language)),
        (caption("model_number", language), _or_nd(product.get("model_number"), language)),
        (caption("gtin", language), _or_nd(gtin, language)),
        (caption("passport_code", language), _or_nd(product.get("passport_code_display"), language)),
        (caption("price", language), _or_nd(format_euro(product.get("price_eur"), language), language)),
        (caption("mass", language), _or_nd(format_mass(product.get("mass_g"), language), language)),
        (caption("published", language), " · ".join(part for part in (published, version) if part)),
    ]
    if variants:
        pairs.append((caption("variants", language), variants))
    barcode = ean_barcode(gtin)
    barcode_width = 44 * mm
    grid_width = CONTENT_WIDTH - (barcode_width if barcode else 0)
    grid = _key_value_grid(pairs, language, key_width=26 * mm, width=grid_width)
    story = _section(caption("product_details", language))
    if barcode is None:
        story.append(grid)
    else:
        block = _layout_table(
            [grid, _DrawingFlowable(barcode)],
            [grid_width, barcode_width],
            [("ALIGN", (1, 0), (1, 0), "RIGHT"), ("TOPPADDING", (1, 0), (1, 0), 2.5 * mm)],
        )
        story.append(block)
    description = product.get("description")
    if description:
        story += [Spacer(1, 3.5 * mm), Paragraph(_text(description), styles["body"])]
    return story


class _DrawingFlowable(Flowable):
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


def _subscore_chart(snapshot: dict, language: str, width: float) -> Drawing:
    """Horizontal bars 0–100 for the four sub-scores over a dotted grid; unknown ones are marked."""
    subscores = (snapshot.get("score") or {}).get("subscores") or {}
    label_width, value_width = 46 * mm, 11 * mm
    row_height, bar_height, axis_height = 8.5 * mm, 4.2 * mm, 5 * mm
    height = len(SUBSCORES) * row_height + axis_height
    drawing = Drawing(width, height)
    bar_x = label_width
    bar_width = width - label_width - value_width
    for tick in (0, 25, 50, 75, 100):
        x = bar_x + bar_width * tick / 100
        drawing.add(Line(x, axis_height, x, height, strokeColor=RULE, strokeWidth=0.5, strokeDashArray=(1, 1.5)))
        drawing.add(
            String(
                x, axis_height - 3.2 * mm, str(tick), fontName=SANS, fontSize=6.5, fillColor=FAINT, textAnchor="middle"
            )
        )
    for row, key in enumerate(SUBSCORES):
        y = height - (row + 1) * row_height + (row_height - bar_height) / 2
        text_y = y + bar_height / 2 - 2.8
        drawing.add(String(0, text_y, caption(f"subscore_{key}", language), fontName=SANS, fontSize=8, fillColor=INK))
        drawing.add(Rect(bar_x, y, bar_width, bar_height, fillColor=BAND, strokeColor=None, strokeWidth=0))
        value = subscores.get(key)
        if value is None:
            drawing.add(
                String(
                    bar_x + 2 * mm,
                    text_y,
                    caption("not_disclosed", language),
                    fontName=SANS_ITALIC,
                    fontSize=7.5,
                    fillColor=NOT_DISCLOSED,
                )
            )
            continue
        filled = bar_width * max(0.0, min(100.0, float(value))) / 100
        if filled:
            drawing.add(Rect(bar_x, y, filled, bar_height, fillColor=ACCENT, strokeColor=None, strokeWidth=0))
        drawing.add(
            String(
                width,
                text_y,
                format_number(value, language),
                fontName=SANS_BOLD,
                fontSize=8.5,
                fillColor=INK,
                textAnchor="end",
            )
        )
    return drawing


def _grade_scale(snapshot: dict, width: float) -> Drawing:
    """The five grade bands A–E side by side; the passport's grade is raised and outlined."""
    grade = grade_of(snapshot)
    gap = 1.2 * mm
    box_width = (width - 4 * gap) / 5
    box_height, raised = 7 * mm, 2.2 * mm
    drawing = Drawing(width, box_height + 2 * raised)
    for index, letter in enumerate(GRADE_COLOURS):
        current = letter == grade
        colour = grade_colour(snapshot) if current else colors.HexColor(GRADE_COLOURS[letter])
        x = index * (box_width + gap)
        y, height = (0, box_height + 2 * raised) if current else (raised, box_height)
        drawing.add(
            Rect(
                x,
                y,
                box_width,
                height,
                rx=1.2 * mm,
                ry=1.2 * mm,
                fillColor=colour,
                strokeColor=INK if current else None,
                strokeWidth=1.2 if current else 0,
            )
        )
        size = 11 if current else 8
        drawing.add(
            String(
                x + box_width / 2,
                y + height / 2 - size * 0.36,
                letter,
                fontName=SANS_BOLD,
                fontSize=size,
                fillColor=text_colour_on(colour),
                textAnchor="middle",
            )
        )
    return drawing


def _score_section(snapshot, language, styles) -> list:
    score = snapshot.get("score") or {}
    chart_width = 104 * mm
    side_width = CONTENT_WIDTH - chart_width - 10 * mm
    side = []
    if score.get("overall") is not None:
        side.append(
            Paragraph(
                f'<font size="8" color="{MUTED.hexval()}">{caption("overall_grade", language)}</font><br/>'
                f'<font name="{SANS_BOLD}" size="15">{grade_of(snapshot) or "–"}</font>'
                f'<font size="10">  ·  {format_number(score["overall"], language)} '
                f"{caption('out_of_100', language)}</font>",
                styles["overall"],
            )
        )
    else:
        side.append(Paragraph(_not_disclosed_markup(language), styles["body"]))
    side += [Spacer(1, 2 * mm), _DrawingFlowable(_grade_scale(snapshot, side_width)), Spacer(1, 2.5 * mm)]
    methodology = []
    if score.get("methodology_version"):
        methodology.append(f"{caption('methodology', language)} {_text(score['methodology_version'])}")
    if score.get("computed_at"):
        methodology.append(f"{caption('scored_on', language)} {format_date(score['computed_at'], language)}")
    if methodology:
        side.append(Paragraph(" · ".join(methodology), styles["small"]))
    side.append(Paragraph(caption("unknown_rule", language), styles["small"]))
    block = _layout_table(
        [_DrawingFlowable(_subscore_chart(snapshot, language, chart_width)), side],
        [chart_width + 10 * mm, side_width],
        [("TOPPADDING", (0, 0), (-1, -1), 1 * mm)],
    )
    return [*_section(caption("score", language)), block]


def _criteria_section(snapshot, language, styles) -> list:
    """One table per sub-score, so that a sub-score's title row repeats when its table breaks."""
    score = snapshot.get("score") or {}
    criteria = score.get("criteria") or []
    if not criteria:
        return _empty_section(caption("criteria", language), language, styles)
    subscores = score.get("subscores") or {}
    order = list(SUBSCORES) + sorted(
        {str(criterion.get("subscore")) for criterion in criteria if criterion.get("subscore") not in SUBSCORES}
    )
    widths = [50 * mm, CONTENT_WIDTH - 50 * mm - 24 * mm, 24 * mm]
    story = _section(caption("criteria", language))
    first = True
    for subscore in order:
        group = [criterion for criterion in criteria if str(criterion.get("subscore")) == subscore]
        if not group:
            continue
        header = (
            [caption("criterion", language), caption("explanation", language), caption("points", language)]
            if first
            else None
        )
        grid = _Grid(language, widths, header=header, right=[2])
        value = subscores.get(subscore)
        title = caption(f"subscore_{subscore}", language) if subscore in SUBSCORES else subscore
        total = Styled(f"{format_number(value, language)} / 100", "bold") if value is not None else _nd(language)
        grid.add([Styled(title, "bold"), "", total], spans={0: 1}, commands=[("BACKGROUND", BAND)])
        for criterion in group:
            grid.add(_criterion_row(criterion, language))
        story += [CondPageBreak(16 * mm), grid.table(repeat_rows=grid.header_rows + 1)]
        first = False
    return story


def _criterion_row(criterion: dict, language: str) -> list:
    status = criterion.get("status") or "unknown"
    explanation = pick(criterion.get("explanation"), language)
    points, max_points = criterion.get("points"), criterion.get("max_points")
    label = pick(criterion.get("label"), language) or str(criterion.get("key") or "")
    if status == "not_applicable":
        marker = _not_disclosed_markup(language, "not_applicable")
        text = Markup(f"{marker} · {_muted(_text(explanation))}" if explanation else marker)
        points_cell = Styled("–", "muted")
    elif status == "unknown":
        marker = _not_disclosed_markup(language)
        text = Markup(f"{marker} · {_muted(_text(explanation))}" if explanation else marker)
        points_cell = Styled(f"{format_number(points or 0, language)} / {format_number(max_points, language)}", "muted")
    else:
        text = explanation
        points_cell = f"{format_number(points, language)} / {format_number(max_points, language)}"
    return [label, text, points_cell]


def _materials_section(snapshot, language, styles) -> list:
    materials = snapshot.get("materials") or []
    components = snapshot.get("components") or []
    if not materials and not components:
        return _empty_section(caption("materials", language), language, styles)
    story = _section(caption("materials", language))
    if not materials:
        story.append(Paragraph(_not_disclosed_markup(language), styles["body"]))
    else:
        widths = [38 * mm, 18 * mm, 18 * mm, 19 * mm, 24 * mm, 20 * mm]
        widths.append(CONTENT_WIDTH - sum(widths))
        keys = ("material", "mass", "share", "recycled_content", "renewable", "recyclable", "substances_of_concern")
        grid = _Grid(language, widths, header=[caption(key, language) for key in keys], right=[1, 2, 3])
        for material in materials:
            substances = (material.get("substances_of_concern") or "").strip()
            if substances.lower() in {"none", "keine", "-", "no", "nein"}:
                substances = caption("none", language)
            name = _text(material.get("name") or "") or _not_disclosed_markup(language)
            if material.get("part"):
                name += f'<br/><font size="7" color="{MUTED.hexval()}">{_text(material["part"])}</font>'
            grid.add(
                [
                    Markup(name),
                    _or_nd(format_mass(material.get("mass_g"), language), language),
                    _or_nd(format_percent(material.get("share_percent"), language), language),
                    _or_nd(format_percent(material.get("recycled_content_percent"), language), language),
                    _or_nd(yes_no(material.get("renewable"), language), language),
                    _or_nd(yes_no(material.get("recyclable"), language), language),
                    _or_nd(substances, language),
                ]
            )
        story.append(grid.table())
    if components:
        story += _subsection(caption("components", language), styles)
        keys = ("component", "replaceable", "spare_part_available")
        grid = _Grid(
            language, [62 * mm, 38 * mm, CONTENT_WIDTH - 100 * mm], header=[caption(key, language) for key in keys]
        )
        for component in components:
            grid.add(
                [
                    _or_nd(component.get("name"), language),
                    _or_nd(yes_no(component.get("replaceable"), language), language),
                    _or_nd(yes_no(component.get("spare_part_available"), language), language),
                ]
            )
        story.append(grid.table())
    return story


def _performer(step: dict, language: str):
    performed_by = step.get("performed_by")
    if performed_by == "maker":
        return caption("by_maker", language)
    if performed_by == "supplier":
        if step.get("supplier_confidential") or not step.get("supplier_name"):
            return caption("confidential_supplier", language)
        return Markup(
            f"{_text(step['supplier_name'])}<br/>"
            f'<font size="7" color="{MUTED.hexval()}">{caption("by_supplier", language)}</font>'
        )
    return _nd(language)


def _supply_chain_section(snapshot, language, styles) -> list:
    steps = snapshot.get("supply_chain") or []
    story = _section(caption("supply_chain", language), SECTION_MIN_SPACE if steps else 30 * mm)
    if not steps:
        story.append(Paragraph(_not_disclosed_markup(language), styles["body"]))
    else:
        widths = [9 * mm, 53 * mm, 42 * mm, 34 * mm, 6 * mm]
        widths.append(CONTENT_WIDTH - sum(widths))
        keys = ("step_number", "step", "performed_by", "place", "region")
        header = [caption(key, language) for key in keys]
        grid = _Grid(language, widths, header=[*header[:4], header[4], ""])
        grid.commands.append(("SPAN", (4, 0), (5, 0)))
        for number, step in enumerate(steps, start=1):
            label = pick(step.get("step_label"), language) or str(step.get("step_type") or "")
            if step.get("description"):
                label = Markup(
                    f'{_text(label)}<br/><font size="7" color="{MUTED.hexval()}">{_text(step["description"])}</font>'
                )
            place = " ".join(part for part in (step.get("postcode"), step.get("city")) if part)
            if step.get("country"):
                place = f"{place}, {step['country']}" if place else step["country"]
            region = step.get("region")
            row = grid.add(
                [
                    str(step.get("position") or number),
                    label,
                    _performer(step, language),
                    _or_nd(place, language),
                    "●" if region else "",
                    (pick(step.get("region_label"), language) or region) if region else _nd(language),
                ]
            )
            if region:
                colour = colors.HexColor(REGION_COLOURS.get(region, "#8C96A5"))
                grid.commands += [
                    ("TEXTCOLOR", (4, row), (4, row), colour),
                    ("RIGHTPADDING", (4, row), (4, row), 0),
                    ("LEFTPADDING", (5, row), (5, row), 0),
                ]
        story.append(grid.table())
    story += [Spacer(1, 3.5 * mm), _solingen_box(snapshot, language, styles)]
    return story


def _solingen_box(snapshot, language, styles) -> Table:
    solingen = (snapshot.get("score") or {}).get("solingen") or {}
    qualifies = bool(solingen.get("qualifies"))
    reasons = solingen.get("reasons") or []
    content = [Paragraph(caption("solingen_designation", language), styles["box_title"])]
    if qualifies:
        content.append(
            Paragraph(
                f'<font color="{POSITIVE.hexval()}">✓</font> {caption("solingen_qualifies", language)}', styles["cell"]
            )
        )
    else:
        fails = caption("solingen_fails", language)
        content.append(Paragraph(fails if reasons else fails.rstrip(":") + ".", styles["cell"]))
        for reason in reasons:
            content.append(Paragraph(f"•  {_text(pick(reason, language))}", styles["reason"]))
    return _layout_table(
        [content],
        [CONTENT_WIDTH],
        [
            ("BOX", (0, 0), (-1, -1), 0.8, POSITIVE if qualifies else RULE),
            ("BACKGROUND", (0, 0), (-1, -1), colors.HexColor("#EEF6F1") if qualifies else BAND),
            ("LEFTPADDING", (0, 0), (-1, -1), 3.5 * mm),
            ("RIGHTPADDING", (0, 0), (-1, -1), 3.5 * mm),
            ("TOPPADDING", (0, 0), (-1, -1), 2.5 * mm),
            ("BOTTOMPADDING", (0, 0), (-1, -1), 3 * mm),
        ],
    )


def _verification(verified: bool | None, language: str) -> Styled:
    if verified:
        return Styled(f"✓ {caption('verified', language)}", "positive")
    return Styled(caption("declared", language), "muted")


def _durability_section(snapshot, language, styles) -> list:
    durability = snapshot.get("durability")
    if not durability:
        return _empty_section(caption("durability", language), language, styles)
    if durability.get("lifetime_warranty"):
        warranty = caption("lifetime_warranty", language)
    else:
        warranty = format_years(durability.get("warranty_years"), language)
    resharpenable = yes_no(durability.get("resharpenable"), language)
    if durability.get("resharpenable") and durability.get("resharpening_cycles"):
        cycles = caption("resharpening_cycles", language, count=durability["resharpening_cycles"])
        resharpenable = f"{resharpenable}, {cycles}"
    pairs = [
        (caption("warranty", language), _or_nd(warranty, language)),
        (
            caption("expected_lifetime", language),
            _or_nd(format_years(durability.get("expected_lifetime_years"), language), language),
        ),
        (caption("resharpenable", language), _or_nd(resharpenable, language)),
        (caption("refurbishable", language), _or_nd(yes_no(durability.get("refurbishable"), language), language)),
        ("*" + caption("maintenance", language), _or_nd(durability.get("maintenance_instructions"), language)),
    ]
    story = [*_section(caption("durability", language)), _key_value_grid(pairs, language)]
    tests = durability.get("tests") or []
    if tests:
        story += _subsection(caption("tests", language), styles)
        keys = ("property", "method", "result", "proof")
        grid = _Grid(
            language,
            [50 * mm, 40 * mm, 44 * mm, CONTENT_WIDTH - 134 * mm],
            header=[caption(key, language) for key in keys],
        )
        for test in tests:
            grid.add(
                [
                    pick(test.get("label"), language) or str(test.get("property") or ""),
                    _or_nd(test.get("method"), language),
                    _or_nd(test.get("result"), language),
                    _verification(test.get("evidence_verified"), language),
                ]
            )
        story.append(grid.table())
    return story


def _repairability_section(snapshot, language, styles) -> list:
    repair = snapshot.get("repairability")
    if not repair:
        return _empty_section(caption("repairability", language), language, styles)
    documentation = pick(repair.get("documentation_label"), language)
    if repair.get("documentation_url"):
        documentation = Markup(
            f"{_text(documentation) or _not_disclosed_markup(language)}<br/>{_link(repair['documentation_url'])}"
        )
    else:
        documentation = _or_nd(documentation, language)
    steps = repair.get("disassembly_steps")
    pairs = [
        (caption("documentation", language), documentation),
        (caption("disassembly_steps", language), _or_nd(format_number(steps, language), language)),
        (caption("fasteners", language), _or_nd(pick(repair.get("fasteners_label"), language), language)),
        (caption("tools", language), _or_nd(pick(repair.get("tools_label"), language), language)),
    ]
    story = [*_section(caption("repairability", language)), _key_value_grid(pairs, language)]
    parts = repair.get("spare_parts") or []
    if parts:
        story += _subsection(caption("spare_parts", language), styles)
        keys = ("spare_part", "available_for", "delivery", "price_share")
        grid = _Grid(
            language,
            [70 * mm, 30 * mm, 30 * mm, CONTENT_WIDTH - 130 * mm],
            header=[caption(key, language) for key in keys],
            right=[1, 2, 3],
        )
        for part in parts:
            days = part.get("delivery_days")
            share = format_percent(part.get("price_percent_of_product"), language)
            grid.add(
                [
                    _or_nd(part.get("name"), language),
                    _or_nd(format_years(part.get("years_available"), language), language),
                    caption("days", language, count=days) if days is not None else _nd(language),
                    caption("of_product_price", language, percent=share) if share else _nd(language),
                ]
            )
        story.append(grid.table())
    services = repair.get("repair_services") or []
    if services:
        story += _subsection(caption("repair_services", language), styles)
        keys = ("service", "provider", "price")
        grid = _Grid(
            language,
            [90 * mm, 55 * mm, CONTENT_WIDTH - 145 * mm],
            header=[caption(key, language) for key in keys],
            right=[2],
        )
        for service in services:
            label = pick(service.get("label"), language) or str(service.get("service_type") or "")
            if service.get("description"):
                label = Markup(
                    f'{_text(label)}<br/><font size="7" color="{MUTED.hexval()}">{_text(service["description"])}</font>'
                )
            grid.add(
                [
                    label,
                    service.get("provider") or caption("by_maker", language),
                    _or_nd(format_euro(service.get("price_eur"), language), language),
                ]
            )
        story.append(grid.table())
    return story


def _end_of_life_section(snapshot, language, styles) -> list:
    end_of_life = snapshot.get("end_of_life")
    if not end_of_life:
        return _empty_section(caption("end_of_life", language), language, styles)
    take_back = yes_no(end_of_life.get("take_back_offered"), language)
    if take_back and end_of_life.get("take_back_details"):
        take_back = f"{take_back} · {end_of_life['take_back_details']}"
    pairs = [
        (
            caption("recyclable_share", language),
            _or_nd(format_percent(end_of_life.get("recyclable_share_percent"), language), language),
        ),
        (caption("separability", language), _or_nd(pick(end_of_life.get("separability_label"), language), language)),
        ("*" + caption("take_back", language), _or_nd(take_back, language)),
        ("*" + caption("disposal", language), _or_nd(end_of_life.get("disposal_instructions"), language)),
    ]
    return [*_section(caption("end_of_life", language)), _key_value_grid(pairs, language)]


_CLAIMS = frozenset({"durability", "warranty", "repair", "supply_chain", "materials", "end_of_life", "other"})


def _evidence_section(snapshot, language, styles) -> list:
    evidence = snapshot.get("evidence") or []
    if not evidence:
        return []
    keys = ("document_title", "backs_claim", "status")
    grid = _Grid(
        language, [100 * mm, 42 * mm, CONTENT_WIDTH - 142 * mm], header=[caption(key, language) for key in keys]
    )
    for document in evidence:
        title = document.get("title") or ""
        if document.get("url"):
            title = Markup(f'{_text(title)}<br/><font size="7">{_link(document["url"])}</font>')
        claim = document.get("claim") or "other"
        grid.add(
            [
                title,
                caption(f"claim_{claim}", language) if claim in _CLAIMS else claim,
                _verification(document.get("verified"), language),
            ]
        )
    return [*_section(caption("evidence", language)), grid.table()]


def _closing_note(snapshot, language, styles) -> list:
    urls = snapshot.get("urls") or {}
    url = urls.get("digital_link") or urls.get("passport") or ""
    date = format_date(snapshot.get("published_at"), language)
    sentences = []
    if date:
        sentences.append(caption("closing_version", language, version=_text(snapshot.get("version")), date=date))
    if url:
        sentences.append(caption("closing_authority", language, url=_link(url)))
    if not sentences:
        return []
    return [CondPageBreak(15 * mm), Spacer(1, 7 * mm), Paragraph(" ".join(sentences), styles["small"])]
