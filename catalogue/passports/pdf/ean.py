"""EAN-13 and EAN-8 symbols drawn to GS1's print specification (bar height, guard bars, quiet zones)."""

from dataclasses import dataclass

from reportlab.graphics.shapes import Drawing, Rect, String
from reportlab.lib import colors
from reportlab.lib.units import inch, mm
from reportlab.platypus import Flowable

from catalogue.passports.pdf.common import draw_drawing
from catalogue.passports.pdf.fonts import SANS
from products.identifiers import gs1_check_digit, gtin13_for_barcode

# GS1 General Specifications, Symbol Specification Table 1 (EAN/UPC scanned at the point of sale):
# nominal X-dimension 0.330 mm with 22.85 mm bars (EAN-8: 18.23 mm); every size is that nominal symbol
# magnified, so the bar height scales with X and is never truncated. The smallest X allowed is 0.264 mm.
NOMINAL_X_MM = 0.330
MINIMUM_X_MM = 0.264
NOMINAL_BAR_HEIGHT_MM = {"EAN-13": 22.85, "EAN-8": 18.23}
# Quiet zones in modules (GS1 5.2.3.4.2): EAN-13 11X left, 7X right; EAN-8 7X on both sides.
QUIET_ZONES = {"EAN-13": (11, 7), "EAN-8": (7, 7)}
GUARD_EXTENSION_MODULES = 5  # the guard bars reach 5X below the data bars
# Bar width reduction (GS1 5.2.3.4.4): every bar is this share of a module narrower, centred on its place,
# so that a rasteriser which rounds widths up (pdfium renders a 2.0000001-pixel bar three pixels wide)
# keeps whole modules. 0.03 X is 0.01 mm, a quarter of a dot at 600 dpi, well inside GS1's tolerance.
BAR_WIDTH_REDUCTION = 0.03
# The passport's X-dimension: 8 dots of a 600 dpi printer (0.3387 mm, 102.6 % of GS1's nominal size), so
# every bar and space is a whole number of dots at 600 and 300 dpi and of pixels in a 150 dpi scan. A
# width between dots is rounded bar by bar (the old 0.30 mm was 7.09 dots), which readers cannot undo.
DOT_GRID = inch / 150
PASSPORT_X_MM = 2 * DOT_GRID / mm

# Module patterns of the digits (ISO/IEC 15420): set A (odd parity), set B (even parity), set C (right half).
_SET_A = ("0001101", "0011001", "0010011", "0111101", "0100011", "0110001", "0101111", "0111011", "0110111", "0001011")
_SET_B = tuple(pattern.translate(str.maketrans("01", "10"))[::-1] for pattern in _SET_A)
_SET_C = tuple(pattern.translate(str.maketrans("01", "10")) for pattern in _SET_A)
# EAN-13: the leading digit is not drawn; it chooses which of the six left digits use set B.
_LEADING_PARITY = ("AAAAAA", "AABABB", "AABBAB", "AABBBA", "ABAABB", "ABBAAB", "ABBBAA", "ABABAB", "ABABBA", "ABBABA")
_EDGE_GUARD = "101"
_CENTRE_GUARD = "01010"


@dataclass(frozen=True)
class EanSymbol:
    """The digits of an EAN symbol and its 95 (EAN-13) or 67 (EAN-8) modules between the outer guards."""

    kind: str
    digits: str
    modules: str
    guards: frozenset[int]  # indexes of the modules that belong to a guard pattern

    @property
    def quiet_zones(self) -> tuple[int, int]:
        return QUIET_ZONES[self.kind]


def encode_ean(digits: str) -> EanSymbol:
    """The modules of an EAN-13 (13 digits) or EAN-8 (8 digits); the check digit must be right."""
    if not (digits.isascii() and digits.isdigit()) or len(digits) not in (8, 13):
        raise ValueError(f"digits should be the 8 or 13 ASCII digits of an EAN, not {digits!r}")
    if gs1_check_digit(digits[:-1]) != int(digits[-1]):
        raise ValueError(f"digits should end in the check digit {gs1_check_digit(digits[:-1])}, not {digits[-1]}")
    if len(digits) == 13:
        parity = _LEADING_PARITY[int(digits[0])]
        sets = [_SET_A if set_name == "A" else _SET_B for set_name in parity]
        left = [digit_set[int(digit)] for digit, digit_set in zip(digits[1:7], sets, strict=True)]
        right = [_SET_C[int(digit)] for digit in digits[7:]]
        kind = "EAN-13"
    else:
        left = [_SET_A[int(digit)] for digit in digits[:4]]
        right = [_SET_C[int(digit)] for digit in digits[4:]]
        kind = "EAN-8"
    half = 7 * len(left)
    modules = _EDGE_GUARD + "".join(left) + _CENTRE_GUARD + "".join(right) + _EDGE_GUARD
    guard_indexes = {0, 1, 2, len(modules) - 3, len(modules) - 2, len(modules) - 1}
    guard_indexes |= set(range(3 + half, 3 + half + 5))
    return EanSymbol(kind, digits, modules, frozenset(guard_indexes))


