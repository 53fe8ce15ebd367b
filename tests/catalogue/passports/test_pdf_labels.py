"""Shelf-label sheets: formats as data, page counts, label content and QR codes that scan."""

import math

import pytest
import zxingcpp
from reportlab.lib.pagesizes import A4

from catalogue.passports.pdf.label_formats import LABEL_FORMATS, LabelFormat
from catalogue.passports.pdf.labels import render_labels
from tests.catalogue.passports.pdf_helpers import decoded, font_report, page_count, page_texts, pdf_text

# The samples are built in the test database (see conftest.py).
pytestmark = pytest.mark.django_db


def test_at_least_two_common_formats_are_defined_as_data():
    assert {"3x8", "2x7"} <= set(LABEL_FORMATS)
    three_by_eight = LABEL_FORMATS["3x8"]
    assert (three_by_eight.columns, three_by_eight.rows) == (3, 8)
    assert (three_by_eight.label_width_mm, three_by_eight.label_height_mm) == (70.0, 36.0)
    assert LABEL_FORMATS["2x7"].per_page == 14


@pytest.mark.parametrize("layout", sorted(LABEL_FORMATS))
def test_every_label_of_a_format_lies_on_the_page_without_overlapping(layout):
    label_format = LABEL_FORMATS[layout]
    width, height = label_format.size
    boxes = [label_format.origin(index) for index in range(label_format.per_page)]
    page_width, page_height = A4
    for x, y in boxes:
        assert x >= 0 and x + width <= page_width + 0.01
        assert y >= 0 and y + height <= page_height + 0.01
    for first, (x1, y1) in enumerate(boxes):
        for x2, y2 in boxes[first + 1 :]:
            assert (
                x1 + width <= x2 + 0.01
                or x2 + width <= x1 + 0.01
                or y1 + height <= y2 + 0.01
                or y2 + height <= y1 + 0.01
            )


def test_a_format_that_does_not_fit_on_a4_is_rejected():
    with pytest.raises(ValueError, match="does not fit"):
        LabelFormat(
            name="too big", columns=3, rows=9, label_width_mm=70, label_height_mm=36, margin_left_mm=0, margin_top_mm=0
        )


@pytest.mark.parametrize(("layout", "count"), [("3x8", 1), ("3x8", 24), ("3x8", 25), ("2x7", 29), ("3x7", 43)])
def test_sheet_has_the_expected_page_count(built_samples, layout, count):
    snapshots = built_samples["numbered"][:count]
    pdf = render_labels(snapshots, "de", layout)
    assert page_count(pdf) == math.ceil(count / LABEL_FORMATS[layout].per_page)
    text = pdf_text(pdf)
    assert "Kochmesser Nr. 1 " in text and f"Kochmesser Nr. {count} " in text


def test_every_qr_code_on_a_full_sheet_scans_to_its_product(built_samples):
    snapshots = built_samples["numbered"][:24]
    pdf = render_labels(snapshots, "de", "3x8")
    urls = [snapshot["urls"]["qr"] for snapshot in snapshots]
    assert len(set(urls)) == 24
    assert sorted(decoded(pdf, zxingcpp.BarcodeFormat.QRCode, dpi=250)) == sorted(urls)


def test_label_without_gtin_scans_to_the_passport_code_url(built_samples, settings):
    snapshot = built_samples["without_gtin"]
    pdf = render_labels([snapshot], "en", "2x7")
    code = snapshot["product"]["passport_code"]
    assert decoded(pdf, zxingcpp.BarcodeFormat.QRCode) == [f"{settings.SITE_BASE_URL}/p/{code}"]


def score_text(value, language: str) -> str:
    """A score as the label prints it: 72.5 reads "72,5" in German."""
    text = f"{value:g}"
    return text.replace(".", ",") if language == "de" else text


@pytest.mark.parametrize(
    ("language", "figures"),
    [
        ("de", ["Punkte {overall}/100", "Garantie 5 J.", "Reparatur {repair}/100"]),
        ("en", ["Score {overall}/100", "Warranty 5 yrs", "Repair {repair}/100"]),
    ],
)
def test_label_shows_name_maker_grade_and_three_key_figures(built_samples, language, figures):
    snapshot = built_samples["complete"]
    score = snapshot["score"]
    text = page_texts(render_labels([snapshot], language, "2x7"))[0]
    assert "Kochmesser Schmiedeklinge 20 cm" in text
    assert "Klingenschmiede Wupperhof GmbH" in text
    assert score["grade"] in text.split()
    overall = score_text(score["overall"], language)
    repair = score_text(score["subscores"]["repairability"], language)
    for figure in figures:
        assert figure.format(overall=overall, repair=repair) in text
    assert snapshot["product"]["passport_code_display"] in text
    assert "✓ Solingen" in text


def test_german_and_english_sheets_differ(built_samples):
    german = pdf_text(render_labels([built_samples["complete"]], "de"))
    english = pdf_text(render_labels([built_samples["complete"]], "en"))
    assert "Reparatur" in german and "Repair " in english and german != english


def test_undisclosed_key_figures_are_marked(samples):
    snapshot = samples["bare"]
    text = pdf_text(render_labels([snapshot], "de", "3x8"))
    assert "Garantie k. A." in text
    assert f"Punkte {score_text(snapshot['score']['overall'], 'de')}/100" in text
    assert "Reparatur 0/100" in text  # nothing disclosed earns no points
    snapshot["score"] = None  # not something publishing writes, but the renderer must not depend on it
    unscored = pdf_text(render_labels([snapshot], "de", "3x8"))
    assert "Punkte k. A." in unscored and "Reparatur k. A." in unscored


def test_long_names_are_shortened_to_fit_the_label(built_samples):
    snapshot = built_samples["long"]
    text = pdf_text(render_labels([snapshot], "de", "3x8"))
    assert "Damast-Kochmesser" in text
    assert "…" in text
    assert snapshot["product"]["name"] not in text


def test_labels_embed_only_the_shipped_fonts(built_samples):
    snapshots = [built_samples["complete"], built_samples["bare"]]
    fonts = font_report(render_labels(snapshots, "de", cut_lines=True))
    assert fonts and all(embedded and "DejaVu" in name for name, embedded in fonts), fonts


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"snapshots": [], "language": "de"}, "at least one"),
        ({"snapshots": [{}], "language": "it"}, "language should be one of de, en"),
        ({"snapshots": [{}], "language": "de", "layout": "4x10"}, "layout should be one of 3x8, 2x7, 3x7"),
    ],
)
def test_bad_arguments_get_a_clear_error(kwargs, message):
    with pytest.raises(ValueError, match=message):
        render_labels(**kwargs)
