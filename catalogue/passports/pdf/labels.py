"""Shelf-label sheets: many passport labels per A4 page, drawn straight on the canvas."""

import io
import math
import re

from reportlab.lib import colors
from reportlab.lib.pagesizes import A4
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
from catalogue.passports.pdf.fonts import CONDENSED, CONDENSED_BOLD, SANS, SANS_BOLD, SANS_ITALIC, register_fonts
from catalogue.passports.pdf.label_formats import LABEL_FORMATS, LabelFormat
from catalogue.passports.pdf.qr import QUIET_ZONE_MODULES, draw_qr, qr_path
from catalogue.passports.pdf.texts import caption, check_language, format_number

# Font size of the product name and the most lines allowed at that size, for narrow and wide labels.
NAME_SIZES = ((8.5, 2), (7.5, 3))
WIDE_NAME_SIZES = ((10.5, 2), (9, 3))
WIDE_TEXT = 50 * mm
LEADING = 1.16
QR_SHARE_OF_WIDTH = 0.38
# A number and its unit stay on one line ("25 cm").
_NUMBER_UNIT = re.compile(r"(\d) (mm|cm|m|g|kg|ml|l|°C)\b")


def render_labels(
    snapshots: list[dict], language: str = "de", layout: str = "3x8", *, cut_lines: bool = False
) -> bytes:
    """Shelf labels for ``snapshots`` on A4 sheets of ``layout`` (a key of LABEL_FORMATS), as PDF bytes.

    ``cut_lines`` draws a hairline around every label, for cutting plain paper.
    """
    check_language(language)
    if layout not in LABEL_FORMATS:
        raise ValueError(f"layout should be one of {', '.join(LABEL_FORMATS)}, not {layout!r}")
    if not snapshots:
        raise ValueError("snapshots should contain at least one passport snapshot")
    register_fonts()
    label_format = LABEL_FORMATS[layout]
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A4, invariant=1, initialFontName=SANS, lang=language)
    canvas.setTitle(f"{caption('shelf_label', language)} · {label_format.name}")
    canvas.setCreator(caption("brand", language))
    pages = math.ceil(len(snapshots) / label_format.per_page)
    for page in range(pages):
        batch = snapshots[page * label_format.per_page : (page + 1) * label_format.per_page]
        for position, snapshot in enumerate(batch):
            x, y = label_format.origin(position)
            if cut_lines:
                _draw_outline(canvas, label_format, x, y)
            _draw_label(canvas, snapshot, language, label_format, x, y)
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()


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


def _draw_label_qr(canvas, qr_data: str, label_format: LabelFormat, x: float, y: float) -> float:
    """The QR code at the label's right, its 4-module quiet zone inside the label; returns its left edge.

    The quiet zone may reach into the padding (white either way) but never past the label edge, where
    the next label or the sheet's cut begins (ISO/IEC 18004 asks for 4 clear modules on every side).
    """
    width, height = label_format.size
    padding = label_format.padding_mm * mm
    qr_size = min(height - 2 * padding + 2 * 2.5 * mm, QR_SHARE_OF_WIDTH * width, height)
    _, modules = qr_path(qr_data)
    quiet = qr_size * QUIET_ZONE_MODULES / modules
    qr_x = x + width - max(padding, quiet) + quiet - qr_size
    qr_y = y + (height - qr_size) / 2
    draw_qr(canvas, qr_data, qr_x, qr_y, qr_size)
    canvas.linkURL(qr_data, (qr_x, qr_y, qr_x + qr_size, qr_y + qr_size), relative=0)
    return qr_x


def _draw_label(canvas, snapshot: dict, language: str, label_format: LabelFormat, x: float, y: float) -> None:
    width, height = label_format.size
    padding = label_format.padding_mm * mm
    product = snapshot.get("product") or {}
    maker = snapshot.get("maker") or {}
    qr_data = (snapshot.get("urls") or {}).get("qr") or ""

    left = x + padding
    text_width = width - 2 * padding
    if qr_data:
        qr_x = _draw_label_qr(canvas, qr_data, label_format, x, y)
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

    # Grade badge with the three key figures beside it, anchored to the bottom line.
    bottom = y + padding
    footer_size = 5.8
    badge = min(10 * mm, max(7 * mm, cursor - bottom - footer_size * 1.6 - 1.2 * mm))
    badge_y = bottom + footer_size * 1.6
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

    # Bottom line: passport code, and the Solingen designation where it applies.
    code = passport_code(product)
    canvas.setFillColor(MUTED)
    canvas.setFont(CONDENSED, footer_size)
    canvas.drawString(left, bottom, code)
    if ((snapshot.get("score") or {}).get("solingen") or {}).get("qualifies"):
        canvas.setFillColor(POSITIVE)
        canvas.setFont(SANS_BOLD, footer_size)
        seal = f"✓ {caption('solingen_seal', language)}"
        seal_x = left + stringWidth(code, CONDENSED, footer_size) + 2 * mm
        if seal_x + stringWidth(seal, SANS_BOLD, footer_size) <= left + text_width:
            canvas.drawString(seal_x, bottom, seal)
    canvas.setFillColor(colors.black)
