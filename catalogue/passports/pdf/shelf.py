"""The one-page shelf passport (A4): identity, grade and sub-scores, a few facts, QR code and EAN-13.

Drawn straight on the canvas in fixed regions, each with a bounded number of lines, so that no data can
make it longer than one page: long names shrink and then are cut, long lists end with "… more online".
"""

import io

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfbase.pdfmetrics import stringWidth
from reportlab.pdfgen.canvas import Canvas

from catalogue.passports.hashing import snapshot_hash
from catalogue.passports.pdf.common import (
    ACCENT,
    BAND,
    INK,
    MUTED,
    NOT_DISCLOSED,
    POSITIVE,
    RULE,
    WHITE,
    WITHDRAWN,
    draw_grade_badge,
    fit_text,
    passport_code,
)
from catalogue.passports.pdf.ean import DOT_GRID, PASSPORT_X_MM, draw_ean, ean_digits, ean_size, encode_ean
from catalogue.passports.pdf.fonts import SANS, SANS_BOLD, SANS_ITALIC, register_fonts
from catalogue.passports.pdf.labels import wrap_words
from catalogue.passports.pdf.layout import SUBSCORES, place_of
from catalogue.passports.pdf.metadata import apply_metadata, metadata_for
from catalogue.passports.pdf.qr import draw_qr
from catalogue.passports.pdf.shelf_facts import shelf_facts
from catalogue.passports.pdf.texts import caption, check_language, format_date, format_number, pick

PAGE_WIDTH, PAGE_HEIGHT = A4
LEFT = 18 * mm
RIGHT = PAGE_WIDTH - 18 * mm
WIDTH = RIGHT - LEFT
SHORT_HASH_LENGTH = 12
# The name: the largest size at which it takes at most that many lines; the last size cuts what is left.
NAME_SIZES = ((28, 2), (22, 3), (17, 3))
BADGE = 36 * mm
QR = 46 * mm
FACT_SIZE = 13
FACT_LINES = 2
CAPTION_WIDTH = 42 * mm


def render_shelf_passports(
    snapshots: list[dict],
    language: str = "de",
    hashes: list[str] | None = None,
    withdrawn: list[bool] | None = None,
) -> bytes:
    """One A4 page per snapshot, as the bytes of one PDF (``hashes`` and ``withdrawn`` as render_passports)."""
    check_language(language)
    if not snapshots:
        raise ValueError("snapshots should contain at least one passport snapshot")
    for name, values in (("hashes", hashes), ("withdrawn", withdrawn)):
        if values is not None and len(values) != len(snapshots):
            raise ValueError(f"{name} should have one entry per snapshot ({len(snapshots)}), not {len(values)}")
    register_fonts()
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A4, invariant=1, initialFontName=SANS, lang=language)
    apply_metadata(canvas, metadata_for(snapshots, language, kind="document_shelf"))
    for index, snapshot in enumerate(snapshots):
        content_hash = hashes[index] if hashes is not None else snapshot_hash(snapshot)
        _draw_page(canvas, snapshot, language, content_hash, bool(withdrawn and withdrawn[index]))
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def _draw_page(canvas, snapshot: dict, language: str, content_hash: str, withdrawn: bool) -> None:
    product = snapshot.get("product") or {}
    top = PAGE_HEIGHT - 12.5 * mm
    if withdrawn:
        canvas.setFillColor(WITHDRAWN)
        canvas.rect(0, PAGE_HEIGHT - 8 * mm, PAGE_WIDTH, 8 * mm, stroke=0, fill=1)
        canvas.setFillColor(WHITE)
        canvas.setFont(SANS_BOLD, 8.5)
        canvas.drawCentredString(PAGE_WIDTH / 2, PAGE_HEIGHT - 5.1 * mm, caption("withdrawn_banner", language))
        top -= 2 * mm
    brand = caption("brand", language).upper()
    canvas.setFillColor(ACCENT)
    canvas.setFont(SANS_BOLD, 7.5)
    canvas.drawString(LEFT, top, brand)
    canvas.setFillColor(MUTED)
    canvas.setFont(SANS, 7.5)
    canvas.drawString(LEFT + stringWidth(brand, SANS_BOLD, 7.5) + 2.5 * mm, top, caption("document_shelf", language))
    code = passport_code(product)
    canvas.drawRightString(RIGHT, top, f"{caption('passport_code', language)} {code}")
    canvas.setStrokeColor(RULE)
    canvas.setLineWidth(0.5)
    canvas.line(LEFT, top - 2.5 * mm, RIGHT, top - 2.5 * mm)

    header_bottom = _draw_identity(canvas, snapshot, language, top - 10 * mm)
    scores_bottom = _draw_subscores(canvas, snapshot, language, header_bottom - 8 * mm)
    _draw_facts(canvas, snapshot, language, scores_bottom - 9 * mm)
    _draw_codes(canvas, snapshot, language)
    _draw_footer(canvas, snapshot, language, content_hash)


