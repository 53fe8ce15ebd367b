"""PDF renderers: one passport, 100 passports, 100 shelf labels, the QR encoders and the QR drawing paths.

Baselines are bare reportlab canvases in the same run that draw the same text (extracted from
our own PDFs, line by line, in the same shipped font) and the same QR codes with reportlab's own
QrCodeWidget, with no layout at all. A second, stricter baseline draws the QR codes with our fast
path instead, which shows the cost of the layout alone. The QR encoders are compared on the module
matrix alone: reportlab's qrencoder (used before), segno as shipped, and segno with our mask scoring
(catalogue/passports/pdf/qr_encode.py), as ratios to qrencoder.
"""

import io
import statistics
import time

import pypdf
import segno
from reportlab.graphics import renderPDF
from reportlab.graphics.barcode import qrencoder
from reportlab.graphics.barcode.qr import QrCodeWidget
from reportlab.graphics.shapes import Drawing
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from bench.sample_snapshots import complete_snapshot, numbered_snapshots
from catalogue.passports.pdf.document import render_passports
from catalogue.passports.pdf.fonts import SANS, register_fonts
from catalogue.passports.pdf.label_formats import LABEL_FORMATS
from catalogue.passports.pdf.labels import render_labels
from catalogue.passports.pdf.qr import clear_qr_cache, draw_qr
from catalogue.passports.pdf.qr_encode import encode

BATCH = 100
PASSPORT_QR_SIZE = 31 * mm


def _timed(function, repeat: int) -> float:
    """Median wall time in milliseconds; QR caches are cleared first so every run encodes afresh."""
    times = []
    for _ in range(repeat):
        clear_qr_cache()
        started = time.perf_counter()
        function()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def _page_lines(pdf: bytes) -> list[list[str]]:
    return [page.extract_text().splitlines() for page in pypdf.PdfReader(io.BytesIO(pdf)).pages]


def _widget_qr(canvas, data: str, x: float, y: float, size: float) -> None:
    widget = QrCodeWidget(data, barLevel="M", barWidth=size, barHeight=size)
    drawing = Drawing(size, size)
    drawing.add(widget)
    renderPDF.draw(drawing, canvas, x, y)


def _fast_qr(canvas, data: str, x: float, y: float, size: float) -> None:
    draw_qr(canvas, data, x, y, size)


