"""QR codes encoded by segno (pdf/qr_encode.py) and drawn as one cached PDF path instead of one shape per module."""

import functools

from reportlab.lib import colors
from reportlab.pdfgen.pathobject import PDFPathObject

from catalogue.passports.pdf.qr_encode import encode

QUIET_ZONE_MODULES = 4
_LEVELS = {"L", "M", "Q", "H"}


def qr_matrix(data: str, level: str = "M") -> tuple[tuple[bool, ...], ...]:
    """The module matrix of ``data`` (rows top to bottom, True is dark), in the smallest version that fits."""
    _check_level(level)
    # Always call the cache with the same argument shape: lru_cache keys f(x) and f(x, "M") apart.
    return _cached_matrix(data, level)


def qr_path(data: str, level: str = "M") -> tuple[PDFPathObject, int]:
    """A path of the dark modules in module units (origin bottom left, quiet zone included) and its side."""
    _check_level(level)
    return _cached_path(data, level)


def _check_level(level: str) -> None:
    if level not in _LEVELS:
        raise ValueError(f"level should be one of L, M, Q, H, not {level!r}")


def clear_qr_cache() -> None:
    _cached_matrix.cache_clear()
    _cached_path.cache_clear()


@functools.lru_cache(maxsize=4096)
def _cached_matrix(data: str, level: str) -> tuple[tuple[bool, ...], ...]:
    return encode(data, level)


def _dark_rectangles(matrix: tuple[tuple[bool, ...], ...]) -> list[tuple[int, int, int, int]]:
    """Dark modules as (column, row, width, height) rectangles.

    Horizontal runs are merged first, then a run that repeats exactly in the next row grows
    downwards, which roughly halves the number of rectangles of a typical code.
    """
    finished = []
    open_runs: dict[tuple[int, int], list[int]] = {}
    for row_index, row in enumerate(matrix):
        runs = []
        column = 0
        size = len(row)
        while column < size:
            if row[column]:
                start = column
                while column < size and row[column]:
                    column += 1
                runs.append((start, column - start))
            else:
                column += 1
        next_open = {}
        for run in runs:
            rectangle = open_runs.pop(run, None)
            if rectangle is None:
                rectangle = [run[0], row_index, run[1], 0]
            rectangle[3] += 1
            next_open[run] = rectangle
        finished.extend(open_runs.values())
        open_runs = next_open
    finished.extend(open_runs.values())
    return [tuple(rectangle) for rectangle in finished]


@functools.lru_cache(maxsize=4096)
def _cached_path(data: str, level: str) -> tuple[PDFPathObject, int]:
    matrix = _cached_matrix(data, level)
    side = len(matrix) + 2 * QUIET_ZONE_MODULES
    path = PDFPathObject()
    top = len(matrix) + QUIET_ZONE_MODULES
    for column, row, width, height in _dark_rectangles(matrix):
        path.rect(column + QUIET_ZONE_MODULES, top - row - height, width, height)
    return path, side


def draw_qr(canvas, data: str, x: float, y: float, size: float, *, level: str = "M", background=None) -> None:
    """Draw the QR code of ``data`` as a ``size`` square (quiet zone included) with its lower left at x, y."""
    path, side = qr_path(data, level)
    canvas.saveState()
    if background is not None:
        canvas.setFillColor(background)
        canvas.rect(x, y, size, size, stroke=0, fill=1)
    canvas.setFillColor(colors.black)
    canvas.translate(x, y)
    scale = size / side
    canvas.scale(scale, scale)
    canvas.drawPath(path, stroke=0, fill=1)
    canvas.restoreState()