def bar_height_mm(kind: str, x_mm: float) -> float:
    """GS1's data-bar height for ``kind`` at the X-dimension ``x_mm`` (the nominal height, magnified)."""
    if x_mm < MINIMUM_X_MM:
        raise ValueError(f"x_mm should be at least {MINIMUM_X_MM} mm (GS1's smallest EAN/UPC size), not {x_mm}")
    return NOMINAL_BAR_HEIGHT_MM[kind] * x_mm / NOMINAL_X_MM


def ean_digits(gtin14: str | None) -> str | None:
    """The digits of the retail barcode of a 14-digit GTIN: EAN-8 for a GTIN-8, else EAN-13 (indicator 0)."""
    if not gtin14:
        return None
    if gtin14.startswith("000000"):
        return gtin14[-8:]
    return gtin13_for_barcode(gtin14)


def ean_drawing(
    digits: str, x_mm: float = PASSPORT_X_MM, *, font_size: float = 8, bar_height: float | None = None
) -> Drawing:
    """The symbol with its quiet zones and human-readable digits, as a reportlab drawing.

    The drawing's width is quiet zone + symbol + quiet zone, so nothing placed beside it enters a quiet
    zone. The digits sit under the data bars, between the extended guard bars; the leading digit of an
    EAN-13 stands in the left quiet zone, as GS1 prints it, below the bars where scanners do not look.
    """
    symbol = encode_ean(digits)
    x = x_mm * mm
    left_quiet, right_quiet = symbol.quiet_zones
    # ``bar_height`` (points) truncates the bars where a shelf label has no room for GS1's height: scanners read a
    # truncated symbol along its bars, only omnidirectional checkout scanners need the full height.
    nominal = bar_height_mm(symbol.kind, x_mm) * mm
    bar_height = nominal if bar_height is None else min(bar_height, nominal)
    extension = GUARD_EXTENSION_MODULES * x
    # Digits hang from half a module under the data bars; DejaVu's digits are 0.73 em tall.
    baseline = extension - 0.5 * x - 0.73 * font_size
    bottom = min(0.0, baseline - 0.2 * font_size)
    drawing = Drawing((left_quiet + len(symbol.modules) + right_quiet) * x, bar_height + extension - bottom)
    drawing.add(Rect(0, 0, drawing.width, drawing.height, fillColor=colors.white, strokeColor=None))
    data_bottom = extension - bottom
    for start, width, is_guard in _bars(symbol):
        y = data_bottom - extension if is_guard else data_bottom
        drawing.add(
            Rect(
                (left_quiet + start + BAR_WIDTH_REDUCTION / 2) * x,
                y,
                (width - BAR_WIDTH_REDUCTION) * x,
                bar_height + data_bottom - y,
                fillColor=colors.black,
                strokeColor=None,
                strokeWidth=0,
            )
        )
    for text, centre_module, anchor in _human_readable(symbol):
        drawing.add(
            String(
                (left_quiet + centre_module) * x,
                baseline - bottom,
                text,
                fontName=SANS,
                fontSize=font_size,
                fillColor=colors.black,
                textAnchor=anchor,
            )
        )
    return drawing


