"""Shelf-label sheets: many passport labels per A4 page, drawn straight on the canvas."""

import io
import math
import re
from dataclasses import dataclass
from decimal import Decimal

from reportlab.lib import colors
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from catalogue.passports.pdf.common import (
    INK,
    MUTED,
    NOT_DISCLOSED,
    POSITIVE,
    RULE,
    draw_grade_badge,
    fit_text,
    passport_code,
)
from catalogue.passports.pdf.ean import DOT_GRID, PASSPORT_X_MM, draw_ean, ean_digits, ean_size, encode_ean
from catalogue.passports.pdf.fonts import CONDENSED, CONDENSED_BOLD, SANS, SANS_BOLD, SANS_ITALIC, register_fonts
from catalogue.passports.pdf.label_formats import LABEL_FORMATS, LabelFormat
from catalogue.passports.pdf.metadata import apply_metadata, metadata_for
from catalogue.passports.pdf.qr import QUIET_ZONE_MODULES, draw_qr, qr_path
from catalogue.passports.pdf.texts import caption, check_language, format_euro, format_number

# Font size of the product name and the most lines allowed at that size, for narrow and wide labels.
NAME_SIZES = ((8.5, 2), (7.5, 3))
WIDE_NAME_SIZES = ((10.5, 2), (9, 3))
WIDE_TEXT = 50 * mm
LEADING = 1.16
QR_SHARE_OF_WIDTH = 0.38
# Beside an EAN the QR code may shrink to this: about 0.45 mm a module, three pixels of a 150 dpi scan.
MIN_QR = 16 * mm
# An EAN's bars are never shorter than this (a hand scanner needs some height to aim at).
MIN_EAN_BARS = 5 * mm
# A number and its unit stay on one line ("25 cm").
_NUMBER_UNIT = re.compile(r"(\d) (mm|cm|m|g|kg|ml|l|°C)\b")


@dataclass(frozen=True)
class LabelOptions:
    """What a label shows besides the passport: the price, the EAN-13, and where on the sheet it starts.

    ``prices`` has one entry per snapshot: the retailer's shelf price, or None for the product's own price
    (the snapshot's ``price_eur``). ``start`` is the 1-based position of the first label on the first sheet.
    """

    price: bool = False
    ean: bool = False
    start: int = 1
    prices: tuple[Decimal | float | None, ...] = ()
    cut_lines: bool = False


def check_start(start: int, label_format: LabelFormat) -> None:
    if not isinstance(start, int) or not 1 <= start <= label_format.per_page:
        raise ValueError(f"start should be a position from 1 to {label_format.per_page}, not {start!r}")


def render_labels(
    snapshots: list[dict],
    language: str = "de",
    layout: str = "3x8",
    *,
    cut_lines: bool = False,
    options: LabelOptions | None = None,
) -> bytes:
    """Shelf labels for ``snapshots`` on pages of ``layout`` (a key of LABEL_FORMATS), as PDF bytes.

    ``cut_lines`` draws a hairline around every label, for cutting plain paper. The positions before
    ``options.start`` on the first sheet stay empty, for a sheet whose first labels were used already.
    """
    check_language(language)
    if layout not in LABEL_FORMATS:
        raise ValueError(f"layout should be one of {', '.join(LABEL_FORMATS)}, not {layout!r}")
    if not snapshots:
        raise ValueError("snapshots should contain at least one passport snapshot")
    options = options or LabelOptions(cut_lines=cut_lines)
    label_format = LABEL_FORMATS[layout]
    check_start(options.start, label_format)
    if options.prices and len(options.prices) != len(snapshots):
        raise ValueError(f"prices should have one entry per snapshot ({len(snapshots)}), not {len(options.prices)}")
    register_fonts()
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=label_format.page_size, invariant=1, initialFontName=SANS, lang=language)
    apply_metadata(canvas, metadata_for(snapshots, language, kind="document_labels"))
    slots = [None] * (options.start - 1) + list(range(len(snapshots)))
    pages = math.ceil(len(slots) / label_format.per_page)
    for page in range(pages):
        batch = slots[page * label_format.per_page : (page + 1) * label_format.per_page]
        for position, index in enumerate(batch):
            if index is None:
                continue
            x, y = label_format.origin(position)
            if options.cut_lines or cut_lines:
                _draw_outline(canvas, label_format, x, y)
            snapshot = snapshots[index]
            price = None
            if options.price:
                price = options.prices[index] if options.prices else None
                if price is None:
                    price = (snapshot.get("product") or {}).get("price_eur")
            _draw_label(canvas, snapshot, language, label_format, x, y, price=price, with_ean=options.ean)
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def label_pages(count: int, layout: str, start: int = 1) -> int:
    """How many pages ``count`` labels take from position ``start`` on (known before drawing)."""
    return math.ceil((count + start - 1) / LABEL_FORMATS[layout].per_page)


def _draw_outline(canvas, label_format: LabelFormat, x: float, y: float) -> None:
    width, height = label_format.size
    canvas.saveState()
    canvas.setStrokeColor(RULE)
    canvas.setLineWidth(0.3)
    canvas.setDash(2, 2)
    canvas.roundRect(x, y, width, height, label_format.corner_radius_mm * mm, stroke=1, fill=0)
    canvas.restoreState()


