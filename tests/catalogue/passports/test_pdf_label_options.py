"""Label options: a start position on a partly used sheet, price, EAN-13; every layout inside its labels."""

import shutil

import pytest
from reportlab.lib.units import mm

from catalogue.passports.pdf.label_formats import LABEL_FORMATS
from catalogue.passports.pdf.labels import LabelOptions, label_pages, render_labels
from tests.catalogue.passports.pdf_geometry import BLACK, Box, ean_symbols, filled_paths, qr_codes
from tests.catalogue.passports.pdf_helpers import page_count, page_texts, raster_poppler
from tests.catalogue.passports.test_pdf_shelf import zbar_symbols

pytestmark = pytest.mark.django_db
SCAN_DPI = 150


def label_boxes(layout: str) -> list[Box]:
    label_format = LABEL_FORMATS[layout]
    width, height = label_format.size
    return [Box(x, y, x + width, y + height) for x, y in map(label_format.origin, range(label_format.per_page))]


def position_of(box: Box, labels: list[Box]) -> int:
    """The 1-based label position whose rectangle holds ``box`` entirely (tolerance: a hundredth of a point)."""
    (position,) = [
        index + 1
        for index, label in enumerate(labels)
        if label.left - 0.01 <= box.left
        and box.right <= label.right + 0.01
        and label.bottom - 0.01 <= box.bottom
        and box.top <= label.top + 0.01
    ]
    return position


def ean_bars_per_label(pdf: bytes, page: int, labels: list[Box]) -> dict[int, int]:
    """How many single black bars (an EAN's are 30) lie in each label; a bar across a label edge fails."""
    counts: dict[int, int] = {}
    for path in filled_paths(pdf, page):
        if path.fill == BLACK and len(path.rectangles) == 1 and not path.has_curves:
            position = position_of(path.rectangles[0], labels)
            counts[position] = counts.get(position, 0) + 1
    return counts


def test_the_layouts_are_the_common_sheets_and_a_62_mm_roll():
    names = " ".join(label_format.name for label_format in LABEL_FORMATS.values())
    for sheet in ("Avery Zweckform 3475", "L7160", "L7163", "Herma 4457", "Herma 4103", "Herma 4098"):
        assert sheet in names
    roll = LABEL_FORMATS["brother-62x29"]
    assert roll.is_roll and roll.per_page == 1 and roll.page_size == roll.size
    assert roll.label_width_mm == 62.0
    assert LABEL_FORMATS["3x8"].size == (70 * mm, 36 * mm)


@pytest.mark.parametrize("layout", sorted(LABEL_FORMATS))
def test_every_layout_draws_each_label_inside_its_rectangle_with_price_and_ean(built_samples, layout):
    label_format = LABEL_FORMATS[layout]
    count = min(label_format.per_page, 6) if not label_format.is_roll else 2
    snapshots = built_samples["numbered"][:count]
    pdf = render_labels(snapshots, "de", layout, options=LabelOptions(price=True, ean=True))
    assert page_count(pdf) == label_pages(count, layout)
    labels = label_boxes(layout)
    pages = range(count) if label_format.is_roll else [0]
    qr_positions, ean_bars = [], {}
    for page in pages:
        qr_positions += [position_of(code.box, labels) for code in qr_codes(pdf, page)]
        for position, bars in ean_bars_per_label(pdf, page, labels).items():
            ean_bars[(page, position)] = bars
    if label_format.is_roll:
        assert qr_positions == [1] * count
        assert ean_bars == {(page, 1): 30 for page in range(count)}
    else:
        assert sorted(qr_positions) == list(range(1, count + 1))
        assert ean_bars == {(0, position): 30 for position in range(1, count + 1)}


@pytest.mark.parametrize("layout", ["3x8", "2x7", "herma-4098"])
def test_start_position_leaves_the_first_labels_empty(built_samples, layout):
    per_page = LABEL_FORMATS[layout].per_page
    start = 10
    snapshots = built_samples["numbered"][: per_page - start + 1 + 2]  # the first sheet's rest, and two more
    pdf = render_labels(snapshots, "de", layout, options=LabelOptions(start=start))
    assert page_count(pdf) == 2
    labels = label_boxes(layout)
    first = sorted(position_of(code.box, labels) for code in qr_codes(pdf, 0))
    assert first == list(range(start, per_page + 1))
    assert sorted(position_of(code.box, labels) for code in qr_codes(pdf, 1)) == [1, 2]
    # The first label on the sheet is the first product.
    assert page_texts(pdf)[0].startswith("Kochmesser Nr. 1 ")


def test_a_start_outside_the_sheet_is_refused_naming_the_range(built_samples):
    with pytest.raises(ValueError, match="from 1 to 24"):
        render_labels(built_samples["numbered"][:1], "de", "3x8", options=LabelOptions(start=25))
    with pytest.raises(ValueError, match="from 1 to 24"):
        render_labels(built_samples["numbered"][:1], "de", "3x8", options=LabelOptions(start=0))


def test_price_is_the_shelf_price_where_given_else_the_products(built_samples):
    snapshots = built_samples["numbered"][:2]
    product_price = snapshots[0]["product"]["price_eur"]
    assert product_price is not None
    pdf = render_labels(snapshots, "de", "3x8", options=LabelOptions(price=True, prices=(49.9, None)))
    text = page_texts(pdf)[0]
    assert "49,90" in text
    assert text.count(f"{product_price:.2f}".replace(".", ",")) == 1  # only the second label's
    without = page_texts(render_labels(snapshots, "de", "3x8"))[0]
    assert "49,90" not in without and "€" not in without


def test_ean_only_for_products_with_a_gtin(built_samples):
    snapshots = [built_samples["complete"], built_samples["without_gtin"]]
    pdf = render_labels(snapshots, "de", "3x8", options=LabelOptions(ean=True))
    assert len(ean_symbols(pdf)) == 1
    assert len(qr_codes(pdf)) == 2
    assert ean_symbols(render_labels(snapshots, "de", "3x8")) == []


@pytest.mark.skipif(shutil.which("zbarimg") is None, reason="zbarimg is not installed (zbar-tools)")
@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="pdftoppm is not installed (poppler-utils)")
@pytest.mark.parametrize("layout", sorted(LABEL_FORMATS))
def test_every_label_qr_and_ean_reads_with_zbar_at_150_dpi(built_samples, layout):
    """Each label, cut out of a 150 dpi poppler raster of its sheet, gives its QR code and EAN-13 to zbar."""
    label_format = LABEL_FORMATS[layout]
    count = 4 if label_format.is_roll else label_format.per_page
    snapshots = built_samples["numbered"][:count]
    pdf = render_labels(snapshots, "de", layout, options=LabelOptions(price=True, ean=True))
    images = raster_poppler(pdf, SCAN_DPI)
    scale = SCAN_DPI / 72
    page_height = label_format.page_size[1]
    crops = []
    for index in range(count):
        page, position = (index, 0) if label_format.is_roll else (0, index)
        x, y = label_format.origin(position)
        width, height = label_format.size
        box = (round(x * scale), round((page_height - y - height) * scale))
        crops.append(images[page].crop((*box, round((x + width) * scale), round((page_height - y) * scale))))
    assert zbar_symbols(crops, "ean13") == [[snapshot["product"]["gtin"][1:]] for snapshot in snapshots]
    assert zbar_symbols(crops, "qrcode") == [[snapshot["urls"]["qr"]] for snapshot in snapshots]