def _name_lines(name: str, width: float) -> tuple[float, list[str]]:
    for size, most in NAME_SIZES:
        lines = wrap_words(name, SANS_BOLD, size, width)
        if len(lines) <= most:
            return size, lines
    lines[most - 1] = fit_text(" ".join(lines[most - 1 :]), SANS_BOLD, size, width)
    return size, lines[:most]


def _draw_identity(canvas, snapshot: dict, language: str, top: float) -> float:
    """Category, name, maker and place on the left; the grade badge and overall score on the right.
    Returns the lowest point drawn."""
    product = snapshot.get("product") or {}
    maker = snapshot.get("maker") or {}
    text_width = WIDTH - BADGE - 10 * mm
    y = top
    category = pick((product.get("category") or {}).get("name"), language)
    if category:
        canvas.setFillColor(MUTED)
        canvas.setFont(SANS_BOLD, 8)
        canvas.drawString(LEFT, y - 8 * 0.8, fit_text(category.upper(), SANS_BOLD, 8, text_width))
        y -= 8 * 1.6
    size, lines = _name_lines(product.get("name") or "", text_width)
    canvas.setFillColor(INK)
    canvas.setFont(SANS_BOLD, size)
    for line in lines:
        y -= size * 0.95
        canvas.drawString(LEFT, y, line)
        y -= size * 0.2
    y -= 6 * mm
    maker_text = f"{caption('maker', language)}: {maker.get('name') or ''}"
    canvas.setFont(SANS_BOLD, 11)
    canvas.drawString(LEFT, y, fit_text(maker_text, SANS_BOLD, 11, text_width))
    place = place_of(maker)
    if place:
        y -= 5 * mm
        canvas.setFillColor(MUTED)
        canvas.setFont(SANS, 9)
        canvas.drawString(LEFT, y, fit_text(place, SANS, 9, text_width))

    badge_x = RIGHT - BADGE
    draw_grade_badge(canvas, badge_x, top - BADGE, BADGE, snapshot)
    overall = (snapshot.get("score") or {}).get("overall")
    centre = badge_x + BADGE / 2
    if overall is not None:
        canvas.setFillColor(INK)
        canvas.setFont(SANS_BOLD, 12)
        text = f"{format_number(overall, language)} {caption('out_of_100', language)}"
        canvas.drawCentredString(centre, top - BADGE - 6 * mm, text)
    else:
        canvas.setFillColor(NOT_DISCLOSED)
        canvas.setFont(SANS_ITALIC, 10)
        canvas.drawCentredString(centre, top - BADGE - 6 * mm, caption("no_score", language))
    canvas.setFillColor(MUTED)
    canvas.setFont(SANS, 8)
    canvas.drawCentredString(centre, top - BADGE - 10 * mm, caption("overall_grade", language))
    return min(y, top - BADGE - 10 * mm)


def _heading(canvas, text: str, y: float) -> float:
    canvas.setFillColor(ACCENT)
    canvas.setFont(SANS_BOLD, 10)
    canvas.drawString(LEFT, y, text.upper())
    canvas.setStrokeColor(RULE)
    canvas.setLineWidth(0.6)
    canvas.line(LEFT, y - 2 * mm, RIGHT, y - 2 * mm)
    return y - 8 * mm


def _draw_subscores(canvas, snapshot: dict, language: str, top: float) -> float:
    """The four sub-scores as labelled bars (0 to 100); returns the lowest point drawn."""
    subscores = (snapshot.get("score") or {}).get("subscores") or {}
    y = _heading(canvas, caption("subscores", language), top)
    bar_left = LEFT + 62 * mm
    bar_width = WIDTH - 62 * mm - 30 * mm
    for key in SUBSCORES:
        value = subscores.get(key)
        canvas.setFillColor(INK)
        canvas.setFont(SANS, 10.5)
        canvas.drawString(LEFT, y, fit_text(caption(f"subscore_{key}", language), SANS, 10.5, 60 * mm))
        canvas.setFillColor(BAND)
        canvas.roundRect(bar_left, y - 0.6 * mm, bar_width, 4 * mm, 1 * mm, stroke=0, fill=1)
        if isinstance(value, int | float):
            share = min(max(float(value), 0.0), 100.0) / 100
            if share > 0:
                canvas.setFillColor(ACCENT)
                canvas.roundRect(bar_left, y - 0.6 * mm, bar_width * share, 4 * mm, 1 * mm, stroke=0, fill=1)
            canvas.setFillColor(INK)
            canvas.setFont(SANS_BOLD, 10.5)
            canvas.drawRightString(RIGHT, y, f"{format_number(value, language)}/100")
        else:
            canvas.setFillColor(NOT_DISCLOSED)
            canvas.setFont(SANS_ITALIC, 9)
            canvas.drawRightString(RIGHT, y, caption("not_disclosed", language))
        y -= 8.5 * mm
    return y + 8.5 * mm - 1 * mm