def wrap_words(text: str, font: str, size: float, width: float) -> list[str]:
    """Greedy word wrap; a word longer than the line is broken between characters."""
    lines, line = [], ""
    for word in _NUMBER_UNIT.sub("\\1\u00a0\\2", text).split(" "):
        if not word:
            continue
        candidate = f"{line} {word}" if line else word
        if stringWidth(candidate, font, size) <= width:
            line = candidate
            continue
        if line:
            lines.append(line)
        while stringWidth(word, font, size) > width:
            cut = len(word)
            while cut > 1 and stringWidth(word[:cut], font, size) > width:
                cut -= 1
            lines.append(word[:cut])
            word = word[cut:]
        line = word
    if line:
        lines.append(line)
    return lines


def _name_lines(name: str, width: float) -> tuple[float, list[str]]:
    """The product name at the largest size that fits its line budget; the last size truncates."""
    for size, most in WIDE_NAME_SIZES if width >= WIDE_TEXT else NAME_SIZES:
        lines = wrap_words(name, CONDENSED_BOLD, size, width)
        if len(lines) <= most:
            return size, lines
    lines[most - 1] = fit_text(" ".join(lines[most - 1 :]), CONDENSED_BOLD, size, width)
    return size, lines[:most]


def _key_figures(snapshot: dict, language: str) -> list[tuple[str, str | None]]:
    """(caption, value) of overall score, warranty and repairability; None when not disclosed."""
    score = snapshot.get("score") or {}
    overall = score.get("overall")
    repair = (score.get("subscores") or {}).get("repairability")
    durability = snapshot.get("durability") or {}
    if durability.get("lifetime_warranty"):
        warranty = caption("label_lifetime_short", language)
    elif durability.get("warranty_years") is not None:
        warranty = caption("label_years_short", language, count=format_number(durability["warranty_years"], language))
    else:
        warranty = None
    return [
        (caption("label_score", language), f"{format_number(overall, language)}/100" if overall is not None else None),
        (caption("label_warranty", language), warranty),
        (caption("label_repair", language), f"{format_number(repair, language)}/100" if repair is not None else None),
    ]


def _draw_label_qr(canvas, qr_data: str, label_format: LabelFormat, x: float, y: float, size: float) -> float:
    """The QR code at the label's right, its 4-module quiet zone inside the label; returns its left edge.

    The quiet zone may reach into the padding (white either way) but never past the label edge, where
    the next label or the sheet's cut begins (ISO/IEC 18004 asks for 4 clear modules on every side).
    """
    qr_x, qr_y = _qr_place(qr_data, label_format, x, y, size)
    draw_qr(canvas, qr_data, qr_x, qr_y, size)
    canvas.linkURL(qr_data, (qr_x, qr_y, qr_x + size, qr_y + size), relative=0)
    return qr_x


def _qr_size(label_format: LabelFormat) -> float:
    width, height = label_format.size
    padding = label_format.padding_mm * mm
    return min(height - 2 * padding + 2 * 2.5 * mm, QR_SHARE_OF_WIDTH * width, height)


def _qr_place(qr_data: str, label_format: LabelFormat, x: float, y: float, size: float) -> tuple[float, float]:
    width, height = label_format.size
    padding = label_format.padding_mm * mm
    _, modules = qr_path(qr_data)
    quiet = size * QUIET_ZONE_MODULES / modules
    return x + width - max(padding, quiet) + quiet - size, y + (height - size) / 2


def _ean_place(digits: str, label_format: LabelFormat, x: float) -> tuple[float, float]:
    """Left edge of the EAN drawing (its left quiet zone may use the padding, never the next label) and
    the width it needs, its bars shifted onto the 150 dpi grid of the page."""
    padding = label_format.padding_mm * mm
    left_quiet = encode_ean(digits).quiet_zones[0] * PASSPORT_X_MM * mm
    drawing_left = max(x, x + padding - left_quiet)
    drawing_left += -(drawing_left + left_quiet) % DOT_GRID
    return drawing_left, ean_size(digits, PASSPORT_X_MM)[0]


def _qr_size_beside(qr_data: str, label_format: LabelFormat, x: float, y: float, ean_right: float) -> float:
    """The largest QR code (at most the usual size) whose modules begin right of ``ean_right``; its quiet
    zone may overlap the EAN's, both being white."""
    size = _qr_size(label_format)
    _, modules = qr_path(qr_data)
    while size > MIN_QR:
        qr_x, _ = _qr_place(qr_data, label_format, x, y, size)
        if qr_x + size * QUIET_ZONE_MODULES / modules >= ean_right:
            break
        size -= 0.5 * mm
    return max(size, MIN_QR)


