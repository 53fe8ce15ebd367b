"""The fast QR path, the EAN encoder and the bilingual formatting used by the PDF renderers."""

import io

import pytest
import zxingcpp
from reportlab.pdfgen.canvas import Canvas

from catalogue.passports.pdf.ean import encode_ean
from catalogue.passports.pdf.qr import QUIET_ZONE_MODULES, _dark_rectangles, draw_qr, qr_matrix, qr_path
from catalogue.passports.pdf.texts import format_date, format_euro, format_number, format_percent, pick
from tests.catalogue.passports.pdf_helpers import decoded

URLS = [
    "https://glaeserne-werkstatt.example.org/01/04006381333931",
    "https://glaeserne-werkstatt.example.org/p/K7QX2M9C",
    "HTTPS://EXAMPLE.ORG/01/04006381333931",  # alphanumeric mode
    "https://example.org/" + "x" * 180,  # a large version
]


@pytest.mark.parametrize("url", URLS)
def test_rectangles_cover_exactly_the_dark_modules(url):
    matrix = qr_matrix(url)
    covered = []
    for column, row, width, height in _dark_rectangles(matrix):
        covered += [(row + dy, column + dx) for dy in range(height) for dx in range(width)]
    dark = [(row, column) for row, line in enumerate(matrix) for column, module in enumerate(line) if module]
    assert len(covered) == len(set(covered)), "rectangles should not overlap"
    assert set(covered) == set(dark)


def test_drawn_codes_scan_back_to_their_data():
    buffer = io.BytesIO()
    canvas = Canvas(buffer)
    for index, url in enumerate(URLS):
        draw_qr(canvas, url, 40 + (index % 2) * 270, 440 - (index // 2) * 360, 220)
    canvas.save()
    assert sorted(decoded(buffer.getvalue(), zxingcpp.BarcodeFormat.QRCode, dpi=200)) == sorted(URLS)


def test_path_includes_the_quiet_zone_and_is_cached():
    path, side = qr_path(URLS[0])
    assert side == len(qr_matrix(URLS[0])) + 2 * QUIET_ZONE_MODULES
    assert qr_path(URLS[0])[0] is path


def test_unknown_error_correction_level_is_rejected():
    with pytest.raises(ValueError, match="level should be one of L, M, Q, H"):
        qr_matrix("https://example.org", "X")


def test_ean_encoder_refuses_what_is_no_ean():
    with pytest.raises(ValueError, match="digits should be the 8 or 13 ASCII digits of an EAN"):
        encode_ean("426259100010")
    with pytest.raises(ValueError, match="digits should be the 8 or 13 ASCII digits of an EAN"):
        encode_ean("４２６２５９１０００１０４")  # fullwidth digits are no EAN
    with pytest.raises(ValueError, match="digits should end in the check digit 4, not 5"):
        encode_ean("4262591000105")


@pytest.mark.parametrize(
    ("value", "german", "english"),
    [(72.5, "72,5", "72.5"), (5.0, "5", "5"), (1234.5, "1.234,5", "1,234.5"), (0, "0", "0"), (None, "", "")],
)
def test_numbers_follow_the_language(value, german, english):
    assert format_number(value, "de") == german
    assert format_number(value, "en") == english


def test_money_percent_and_dates_follow_the_language():
    assert format_euro(129, "de") == "129,00\u202f€" and format_euro(129, "en") == "€129.00"
    assert format_percent(30.0, "de") == "30\u202f%" and format_percent(30.0, "en") == "30%"
    assert format_date("2026-11-25T09:30:00+00:00", "de") == "25.11.2026"
    assert format_date("2026-11-25T09:30:00+00:00", "en") == "25 Nov 2026"
    # Dates are those of Germany: 23:30 UTC on 5 January is already the 6th in Solingen.
    assert format_date("2026-01-05T23:30:00+00:00", "de") == "06.01.2026"


def test_pick_chooses_the_language_and_falls_back_to_the_other():
    assert pick({"de": "Schmieden", "en": "Forging"}, "en") == "Forging"
    assert pick({"de": "Schmieden", "en": ""}, "en") == "Schmieden"
    assert pick(None, "de") == ""