def _baseline_passports(pages: list[list[str]], first_pages: dict[int, str], qr) -> bytes:
    """Every page's text as plain lines, and each passport's QR code on its first page."""
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A4, invariant=1, initialFontName=SANS)
    for number, lines in enumerate(pages):
        canvas.setFont(SANS, 8)
        y = A4[1] - 20 * mm
        for line in lines:
            canvas.drawString(18 * mm, y, line)
            y -= 9.5
        if number in first_pages:
            qr(canvas, first_pages[number], A4[0] - 18 * mm - PASSPORT_QR_SIZE, A4[1] - 55 * mm, PASSPORT_QR_SIZE)
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def _baseline_labels(pages: list[list[str]], urls: list[str], layout: str, qr) -> bytes:
    """Each sheet's text spread over the label cells, and every label's QR code."""
    label_format = LABEL_FORMATS[layout]
    width, height = label_format.size
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A4, invariant=1, initialFontName=SANS)
    for page, lines in enumerate(pages):
        on_page = urls[page * label_format.per_page : (page + 1) * label_format.per_page]
        per_label = max(1, len(lines) // max(1, len(on_page)))
        canvas.setFont(SANS, 7)
        for position, url in enumerate(on_page):
            x, y = label_format.origin(position)
            for row, line in enumerate(lines[position * per_label : (position + 1) * per_label]):
                canvas.drawString(x + 4 * mm, y + height - 6 * mm - row * 8, line)
            qr_size = 0.38 * width
            qr(canvas, url, x + width - qr_size - 2 * mm, y + (height - qr_size) / 2, qr_size)
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def _encoder_rows(urls: list[str]) -> list[dict]:
    """The module matrix alone: reportlab's qrencoder (the path before segno), segno as shipped, and ours."""

    def reportlab_matrix(data: str):
        code = qrencoder.QRCode(None, qrencoder.QRErrorCorrectLevel.M)
        code.addData(data)
        code.make()
        return code.modules

    def timed(encode) -> float:
        times = []
        for _ in range(3):
            started = time.perf_counter()
            for url in urls:
                encode(url)
            times.append((time.perf_counter() - started) * 1000 / len(urls))
        return statistics.median(times)

    old = timed(reportlab_matrix)
    plain = timed(lambda data: segno.make_qr(data, error="M", boost_error=False))
    ours = timed(lambda data: encode(data, "M"))
    return [
        {"name": "QR matrix, reportlab qrencoder (the old path, per code)", "value": old, "unit": "ms"},
        {
            "name": "QR matrix, segno make_qr (per code)",
            "value": plain,
            "unit": "ms",
            "baseline": old,
            "ratio": plain / old,
        },
        {
            "name": "QR matrix, segno with our mask scoring (per code)",
            "value": ours,
            "unit": "ms",
            "baseline": old,
            "ratio": ours / old,
            "target": "≥ 2× faster than qrencoder (ratio ≤ 0.5)",
        },
    ]


def _qr_rows() -> list[dict]:
    urls = [snapshot["urls"]["qr"] for snapshot in numbered_snapshots(60)]

    def draw_all(qr) -> None:
        canvas = Canvas(io.BytesIO(), pagesize=A4)
        for url in urls:
            qr(canvas, url, 50, 50, PASSPORT_QR_SIZE)

    widget = _timed(lambda: draw_all(_widget_qr), 3) / len(urls)
    fast = _timed(lambda: draw_all(_fast_qr), 3) / len(urls)
    draw_all(_fast_qr)  # fill the cache
    started = time.perf_counter()
    for _ in range(5):
        draw_all(_fast_qr)
    cached = (time.perf_counter() - started) * 1000 / (5 * len(urls))
    return [
        *_encoder_rows(urls),
        {"name": "QR code, reportlab QrCodeWidget (per code)", "value": widget, "unit": "ms"},
        {
            "name": "QR code, one merged path, new URL (per code)",
            "value": fast,
            "unit": "ms",
            "baseline": widget,
            "ratio": fast / widget,
        },
        {
            "name": "QR code, one merged path, cached URL (per code)",
            "value": cached,
            "unit": "ms",
            "baseline": widget,
            "ratio": cached / widget,
        },
    ]


def run() -> list[dict]:
    register_fonts()
    rows = []

    # One passport, warm process (fonts registered), QR encoded afresh each time.
    single = [complete_snapshot()]
    render_passports(single, "de")
    one = _timed(lambda: render_passports(single, "de"), 30)
    rows.append({"name": "one A4 passport (de), median", "value": one, "unit": "ms", "target": "≤ 60 ms"})

    # 100 passports in one PDF against bare canvases drawing the same text and QR codes.
    snapshots = numbered_snapshots(BATCH)
    ours_pdf = render_passports(snapshots, "de")
    pages = _page_lines(ours_pdf)
    first_pages, page = {}, 0
    for snapshot in snapshots:
        first_pages[page] = snapshot["urls"]["qr"]
        page += len(_page_lines(render_passports([snapshot], "de")))
    ours = _timed(lambda: render_passports(snapshots, "de"), 3)
    widget_baseline = _timed(lambda: _baseline_passports(pages, first_pages, _widget_qr), 3)
    fast_baseline = _timed(lambda: _baseline_passports(pages, first_pages, _fast_qr), 3)
    rows += [
        {
            "name": f"{BATCH} passports in one PDF ({len(pages)} pages)",
            "value": ours,
            "unit": "ms",
            "baseline": widget_baseline,
            "ratio": ours / widget_baseline,
            "target": "≤ 3× (baseline: QrCodeWidget)",
        },
        {
            "name": f"{BATCH} passports vs baseline with the fast QR path",
            "value": ours,
            "unit": "ms",
            "baseline": fast_baseline,
            "ratio": ours / fast_baseline,
        },
    ]

    # 100 labels on 3×8 sheets.
    label_pdf = render_labels(snapshots, "de", "3x8")
    label_pages = _page_lines(label_pdf)
    urls = [snapshot["urls"]["qr"] for snapshot in snapshots]
    ours = _timed(lambda: render_labels(snapshots, "de", "3x8"), 5)
    widget_baseline = _timed(lambda: _baseline_labels(label_pages, urls, "3x8", _widget_qr), 5)
    fast_baseline = _timed(lambda: _baseline_labels(label_pages, urls, "3x8", _fast_qr), 5)
    rows += [
        {
            "name": f"{BATCH} shelf labels, 3×8 ({len(label_pages)} sheets)",
            "value": ours,
            "unit": "ms",
            "baseline": widget_baseline,
            "ratio": ours / widget_baseline,
            "target": "≤ 3× (baseline: QrCodeWidget)",
        },
        {
            "name": f"{BATCH} shelf labels vs baseline with the fast QR path",
            "value": ours,
            "unit": "ms",
            "baseline": fast_baseline,
            "ratio": ours / fast_baseline,
        },
    ]
    rows += _qr_rows()
    return rows
