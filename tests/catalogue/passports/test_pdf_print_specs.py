"""Barcodes to print specification: EAN size and quiet zones (GS1), QR quiet zones (ISO/IEC 18004), 150 dpi reads.

The figures below are GS1's and ISO's, written out here rather than imported from the renderer, so that
the tests hold the renderer to the standards and not to itself.
"""

import shutil

import pytest
from django.db import transaction
from reportlab.lib.pagesizes import A4
from reportlab.lib.units import mm

from catalogue.demo.data import PRODUCTS
from catalogue.passports.pdf.document import render_passports
from catalogue.passports.pdf.label_formats import LABEL_FORMATS
from catalogue.passports.pdf.labels import render_labels
from products.identifiers import gs1_check_digit
from tests.catalogue.passports.conftest import PUBLISHED_AT
from tests.catalogue.passports.pdf_geometry import RASTER_DPI, Box, PageRaster, ean_symbols, qr_codes
from tests.catalogue.passports.pdf_helpers import first_pages, raster_pdfium, raster_poppler, zbar_eans, zxing_eans
from tests.factories import complete_product, showcase_product, snapshot_of

pytestmark = pytest.mark.django_db

# GS1 General Specifications, Symbol Specification Table 1 (EAN/UPC at the point of sale).
NOMINAL_X_MM = 0.330
SMALLEST_X_MM, LARGEST_X_MM = 0.264, 0.660
NOMINAL_BAR_HEIGHT_MM = {"EAN-13": 22.85, "EAN-8": 18.23}  # at the nominal X; heights scale with X
QUIET_ZONES = {"EAN-13": (11, 7), "EAN-8": (7, 7)}  # left, right, in modules
GUARD_EXTENSION = 5  # modules the guard bars reach below the data bars
# ISO/IEC 18004: 4 modules of quiet zone on every side. GS1 prints 2D symbols at 1.5 times the
# smallest linear X-dimension at least.
QR_QUIET_ZONE = 4
SMALLEST_QR_MODULE_MM = 1.5 * SMALLEST_X_MM
PIXEL = 72 / RASTER_DPI  # the resolution of a clear-space measurement, in points
SCAN_DPI = 150
GTIN8 = "9638507"  # a GTIN-8 body, its check digit added below


@pytest.fixture(scope="module")
def demo_like(django_db_setup, django_db_blocker) -> dict:
    """Passports of factory-built products with the demo catalogue's names and GTINs, plus one GTIN-8."""
    with django_db_blocker.unblock(), transaction.atomic():
        demo = [entry for entry in PRODUCTS if entry.get("gtin")]
        snapshots = [
            snapshot_of(
                complete_product(
                    name=entry["name"], gtin="0" + entry["gtin"], model_number=entry.get("model_number", "")
                ),
                published_at=PUBLISHED_AT,
            )
            for entry in demo
        ]
        gtin8 = GTIN8 + str(gs1_check_digit(GTIN8))
        ean8 = snapshot_of(showcase_product(name="Nagelknipser", gtin="000000" + gtin8), published_at=PUBLISHED_AT)
        transaction.set_rollback(True)
    return {"ean13": snapshots, "ean8": ean8}


def test_every_demo_like_ean13_reads_at_150_dpi_with_zbar_and_zxing(demo_like):
    """Each passport's first page, rasterised at 150 dpi by pdfium and by poppler, reads with both decoders.

    The decoders look at the strip of the page the symbol sits in (its height and 10 mm above and below,
    the page's full width), as a scanner aimed at the barcode would: the whole page takes zbar eight times as long.
    """
    if shutil.which("zbarimg") is None:
        pytest.skip("zbarimg is not installed (Debian package zbar-tools; .ci/run installs it)")
    if shutil.which("pdftoppm") is None:
        pytest.skip("pdftoppm is not installed (Debian package poppler-utils; .ci/run installs it)")
    expected = [[snapshot["product"]["gtin"][1:]] for snapshot in demo_like["ean13"]]
    pages = first_pages([render_passports([snapshot], "de") for snapshot in demo_like["ean13"]])
    symbols = [ean_symbols(pages, index) for index in range(len(expected))]
    assert [len(found) for found in symbols] == [1] * len(expected), "every passport should draw one EAN-13"
    counts = {}
    for rasteriser in (raster_pdfium, raster_poppler):
        images = [
            _strip(image, found[0].box) for image, found in zip(rasteriser(pages, SCAN_DPI), symbols, strict=True)
        ]
        reads = {"zbar": zbar_eans(images), "zxing": [zxing_eans(image) for image in images]}
        for decoder, found in reads.items():
            counts[f"{rasteriser.__name__} + {decoder}"] = (
                sum(a == b for a, b in zip(found, expected, strict=True)),
                found,
            )
    assert {name: count for name, (count, _) in counts.items()} == {name: len(expected) for name in counts}, {
        name: [(want, got) for want, got in zip(expected, found, strict=True) if want != got]
        for name, (_, found) in counts.items()
    }


def _strip(image, box: Box):
    """The full-width band of a page image from 10 mm under ``box`` to 10 mm above it."""
    scale = image.height / A4[1]
    return image.crop(
        (0, round((A4[1] - box.top - 10 * mm) * scale), image.width, round((A4[1] - box.bottom + 10 * mm) * scale))
    )


