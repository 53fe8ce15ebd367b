"""Drawings of the score section: the sub-score bar chart and the A–E grade scale."""

from reportlab.graphics.shapes import Drawing, Line, Rect, String
from reportlab.lib import colors
from reportlab.lib.units import mm

from catalogue.passports.pdf.common import (
    ACCENT,
    BAND,
    FAINT,
    GRADE_COLOURS,
    INK,
    NOT_DISCLOSED,
    RULE,
    grade_colour,
    grade_of,
    text_colour_on,
)
from catalogue.passports.pdf.fonts import SANS, SANS_BOLD, SANS_ITALIC
from catalogue.passports.pdf.layout import SUBSCORES
from catalogue.passports.pdf.texts import caption, format_number


def subscore_chart(snapshot: dict, language: str, width: float) -> Drawing:
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


def grade_scale(snapshot: dict, width: float) -> Drawing:
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
