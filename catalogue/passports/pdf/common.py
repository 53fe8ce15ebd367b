"""Palette, grade badge, drawings and text fitting shared by the A4 passport and the shelf labels."""

from reportlab import rl_config
from reportlab.graphics import renderPDF
from reportlab.graphics.shapes import Drawing
from reportlab.lib import colors
from reportlab.pdfbase.pdfmetrics import stringWidth

from catalogue.passports.pdf.fonts import SANS, SANS_BOLD

# Binary streams instead of ASCII85: smaller files, and reportlab's pure-Python ASCII85 encoder
# costs about 7 ms per PDF (a tenth of a passport). Readers handle binary streams since PDF 1.0.
rl_config.useA85 = 0

INK = colors.HexColor("#1B2330")
MUTED = colors.HexColor("#586374")
FAINT = colors.HexColor("#8C96A5")
RULE = colors.HexColor("#D4DAE1")
BAND = colors.HexColor("#F2F4F7")
ACCENT = colors.HexColor("#22466F")
POSITIVE = colors.HexColor("#1E8F4E")
NOT_DISCLOSED = colors.HexColor("#7A8494")
WHITE = colors.white
WITHDRAWN = colors.HexColor("#B00020")

GRADE_COLOURS = {
    "A": "#1E8F4E",
    "B": "#85BB2F",
    "C": "#FECB02",
    "D": "#F38F1F",
    "E": "#E2001A",
}
NO_GRADE_COLOUR = "#9AA3AF"

REGION_COLOURS = {
    "solingen": "#1E6B45",
    "bergisch": "#4D9A5B",
    "germany": "#2F6DB5",
    "eu": "#6C7FA6",
    "world": "#8C96A5",
}


def passport_code(product: dict) -> str:
    """The passport code as printed (grouped for reading when the snapshot has that form)."""
    return product.get("passport_code_display") or product.get("passport_code") or ""


def passport_url(snapshot: dict) -> str:
    """The authoritative online address of the passport: its Digital Link, else its page."""
    urls = snapshot.get("urls") or {}
    return urls.get("digital_link") or urls.get("passport") or ""


def fit_text(text: str, font: str, size: float, width: float) -> str:
    """``text`` shortened with "…" until it fits ``width`` at ``size`` in ``font``."""
    if stringWidth(text, font, size) <= width:
        return text
    while text and stringWidth(text + "…", font, size) > width:
        text = text[:-1]
    return text.rstrip() + "…"


def grade_of(snapshot: dict) -> str | None:
    score = snapshot.get("score") or {}
    grade = score.get("grade")
    return grade if grade in GRADE_COLOURS else None


def grade_colour(snapshot: dict) -> colors.Color:
    """The band colour stored with the score, else the standard colour of its grade."""
    score = snapshot.get("score") or {}
    stored = score.get("band_colour")
    if stored:
        try:
            return colors.HexColor(stored)
        except ValueError:
            pass
    return colors.HexColor(GRADE_COLOURS.get(grade_of(snapshot), NO_GRADE_COLOUR))


def text_colour_on(background: colors.Color) -> colors.Color:
    """Black or white, whichever reads better on ``background`` (WCAG relative luminance)."""

    def channel(value: float) -> float:
        return value / 12.92 if value <= 0.03928 else ((value + 0.055) / 1.055) ** 2.4

    luminance = (
        0.2126 * channel(background.red) + 0.7152 * channel(background.green) + 0.0722 * channel(background.blue)
    )
    contrast_white = 1.05 / (luminance + 0.05)
    contrast_black = (luminance + 0.05) / 0.05
    return WHITE if contrast_white >= contrast_black else INK


def draw_grade_badge(canvas, x: float, y: float, size: float, snapshot: dict, *, radius: float | None = None) -> None:
    """A rounded square in the band colour with the grade letter (or a dash when unscored)."""
    background = grade_colour(snapshot)
    letter = grade_of(snapshot) or "–"
    canvas.saveState()
    canvas.setFillColor(background)
    canvas.roundRect(x, y, size, size, size * 0.14 if radius is None else radius, stroke=0, fill=1)
    canvas.setFillColor(text_colour_on(background))
    font_size = size * 0.62
    canvas.setFont(SANS_BOLD, font_size)
    # Cap height of DejaVu Sans Bold is about 0.73 em; centre the capital optically.
    canvas.drawCentredString(x + size / 2, y + (size - font_size * 0.73) / 2, letter)
    canvas.restoreState()


def draw_drawing(canvas, drawing: Drawing, x: float, y: float) -> None:
    """Render a reportlab graphics drawing; its initial font is ours, so Helvetica never enters the PDF."""
    drawing.initialFontName = SANS
    renderPDF.draw(drawing, canvas, x, y, showBoundary=False)