def _draw_facts(canvas, snapshot: dict, language: str, top: float) -> None:
    """Up to five facts, each on at most FACT_LINES lines (cut with "…" beyond)."""
    y = _heading(canvas, caption("key_facts", language), top)
    value_left = LEFT + CAPTION_WIDTH
    value_width = RIGHT - value_left
    leading = FACT_SIZE * 1.22
    for fact in shelf_facts(snapshot, language):
        canvas.setFillColor(MUTED)
        canvas.setFont(SANS, 9.5)
        canvas.drawString(LEFT, y + 0.5, fit_text(fact.caption, SANS, 9.5, CAPTION_WIDTH - 3 * mm))
        if not fact.disclosed:
            canvas.setFillColor(NOT_DISCLOSED)
            canvas.setFont(SANS_ITALIC, 11)
            canvas.drawString(value_left, y, caption("not_disclosed", language))
            y -= leading + 4 * mm
            continue
        canvas.setFillColor(POSITIVE if fact.positive else INK)
        canvas.setFont(SANS_BOLD, FACT_SIZE)
        for line in _fact_lines(fact, value_width):
            canvas.drawString(value_left, y, line)
            y -= leading
        y -= 4 * mm


def _fact_lines(fact, width: float) -> list[str]:
    """The fact on at most FACT_LINES lines: a list drops items (counted as "… N more online") until it fits,
    and whatever still does not fit is cut with "…"."""
    for shown in range(min(fact.limit, len(fact.items)), 0, -1) if fact.items else (None,):
        lines = wrap_words(fact.value(shown), SANS_BOLD, FACT_SIZE, width)
        if len(lines) <= FACT_LINES:
            return lines
    return [*lines[: FACT_LINES - 1], fit_text(" ".join(lines[FACT_LINES - 1 :]), SANS_BOLD, FACT_SIZE, width)]


def _draw_codes(canvas, snapshot: dict, language: str) -> None:
    """QR code (left) and EAN-13 (right, when there is a GTIN) above the footer."""
    product = snapshot.get("product") or {}
    urls = snapshot.get("urls") or {}
    qr_data = urls.get("qr") or ""
    bottom = 30 * mm
    if qr_data:
        draw_qr(canvas, qr_data, LEFT - 2 * mm, bottom, QR)
        canvas.linkURL(qr_data, (LEFT, bottom, LEFT + QR, bottom + QR), relative=0)
        text_left = LEFT + QR + 2 * mm
        canvas.setFillColor(INK)
        canvas.setFont(SANS_BOLD, 11)
        canvas.drawString(text_left, bottom + QR - 10 * mm, caption("scan_passport", language))
        canvas.setFillColor(MUTED)
        canvas.setFont(SANS, 8.5)
        canvas.drawString(text_left, bottom + QR - 15 * mm, passport_code(product))
    digits = ean_digits(product.get("gtin"))
    if digits:
        width, height = ean_size(digits, PASSPORT_X_MM, font_size=9)
        guard_offset = encode_ean(digits).quiet_zones[0] * PASSPORT_X_MM * mm
        x = RIGHT - width - DOT_GRID
        # The bars on the 150 dpi grid of the page, so that every module is two whole pixels in a scan.
        x += -(x + guard_offset) % DOT_GRID
        draw_ean(canvas, digits, x, bottom + 2 * mm, PASSPORT_X_MM, font_size=9)
        canvas.setFillColor(MUTED)
        canvas.setFont(SANS, 7.5)
        canvas.drawCentredString(x + width / 2, bottom + 2 * mm + height + 2 * mm, caption("gtin", language))


def _draw_footer(canvas, snapshot: dict, language: str, content_hash: str) -> None:
    """The link to the accessible HTML passport, then version, date and short hash."""
    urls = snapshot.get("urls") or {}
    page_url = urls.get("passport") or ""
    if page_url:
        text = fit_text(caption("accessible_version", language, url=page_url), SANS, 8.5, WIDTH)
        canvas.setFillColor(ACCENT)
        canvas.setFont(SANS, 8.5)
        canvas.drawString(LEFT, 21 * mm, text)
        canvas.linkURL(page_url, (LEFT, 20 * mm, LEFT + stringWidth(text, SANS, 8.5), 24 * mm), relative=0)
    canvas.setStrokeColor(RULE)
    canvas.setLineWidth(0.5)
    canvas.line(LEFT, 17 * mm, RIGHT, 17 * mm)
    parts = []
    if snapshot.get("version") is not None:
        parts.append(f"{caption('version', language)} {snapshot['version']}")
    date = format_date(snapshot.get("published_at"), language)
    if date:
        parts.append(date)
    if content_hash:
        parts.append(f"SHA-256 {content_hash[:SHORT_HASH_LENGTH]}")
    canvas.setFillColor(MUTED)
    canvas.setFont(SANS, 8)
    canvas.drawString(LEFT, 12.5 * mm, " · ".join(parts))
    canvas.drawRightString(RIGHT, 12.5 * mm, caption("brand", language))
