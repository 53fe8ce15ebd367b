"""Measuring printed symbols in rendered PDFs: bars and modules from the content stream, clear space from pixels.

The shapes come from the page's content stream (pypdf's operators with the transformation matrix applied),
so bar heights, X-dimensions and module sizes are exact, whatever a rasteriser does. Whether the space
around a symbol is really clear is a question about everything printed there (text included, whose glyph
outlines the content stream does not give), so that is measured on a 600 dpi raster: one pixel is 0.04 mm.
"""

import io
from dataclasses import dataclass

import pypdf
import pypdfium2
from pypdf.generic import ContentStream
from reportlab.lib.units import mm

BLACK = (0.0, 0.0, 0.0)
RASTER_DPI = 600
INK_BELOW = 250  # grey levels under this count as a mark (white paper is 255)
EAN_BARS = {30: "EAN-13", 22: "EAN-8"}
# Index of the guard bars among an EAN's bars, and the module at which its last bar starts.
EAN_GUARD_BARS = {"EAN-13": {0, 1, 14, 15, 28, 29}, "EAN-8": {0, 1, 10, 11, 20, 21}}
EAN_LAST_BAR_MODULE = {"EAN-13": 94, "EAN-8": 66}


@dataclass(frozen=True)
class Box:
    """An axis-aligned rectangle on the page, in points from the lower left corner."""

    left: float
    bottom: float
    right: float
    top: float

    @property
    def width(self) -> float:
        return self.right - self.left

    @property
    def height(self) -> float:
        return self.top - self.bottom

    def union(self, other: "Box") -> "Box":
        return Box(
            min(self.left, other.left),
            min(self.bottom, other.bottom),
            max(self.right, other.right),
            max(self.top, other.top),
        )


@dataclass(frozen=True)
class FilledPath:
    """One fill operation: its rectangles (``re``), whether it had other subpaths, its fill colour."""

    rectangles: tuple[Box, ...]
    has_curves: bool
    fill: tuple[float, ...]


def _multiply(m, n):
    a, b, c, d, e, f = m
    a2, b2, c2, d2, e2, f2 = n
    return (
        a * a2 + b * c2,
        a * b2 + b * d2,
        c * a2 + d * c2,
        c * b2 + d * d2,
        e * a2 + f * c2 + e2,
        e * b2 + f * d2 + f2,
    )


def _apply(m, x, y):
    a, b, c, d, e, f = m
    return a * x + c * y + e, b * x + d * y + f


def filled_paths(pdf: bytes, page: int = 0) -> list[FilledPath]:
    """Every filled path of a page, in page coordinates (only the graphics state a renderer like ours uses)."""
    reader = pypdf.PdfReader(io.BytesIO(pdf))
    content = ContentStream(reader.pages[page].get_contents(), reader)
    matrix, fill, stack = (1.0, 0.0, 0.0, 1.0, 0.0, 0.0), (0.0,), []
    rectangles, has_curves, paths = [], False, []
    for operands, operator in content.operations:
        values = [float(value) for value in operands if isinstance(value, int | float)]
        if operator == b"q":
            stack.append((matrix, fill))
        elif operator == b"Q":
            matrix, fill = stack.pop()
        elif operator == b"cm":
            matrix = _multiply(tuple(values), matrix)
        elif operator in (b"rg", b"g", b"sc", b"scn") and len(values) in (1, 3):
            fill = tuple(values)
        elif operator == b"re":
            x, y, width, height = values
            (x0, y0), (x1, y1) = _apply(matrix, x, y), _apply(matrix, x + width, y + height)
            rectangles.append(Box(min(x0, x1), min(y0, y1), max(x0, x1), max(y0, y1)))
        elif operator in (b"m", b"l", b"c", b"v", b"y"):
            has_curves = True
        elif operator in (b"f", b"F", b"f*", b"B", b"B*", b"b", b"b*", b"S", b"s", b"n"):
            if operator not in (b"S", b"s", b"n"):
                colour = fill * 3 if len(fill) == 1 else fill
                paths.append(FilledPath(tuple(rectangles), has_curves, colour))
            rectangles, has_curves = [], False
    return paths


