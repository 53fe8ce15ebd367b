"""QR code matrices from segno, with segno's own mask choice (ISO/IEC 18004 § 7.8.3) scored on whole rows as integers.

segno scores the eight data masks module by module in Python, which is most of its time. Here segno encodes the
symbol once with mask 0; the other seven candidates are that symbol XOR a precomputed mask difference, and each
is scored with bit operations on rows and columns held as integers (bit j is module j). The rules and their
quirks are segno's exactly (encoder.mask_scores), so the chosen mask, and the symbol, are the ones segno's
``make_qr(data, error=level, boost_error=False)`` gives: tests/catalogue/passports/test_pdf_qr_encode.py checks
that for about a hundred addresses of every length we print, at all four levels. This uses functions of
``segno.encoder`` that are not segno's public API (the pinned version's; the test catches a change).
"""

import functools
import itertools

from segno import encoder

_TO_DIGITS = bytes.maketrans(b"\x00\x01", b"01")
_FROM_DIGITS = bytes.maketrans(b"01", b"\x00\x01")
MASKS = 8


def encode(data: str, level: str) -> tuple[tuple[bool, ...], ...]:
    """The module matrix of ``data`` at error correction ``level`` (L, M, Q or H), smallest version."""
    first = encoder.encode(data, error=level, mask=0, micro=False, boost_error=False)
    width = len(first.matrix)
    regions = _regions(width)
    rows = [_to_int(row) for row in first.matrix]
    scored_rows = [row & keep for row, keep in zip(rows, regions.keep_rows, strict=True)]
    columns = [
        _to_int(column) & keep for column, keep in zip(_columns(first.matrix), regions.keep_columns, strict=True)
    ]
    best, best_score = 0, None
    for mask in range(MASKS):
        row_change, column_change = regions.changes[mask]
        score = _penalty(
            [row ^ change for row, change in zip(scored_rows, row_change, strict=True)],
            [column ^ change for column, change in zip(columns, column_change, strict=True)],
            width,
        )
        if best_score is None or score < best_score:
            best, best_score = mask, score
    if best == 0:
        return tuple(tuple(module == 1 for module in row) for row in first.matrix)
    # The chosen mask is mask 0's symbol with the mask difference applied and the format information rewritten.
    matrix = [
        bytearray(_from_int(row ^ change, width)) for row, change in zip(rows, regions.changes[best][0], strict=True)
    ]
    encoder.add_format_info(matrix, first.version, first.error, best)
    return tuple(tuple(module == 1 for module in row) for row in matrix)


def _to_int(modules) -> int:
    return int(bytes(modules).translate(_TO_DIGITS)[::-1], 2)


def _from_int(value: int, width: int) -> bytes:
    return format(value, f"0{width}b")[::-1].encode().translate(_FROM_DIGITS)


def _columns(matrix) -> list[bytes]:
    return [bytes(column) for column in zip(*matrix, strict=True)]


class _Regions:
    """Per symbol size: which modules keep their value while masks are scored, and each mask's XOR to mask 0."""

    __slots__ = ("changes", "keep_columns", "keep_rows")

    def __init__(self, keep_rows, keep_columns, changes):
        self.keep_rows = keep_rows
        self.keep_columns = keep_columns
        self.changes = changes


@functools.cache
def _regions(width: int) -> _Regions:
    # As in encoder.find_and_apply_best_mask: the encoding region is what the function patterns leave (0x2),
    # except the dark module; format and version areas are 0 while masks are scored (filled in afterwards).
    reserved = encoder.make_matrix(width, width)
    plain = encoder.make_matrix(width, width, reserve_regions=False)
    for matrix in (reserved, plain):
        encoder.add_finder_patterns(matrix, width, width)
        encoder.add_alignment_patterns(matrix, width, width)
    blank = [
        [kept == 0x0 and free == 0x2 for kept, free in zip(row, plain_row, strict=True)]
        for row, plain_row in zip(reserved, plain, strict=True)
    ]  # the format and version areas, the dark module among them
    reserved[-8][8] = 0x1
    encoding = [[value > 0x1 for value in row] for row in reserved]
    keep = [[not cell for cell in row] for row in blank]
    functions = encoder.get_data_mask_functions(False)
    masks = [
        [[bool(encoding[i][j] and function(i, j)) for j in range(width)] for i in range(width)]
        for function in functions
    ]
    changes = []
    for mask in masks:
        change = [[a != b for a, b in zip(row, first, strict=True)] for row, first in zip(mask, masks[0], strict=True)]
        changes.append((_bit_rows(change), _bit_rows(list(zip(*change, strict=True)))))
    return _Regions(_bit_rows(keep), _bit_rows(list(zip(*keep, strict=True))), changes)


def _bit_rows(cells) -> list[int]:
    return [sum(1 << j for j, cell in enumerate(row) if cell) for row in cells]


def _penalty(rows: list[int], columns: list[int], size: int) -> int:
    """N1 + N2 + N3 + N4 of encoder.mask_scores, on rows and columns as integers."""
    full = (1 << size) - 1
    pairs = full >> 1
    padded = (1 << (size + 8)) - 1
    n1 = n3 = 0
    for line in (*rows, *columns):
        same = ~(line ^ (line >> 1)) & pairs  # bit j: modules j and j + 1 alike
        five = same & (same >> 1) & (same >> 2) & (same >> 3)  # bit j: modules j to j + 4 alike
        if five:
            # A run of n >= 5 scores n - 2: n - 4 windows of five, plus 2 once per run.
            n1 += five.bit_count() + 2 * (five & ~(five >> 1)).bit_count()
        found = line & ~(line >> 1) & (line >> 2) & (line >> 3) & (line >> 4) & ~(line >> 5) & (line >> 6)
        if found:
            n3 += _finder_like(line, found, padded)
    n2 = 0
    for upper, lower in itertools.pairwise(rows):
        alike = ~(upper ^ lower)
        n2 += (~(upper ^ (upper >> 1)) & alike & (alike >> 1) & pairs).bit_count()
    dark = sum(row.bit_count() for row in rows)
    percent = float(dark) / (size**2)
    return 3 * n2 + n1 + n3 + 10 * int(abs(percent * 100 - 50) / 5)


def _finder_like(line: int, found: int, padded: int) -> int:
    """N3 of one line: 40 per 1:1:3:1:1 pattern with 4 light modules (or the edge) before or after it.

    segno searches left to right and, after a pattern that scores, goes on 7 modules later; patterns
    overlapping by 1 or 3 modules are therefore found by bit tests only when none overlap.
    """
    light = ~(line << 4) & padded  # modules outside the symbol count as light
    four = light & (light >> 1) & (light >> 2) & (light >> 3)  # bit j: modules j - 4 to j - 1 light
    scores = four | (four >> 11)  # ... or modules j + 7 to j + 10
    if not found & ((found >> 4) | (found >> 6)):
        return 40 * (found & scores).bit_count()
    total, start = 0, 0
    while True:
        ahead = found >> start
        if not ahead:
            return total
        index = start + (ahead & -ahead).bit_length() - 1
        if scores >> index & 1:
            total += 40
            start = index + 7
        else:
            start = index + 4
