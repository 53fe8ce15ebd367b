"""The DejaVu fonts shipped with the project, registered once with reportlab under stable names."""

import functools
from pathlib import Path

from reportlab.lib.fonts import addMapping
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.ttfonts import TTFont

FONT_DIR = Path(__file__).resolve().parent / "fonts"

SANS = "GW-Sans"
SANS_BOLD = "GW-Sans-Bold"
SANS_ITALIC = "GW-Sans-Oblique"
CONDENSED = "GW-SansCondensed"
CONDENSED_BOLD = "GW-SansCondensed-Bold"

# Font name -> file in FONT_DIR. Never a system path: the PDF must look the same on every server.
FONT_FILES = {
    SANS: "DejaVuSans.ttf",
    SANS_BOLD: "DejaVuSans-Bold.ttf",
    SANS_ITALIC: "DejaVuSans-Oblique.ttf",
    CONDENSED: "DejaVuSansCondensed.ttf",
    CONDENSED_BOLD: "DejaVuSansCondensed-Bold.ttf",
}


@functools.cache
def register_fonts() -> None:
    """Register the fonts and the <b>/<i> family mapping for paragraphs; cheap after the first call."""
    for name, filename in FONT_FILES.items():
        pdfmetrics.registerFont(TTFont(name, str(FONT_DIR / filename)))
    # Bold italic is not shipped; bold stands in for it so <b><i> never falls back to Helvetica.
    addMapping(SANS, 0, 0, SANS)
    addMapping(SANS, 1, 0, SANS_BOLD)
    addMapping(SANS, 0, 1, SANS_ITALIC)
    addMapping(SANS, 1, 1, SANS_BOLD)
    addMapping(CONDENSED, 0, 0, CONDENSED)
    addMapping(CONDENSED, 1, 0, CONDENSED_BOLD)
    addMapping(CONDENSED, 0, 1, CONDENSED)
    addMapping(CONDENSED, 1, 1, CONDENSED_BOLD)