class EanFlowable(Flowable):
    """An EAN symbol in the flow, its bars shifted (less than a pixel) onto the 150 dpi grid of the page.

    The flowable is one grid step wider than the drawing, so the shift never eats into a quiet zone.
    """

    def __init__(self, digits: str, x_mm: float = PASSPORT_X_MM):
        super().__init__()
        self.drawing = ean_drawing(digits, x_mm)
        self.guard_offset = encode_ean(digits).quiet_zones[0] * x_mm * mm
        self.width = self.drawing.width + DOT_GRID
        self.height = self.drawing.height

    def wrap(self, available_width, available_height):
        return self.width, self.height

    def draw(self):
        page_x, _ = self.canv.absolutePosition(0, 0)
        shift = -(page_x + self.guard_offset) % DOT_GRID
        draw_drawing(self.canv, self.drawing, shift, 0)


def ean_flowable(gtin14: str | None) -> EanFlowable | None:
    """The passport's EAN-13 (EAN-8 for a GTIN-8) of a 14-digit GTIN; None when it has no retail barcode."""
    digits = ean_digits(gtin14)
    return EanFlowable(digits) if digits else None


def _bars(symbol: EanSymbol) -> list[tuple[int, int, bool]]:
    """(first module, width in modules, is a guard bar) of every bar, left to right."""
    bars = []
    index = 0
    modules = symbol.modules
    while index < len(modules):
        if modules[index] == "1":
            start = index
            while index < len(modules) and modules[index] == "1":
                index += 1
            bars.append((start, index - start, start in symbol.guards))
        else:
            index += 1
    return bars


def _human_readable(symbol: EanSymbol) -> list[tuple[str, float, str]]:
    """(text, x in modules from the left guard, anchor) of the printed digit groups."""
    digits = symbol.digits
    if symbol.kind == "EAN-8":
        return [(digits[:4], 3 + 14, "middle"), (digits[4:], 3 + 28 + 5 + 14, "middle")]
    return [(digits[0], -2, "end"), (digits[1:7], 3 + 21, "middle"), (digits[7:], 3 + 42 + 5 + 21, "middle")]


def ean_size(digits: str, x_mm: float = PASSPORT_X_MM, *, font_size: float = 8, bar_height: float | None = None):
    """Width and height (points) that draw_ean takes: the same box as ean_drawing's."""
    symbol = encode_ean(digits)
    x = x_mm * mm
    nominal = bar_height_mm(symbol.kind, x_mm) * mm
    bars = nominal if bar_height is None else min(bar_height, nominal)
    extension = GUARD_EXTENSION_MODULES * x
    baseline = extension - 0.5 * x - 0.73 * font_size
    bottom = min(0.0, baseline - 0.2 * font_size)
    return (sum(symbol.quiet_zones) + len(symbol.modules)) * x, bars + extension - bottom


def draw_ean(
    canvas,
    digits: str,
    left: float,
    floor: float,
    x_mm: float = PASSPORT_X_MM,
    *,
    font_size: float = 8,
    bar_height: float | None = None,
) -> None:
    """The symbol of ean_drawing drawn straight on the canvas with its lower left at (left, floor): the same
    bars, quiet zones and digits, without building a drawing (a label sheet draws hundreds of them)."""
    symbol = encode_ean(digits)
    x = x_mm * mm
    left_quiet, _right_quiet = symbol.quiet_zones
    nominal = bar_height_mm(symbol.kind, x_mm) * mm
    bars = nominal if bar_height is None else min(bar_height, nominal)
    extension = GUARD_EXTENSION_MODULES * x
    baseline = extension - 0.5 * x - 0.73 * font_size
    bottom = min(0.0, baseline - 0.2 * font_size)
    width, height = ean_size(digits, x_mm, font_size=font_size, bar_height=bar_height)
    data_bottom = extension - bottom
    canvas.saveState()
    canvas.setFillColor(colors.white)
    canvas.rect(left, floor, width, height, stroke=0, fill=1)
    canvas.setFillColor(colors.black)
    for start, modules, is_guard in _bars(symbol):
        y = data_bottom - extension if is_guard else data_bottom
        canvas.rect(
            left + (left_quiet + start + BAR_WIDTH_REDUCTION / 2) * x,
            floor + y,
            (modules - BAR_WIDTH_REDUCTION) * x,
            bars + data_bottom - y,
            stroke=0,
            fill=1,
        )
    canvas.setFont(SANS, font_size)
    draw = {"middle": canvas.drawCentredString, "end": canvas.drawRightString, "start": canvas.drawString}
    for text, centre_module, anchor in _human_readable(symbol):
        draw[anchor](left + (left_quiet + centre_module) * x, floor + baseline - bottom, text)
    canvas.restoreState()