def _measure_ean(pdf: bytes) -> dict:
    (symbol,) = ean_symbols(pdf)
    x = symbol.x_dimension
    data, guards = symbol.data_bars, symbol.guard_bars
    data_bottom, data_top = min(bar.bottom for bar in data), max(bar.top for bar in data)
    raster = PageRaster(pdf)
    # Scanners read across the data bars; the digits under them (the leading one in the left quiet zone) do not count.
    band = Box(symbol.box.left, data_bottom, symbol.box.right, data_top)
    return {
        "kind": symbol.kind,
        "x_mm": x / mm,
        "widths_in_modules": [(bar.width / x) for bar in symbol.bars],
        "data_heights_mm": sorted({round(bar.height / mm, 3) for bar in data}),
        "guard_tops_mm": sorted({round(bar.top / mm, 3) for bar in guards}),
        "data_top_mm": round(data_top / mm, 3),
        "guard_extension_modules": [(data_bottom - bar.bottom) / x for bar in guards],
        "quiet_left": raster.clearance(band, "left", 20 * x) / x,
        "quiet_right": raster.clearance(band, "right", 20 * x) / x,
    }


@pytest.mark.parametrize("sample", ["ean13", "ean8"])
def test_passport_ean_is_printed_at_gs1_size_with_its_guards_and_quiet_zones(demo_like, sample):
    snapshot = demo_like[sample][0] if sample == "ean13" else demo_like[sample]
    measured = _measure_ean(render_passports([snapshot], "en"))
    kind = measured["kind"]
    assert kind == {"ean13": "EAN-13", "ean8": "EAN-8"}[sample]
    x_mm = measured["x_mm"]
    assert SMALLEST_X_MM <= x_mm <= LARGEST_X_MM, measured
    # Every bar is 1 to 4 whole modules wide (less a bar width reduction of at most 5 %).
    widths = measured["widths_in_modules"]
    assert all(round(width) in (1, 2, 3, 4) and abs(round(width) - width) <= 0.05 for width in widths), measured
    # One height for all data bars, at least GS1's height for this X: no truncated bars.
    (data_height,) = measured["data_heights_mm"]
    assert data_height >= NOMINAL_BAR_HEIGHT_MM[kind] * x_mm / NOMINAL_X_MM - 0.005, measured
    # The guard bars start level with the data bars and reach 5 modules further down.
    assert measured["guard_tops_mm"] == [measured["data_top_mm"]], measured
    assert all(abs(extension - GUARD_EXTENSION) < 0.01 for extension in measured["guard_extension_modules"]), measured
    left, right = QUIET_ZONES[kind]
    tolerance = PIXEL / (x_mm * mm)
    assert measured["quiet_left"] >= left - tolerance and measured["quiet_right"] >= right - tolerance, measured


def _quiet_zones(raster: PageRaster, code, frame: Box | None) -> dict[str, float]:
    """Clear space around a QR code in modules on each side, up to ``frame`` (a label's edge) where given."""
    box, module = code.box, code.module
    edges = (
        {
            "left": box.left - frame.left,
            "right": frame.right - box.right,
            "top": frame.top - box.top,
            "bottom": box.bottom - frame.bottom,
        }
        if frame
        else dict.fromkeys(("left", "right", "top", "bottom"), (QR_QUIET_ZONE + 2) * module)
    )
    return {side: raster.clearance(box, side, max(edge, 0)) / module for side, edge in edges.items()}


def _check_qr(code, quiet: dict[str, float], where: str) -> list[str]:
    problems = []
    module_mm = code.module / mm
    if module_mm < SMALLEST_QR_MODULE_MM:
        problems.append(f"{where}: module {module_mm:.3f} mm")
    if abs(code.modules - round(code.modules)) > 0.01 or round(code.modules) % 4 != 1:
        problems.append(f"{where}: {code.modules:.2f} modules across")
    if abs(code.box.width - code.box.height) > 0.01:
        problems.append(f"{where}: not square")
    tolerance = PIXEL / code.module
    for side, modules in quiet.items():
        if modules < QR_QUIET_ZONE - tolerance:
            problems.append(f"{where}: {modules:.2f} modules of quiet zone {side}")
    return problems


def test_every_qr_code_keeps_four_modules_of_quiet_zone_to_the_label_edge_and_on_the_passport(built_samples):
    problems = []
    for key, label_format in LABEL_FORMATS.items():
        snapshots = [built_samples["without_gtin"], *built_samples["numbered"][: label_format.per_page - 1]]
        pdf = render_labels(snapshots, "de", key)
        raster = PageRaster(pdf)
        codes = qr_codes(pdf)
        assert len(codes) == label_format.per_page, key
        width, height = label_format.size
        labels = [Box(x, y, x + width, y + height) for x, y in map(label_format.origin, range(label_format.per_page))]
        for code in codes:
            centre_x, centre_y = (code.box.left + code.box.right) / 2, (code.box.bottom + code.box.top) / 2
            (frame,) = [
                label for label in labels if label.left < centre_x < label.right and label.bottom < centre_y < label.top
            ]
            problems += _check_qr(code, _quiet_zones(raster, code, frame), f"{key} label {labels.index(frame) + 1}")
    passport = render_passports([built_samples["complete"]], "de")
    (code,) = qr_codes(passport)
    problems += _check_qr(code, _quiet_zones(PageRaster(passport), code, None), "passport")
    assert problems == []
