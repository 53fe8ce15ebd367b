"""Shelf passports and label jobs: one shelf passport, 100 in one PDF, 1,000 labels in one job, a cached PDF.

Ratios are against bare reportlab baselines measured in the same run: a one-page canvas with a few strings
(one per fact of the shelf passport) and, for the batches, as many such pages, or a label sheet's cells each
with two strings; so the ratio says what the layout, QR codes, EAN-13 and metadata cost on top of reportlab.
The cached row serves the shelf passport from the PDF cache (catalogue.passports.pdf_cache, Django's local
memory cache here) against rendering it cold.
"""

import io
import statistics
import time

from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm
from reportlab.pdfgen.canvas import Canvas

from bench.sample_snapshots import complete_snapshot, numbered_snapshots
from catalogue.passports.pdf.fonts import SANS, register_fonts
from catalogue.passports.pdf.label_formats import LABEL_FORMATS
from catalogue.passports.pdf.labels import LabelOptions, render_labels
from catalogue.passports.pdf.qr import clear_qr_cache
from catalogue.passports.pdf.shelf import render_shelf_passports

BATCH = 100
LABELS = 1000
LABEL_LAYOUT = "3x8"


def _timed(function, repeat: int) -> float:
    """Median wall time in milliseconds; QR caches are cleared first so every run encodes afresh."""
    times = []
    for _ in range(repeat):
        clear_qr_cache()
        started = time.perf_counter()
        function()
        times.append((time.perf_counter() - started) * 1000)
    return statistics.median(times)


def _warm_times(function, repeat: int) -> list[float]:
    function()
    times = []
    for _ in range(repeat):
        started = time.perf_counter()
        function()
        times.append((time.perf_counter() - started) * 1000)
    return times


def _bare_pages(pages: int) -> bytes:
    """The baseline: A4 pages with a title and a dozen short strings each, in the shipped font."""
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A4, invariant=1, initialFontName=SANS)
    for page in range(pages):
        canvas.setFont(SANS, 24)
        canvas.drawString(18 * mm, A4[1] - 40 * mm, f"Kochmesser Nr. {page + 1}")
        canvas.setFont(SANS, 11)
        for row in range(12):
            canvas.drawString(18 * mm, A4[1] - (60 + 9 * row) * mm, f"Angabe {row + 1}: Wert {row * 7}")
        canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def _bare_labels(count: int) -> bytes:
    """The baseline: the sheets of ``count`` labels, each cell with two strings."""
    label_format = LABEL_FORMATS[LABEL_LAYOUT]
    buffer = io.BytesIO()
    canvas = Canvas(buffer, pagesize=A4, invariant=1, initialFontName=SANS)
    for index in range(count):
        position = index % label_format.per_page
        if index and not position:
            canvas.showPage()
        x, y = label_format.origin(position)
        canvas.setFont(SANS, 8)
        canvas.drawString(x + 4 * mm, y + 28 * mm, f"Kochmesser Nr. {index + 1}")
        canvas.drawString(x + 4 * mm, y + 6 * mm, "129,00 €")
    canvas.showPage()
    canvas.save()
    return buffer.getvalue()


def _cached_rows() -> list[dict]:
    """A cold render into the cache against fetching the kept bytes, over the real cache functions."""
    from django.core.cache import cache

    from catalogue.passports import pdf_cache

    snapshot = complete_snapshot()
    key = "pdf:bench-shelf"

    def cold():
        cache.delete(key)
        content = render_shelf_passports([snapshot], "de")
        cache.set(key, content, pdf_cache.CACHE_SECONDS)
        return content

    def warm():
        content = pdf_cache.cached_pdf(key, max_pages=None)
        assert content is not None
        return content

    cold_ms = _timed(cold, 15)
    cold()
    warm_ms = _timed(warm, 200)
    return [
        {
            "name": "a cached shelf passport, served from the PDF cache",
            "value": warm_ms,
            "unit": "ms",
            "baseline": cold_ms,
            "ratio": warm_ms / cold_ms,
            "target": "≥ 5× faster than cold (ratio ≤ 0.2)",
        }
    ]


def run() -> list[dict]:
    import django

    django.setup()
    register_fonts()
    rows = []

    single = [complete_snapshot()]
    render_shelf_passports(single, "de")
    one = _timed(lambda: render_shelf_passports(single, "de"), 40)
    bare_one = _timed(lambda: _bare_pages(1), 40)
    rows.append(
        {
            "name": "one shelf passport (de), median",
            "value": one,
            "unit": "ms",
            "baseline": bare_one,
            "ratio": one / bare_one,
            "target": "≤ 15 ms",
        }
    )

    # The same with the QR code already encoded (lru_cache in pdf/qr.py, as for any product printed before):
    # encoding (segno, scoring all eight masks) is about a fifth of a cold render.
    warm = statistics.median(_warm_times(lambda: render_shelf_passports(single, "de"), 40))
    rows.append(
        {
            "name": "one shelf passport (de), QR code encoded before, median",
            "value": warm,
            "unit": "ms",
            "baseline": bare_one,
            "ratio": warm / bare_one,
            "target": "≤ 15 ms",
        }
    )

    batch = numbered_snapshots(BATCH)
    hundred = _timed(lambda: render_shelf_passports(batch, "de"), 5)
    bare_hundred = _timed(lambda: _bare_pages(BATCH), 5)
    rows.append(
        {
            "name": f"{BATCH} shelf passports in one PDF",
            "value": hundred,
            "unit": "ms",
            "baseline": bare_hundred,
            "ratio": hundred / bare_hundred,
            "target": "≤ 1,500 ms",
        }
    )

    many = (numbered_snapshots(BATCH) * (LABELS // BATCH))[:LABELS]
    options = LabelOptions(price=True, ean=True)
    labels = _timed(lambda: render_labels(many, "de", LABEL_LAYOUT, options=options), 3)
    bare_labels = _timed(lambda: _bare_labels(LABELS), 3)
    rows.append(
        {
            "name": f"{LABELS:,} labels with price and EAN-13, {LABEL_LAYOUT}, one job",
            "value": labels,
            "unit": "ms",
            "baseline": bare_labels,
            "ratio": labels / bare_labels,
            "target": "≤ 5,000 ms",
        }
    )
    rows += _cached_rows()
    return rows