@dataclass(frozen=True)
class EanGeometry:
    """The bars of one EAN symbol as drawn."""

    kind: str
    bars: tuple[Box, ...]

    @property
    def x_dimension(self) -> float:
        """The module width in points: the pitch of the bars' left edges (unaffected by bar width reduction)."""
        return (self.bars[-1].left - self.bars[0].left) / EAN_LAST_BAR_MODULE[self.kind]

    @property
    def guard_bars(self) -> list[Box]:
        return [bar for index, bar in enumerate(self.bars) if index in EAN_GUARD_BARS[self.kind]]

    @property
    def data_bars(self) -> list[Box]:
        return [bar for index, bar in enumerate(self.bars) if index not in EAN_GUARD_BARS[self.kind]]

    @property
    def box(self) -> Box:
        box = self.bars[0]
        for bar in self.bars[1:]:
            box = box.union(bar)
        return box


def ean_symbols(pdf: bytes, page: int = 0) -> list[EanGeometry]:
    """EAN symbols on a page: black rectangles in a row, close together, in the bar count of an EAN."""
    bars = sorted(
        (
            path.rectangles[0]
            for path in filled_paths(pdf, page)
            if path.fill == BLACK and len(path.rectangles) == 1 and not path.has_curves
        ),
        key=lambda bar: bar.left,
    )
    groups: list[list[Box]] = []
    for bar in bars:
        last = groups[-1][-1] if groups else None
        if last and bar.left - last.right < 2 * mm and bar.bottom < last.top and bar.top > last.bottom:
            groups[-1].append(bar)
        else:
            groups.append([bar])
    return [EanGeometry(EAN_BARS[len(group)], tuple(group)) for group in groups if len(group) in EAN_BARS]


@dataclass(frozen=True)
class QrGeometry:
    """The dark modules of one QR code as drawn (one filled path of rectangles)."""

    rectangles: tuple[Box, ...]

    @property
    def module(self) -> float:
        """Module size in points: the smallest side of a dark run (every code has single modules)."""
        return min(min(rectangle.width, rectangle.height) for rectangle in self.rectangles)

    @property
    def box(self) -> Box:
        box = self.rectangles[0]
        for rectangle in self.rectangles[1:]:
            box = box.union(rectangle)
        return box

    @property
    def modules(self) -> float:
        """The symbol's side in modules (without quiet zone)."""
        return self.box.width / self.module


def qr_codes(pdf: bytes, page: int = 0) -> list[QrGeometry]:
    return [
        QrGeometry(path.rectangles)
        for path in filled_paths(pdf, page)
        if path.fill == BLACK and len(path.rectangles) >= 20 and not path.has_curves
    ]


class PageRaster:
    """A page rendered in grey at RASTER_DPI, to measure how far the paper around a symbol stays blank."""

    def __init__(self, pdf: bytes, page: int = 0):
        document = pypdfium2.PdfDocument(pdf)
        try:
            pdf_page = document[page]
            self.page_height = pdf_page.get_height()
            self.image = pdf_page.render(scale=RASTER_DPI / 72, grayscale=True).to_pil().convert("L")
        finally:
            document.close()
        self.pixel = 72 / RASTER_DPI  # points

    def clearance(self, box: Box, side: str, reach: float) -> float:
        """Blank distance (points) from ``box``'s edge on ``side`` outward, up to ``reach``, across the box's span.

        The pixel row or column next to the edge is skipped: it carries the symbol's own anti-aliasing.
        """
        scale = RASTER_DPI / 72
        skip = self.pixel

        def px_x(value):
            return round(value * scale)

        def px_y(value):
            return round((self.page_height - value) * scale)

        if side in ("left", "right"):
            rows = (px_y(box.top - skip), px_y(box.bottom + skip))
            if side == "left":
                columns = (px_x(box.left - reach), px_x(box.left - skip))
            else:
                columns = (px_x(box.right + skip), px_x(box.right + reach))
            region = (columns[0], rows[0], columns[1], rows[1])
        else:
            columns = (px_x(box.left + skip), px_x(box.right - skip))
            if side == "top":
                rows = (px_y(box.top + reach), px_y(box.top + skip))
            else:
                rows = (px_y(box.bottom - skip), px_y(box.bottom - reach))
            region = (columns[0], rows[0], columns[1], rows[1])
        ink = self.image.crop(region).point(lambda value: 255 if value < INK_BELOW else 0).getbbox()
        if ink is None:
            return reach
        left, upper, right, lower = ink
        if side == "left":
            return box.left - (region[0] + right) / scale
        if side == "right":
            return (region[0] + left) / scale - box.right
        if side == "top":
            return (self.page_height - (region[1] + lower) / scale) - box.top
        return box.bottom - (self.page_height - (region[1] + upper) / scale)