def _draw_label(
    canvas,
    snapshot: dict,
    language: str,
    label_format: LabelFormat,
    x: float,
    y: float,
    *,
    price=None,
    with_ean: bool = False,
) -> None:
    width, height = label_format.size
    padding = label_format.padding_mm * mm
    product = snapshot.get("product") or {}
    maker = snapshot.get("maker") or {}
    qr_data = (snapshot.get("urls") or {}).get("qr") or ""
    digits = ean_digits(product.get("gtin")) if with_ean else None

    left = x + padding
    text_width = width - 2 * padding
    ean_left = ean_width = 0.0
    if digits:
        ean_left, ean_width = _ean_place(digits, label_format, x)
    if qr_data:
        size = _qr_size(label_format)
        if digits:
            size = _qr_size_beside(qr_data, label_format, x, y, ean_left + ean_width)
        qr_x = _draw_label_qr(canvas, qr_data, label_format, x, y, size)
        text_width = qr_x - 1.5 * mm - left
    top = y + height - padding

    # Name and maker
    size, lines = _name_lines(product.get("name") or "", text_width)
    canvas.setFillColor(INK)
    canvas.setFont(CONDENSED_BOLD, size)
    cursor = top - size * 0.8
    for line in lines:
        canvas.drawString(left, cursor, line)
        cursor -= size * LEADING
    maker_size = 6.5
    canvas.setFillColor(MUTED)
    canvas.setFont(CONDENSED, maker_size)
    cursor += size * LEADING - size * 0.2 - maker_size * 1.25
    canvas.drawString(left, cursor, fit_text(maker.get("name") or "", CONDENSED, maker_size, text_width))

    bottom = y + padding
    price_text = format_euro(price, language) if price is not None else ""
    price_size = (13 if text_width >= WIDE_TEXT else 11) if price_text else 0
    footer_size = 5.8
    row_height = max(footer_size * 1.6, price_size * 1.05)
    if digits:
        _draw_label_ean(canvas, digits, ean_left, bottom + row_height, cursor - 1.2 * mm)
        badge = min(row_height - 1, 4.6 * mm)
        draw_grade_badge(canvas, left, bottom - 0.5, badge, snapshot)
        code_left = left + badge + 1.2 * mm
    else:
        _draw_figures(canvas, snapshot, language, left, text_width, bottom + row_height, cursor)
        code_left = left

    # Bottom line: passport code, the Solingen designation where it applies, and the price at the right.
    code = passport_code(product)
    canvas.setFillColor(MUTED)
    canvas.setFont(CONDENSED, footer_size)
    canvas.drawString(code_left, bottom, code)
    right = left + text_width
    if price_text:
        canvas.setFillColor(INK)
        canvas.setFont(CONDENSED_BOLD, price_size)
        shown = fit_text(price_text, CONDENSED_BOLD, price_size, text_width * 0.6)
        canvas.drawRightString(right, bottom, shown)
        right -= stringWidth(shown, CONDENSED_BOLD, price_size) + 1.5 * mm
    if ((snapshot.get("score") or {}).get("solingen") or {}).get("qualifies"):
        canvas.setFillColor(POSITIVE)
        canvas.setFont(SANS_BOLD, footer_size)
        seal = f"✓ {caption('solingen_seal', language)}"
        seal_x = code_left + stringWidth(code, CONDENSED, footer_size) + 2 * mm
        if seal_x + stringWidth(seal, SANS_BOLD, footer_size) <= right:
            canvas.drawString(seal_x, bottom, seal)
    canvas.setFillColor(colors.black)


def _draw_figures(canvas, snapshot, language, left, text_width, floor, ceiling) -> None:
    """Grade badge with the three key figures beside it, standing on ``floor``."""
    badge = min(10 * mm, max(7 * mm, ceiling - floor - 1.2 * mm))
    badge_y = floor
    draw_grade_badge(canvas, left, badge_y, badge, snapshot)
    figures_left = left + badge + 1.8 * mm
    figures_right = min(left + text_width, figures_left + 30 * mm)
    row_height = badge / 3
    for index, (label, value) in enumerate(_key_figures(snapshot, language)):
        baseline = badge_y + badge - (index + 1) * row_height + row_height * 0.28
        canvas.setFillColor(MUTED)
        canvas.setFont(CONDENSED, 6)
        canvas.drawString(figures_left, baseline, label)
        if value is None:
            canvas.setFillColor(NOT_DISCLOSED)
            canvas.setFont(SANS_ITALIC, 6)
            canvas.drawRightString(figures_right, baseline, caption("label_not_disclosed", language))
        else:
            canvas.setFillColor(INK)
            canvas.setFont(CONDENSED_BOLD, 6.8)
            canvas.drawRightString(figures_right, baseline, value)


def _draw_label_ean(canvas, digits: str, drawing_left: float, floor: float, ceiling: float) -> None:
    """The EAN-13 between ``floor`` and ``ceiling``, its bars as tall as the space allows (see ean_drawing)."""
    font_size = 6.5
    # Height of the symbol besides the bars: the guard extension and the digits under it.
    extra = ean_size(digits, PASSPORT_X_MM, font_size=font_size, bar_height=1)[1] - 1
    bars = max(MIN_EAN_BARS, ceiling - floor - extra)
    draw_ean(canvas, digits, drawing_left, floor, PASSPORT_X_MM, font_size=font_size, bar_height=bars)
