"""The A4 passport PDF: content, languages, barcodes that really scan, fonts, page flow and footer."""

import pytest
import zxingcpp
from reportlab.pdfbase import pdfmetrics

from catalogue.passports.hashing import snapshot_hash
from catalogue.passports.pdf.document import render_passports
from catalogue.passports.pdf.fonts import FONT_DIR, SANS, SANS_BOLD, SANS_ITALIC, register_fonts
from catalogue.passports.preview import preview_snapshot
from tests.catalogue.passports.pdf_helpers import decoded, font_report, page_count, page_texts, pdf_text
from tests.factories import bare_product, showcase_product, snapshot_of

# The samples are built in the test database (see conftest.py).
pytestmark = pytest.mark.django_db


def score_text(value, language: str) -> str:
    """A score as the passport prints it: 72.5 reads "72,5" in German."""
    text = f"{value:g}"
    return text.replace(".", ",") if language == "de" else text


@pytest.fixture(scope="module")
def complete_de(built_samples):
    return render_passports([built_samples["complete"]], "de")


@pytest.fixture(scope="module")
def complete_en(built_samples):
    return render_passports([built_samples["complete"]], "en")


@pytest.mark.parametrize(
    ("language", "grade_line"), [("de", "Gesamtnote {} · {} von 100"), ("en", "Overall grade {} · {} of 100")]
)
def test_first_page_shows_name_maker_grade_and_version(samples, language, grade_line):
    snapshot = samples["without_gtin"]
    score = snapshot["score"]
    first_page = page_texts(render_passports([snapshot], language))[0]
    assert "Schneiderschere 25 cm" in first_page
    assert "Klingenschmiede Wupperhof GmbH" in first_page
    assert grade_line.format(score["grade"], score_text(score["overall"], language)) in first_page
    assert f"{'Veröffentlicht' if language == 'de' else 'Published'} " in first_page
    assert "Version 3" in first_page
    assert snapshot["product"]["passport_code_display"] in first_page


def test_german_and_english_versions_differ(built_samples, complete_de, complete_en):
    german, english = pdf_text(complete_de), pdf_text(complete_en)
    overall = built_samples["complete"]["score"]["overall"]
    assert german != english
    assert "Reparierbarkeit" in german and "Repairability" not in german
    assert "Repairability" in english and "Reparierbarkeit" not in english
    # Bilingual snapshot texts follow the language too.
    assert "Schnitthaltigkeit" in german and "Edge retention" in english
    # Dates and numbers are formatted per language.
    assert "25.11.2026" in german and "25 Nov 2026" in english
    assert f"{score_text(overall, 'de')} von 100" in german and f"{score_text(overall, 'en')} of 100" in english
    assert "129,00" in german and "€129.00" in english


def test_qr_code_scans_to_the_digital_link_and_ean13_to_the_gtin(built_samples, complete_de):
    snapshot = built_samples["complete"]
    gtin = snapshot["product"]["gtin"]
    assert snapshot["urls"]["qr"].endswith(f"/01/{gtin}")
    assert decoded(complete_de, zxingcpp.BarcodeFormat.QRCode) == [snapshot["urls"]["qr"]]
    assert decoded(complete_de, zxingcpp.BarcodeFormat.EAN13) == [gtin[1:]]


def test_without_gtin_the_qr_code_scans_to_the_passport_code_url_and_there_is_no_ean(samples, settings):
    snapshot = samples["without_gtin"]
    pdf = render_passports([snapshot], "en")
    code = snapshot["product"]["passport_code"]
    assert decoded(pdf, zxingcpp.BarcodeFormat.QRCode) == [f"{settings.SITE_BASE_URL}/p/{code}"]
    assert decoded(pdf, zxingcpp.BarcodeFormat.EAN13) == []
    assert "not disclosed" in page_texts(pdf)[0]  # the GTIN row


def test_qr_code_encodes_exactly_the_snapshot_qr_url(samples):
    snapshot = samples["complete"]
    snapshot["urls"]["qr"] = "https://other.example.org/01/04006381333931?linkType=gs1:dpp"
    pdf = render_passports([snapshot], "de")
    assert decoded(pdf, zxingcpp.BarcodeFormat.QRCode) == [snapshot["urls"]["qr"]]


def test_footer_carries_version_date_and_short_hash_on_every_page(samples):
    snapshot = samples["long"]
    texts = page_texts(render_passports([snapshot], "de"))
    short_hash = snapshot_hash(snapshot)[:12]
    assert len(texts) > 2
    for number, text in enumerate(texts, start=1):
        assert f"Version 3 · 25.11.2026 · SHA-256 {short_hash}" in text
        assert f"Seite {number} von {len(texts)}" in text


def test_given_hash_is_printed_instead_of_a_computed_one(samples):
    text = pdf_text(render_passports([samples["complete"]], "en", hashes=["abcdef1234567890" * 4]))
    assert "SHA-256 abcdef123456" in text
    assert "abcdef1234567" not in text  # shortened to 12 characters


def test_long_content_flows_onto_further_pages_without_losing_rows(samples):
    snapshot = samples["long"]
    pdf = render_passports([snapshot], "en")
    text = pdf_text(pdf)
    assert page_count(pdf) >= 4
    suppliers = [step["supplier_name"] for step in snapshot["supply_chain"] if step["supplier_name"]]
    assert len(suppliers) == 25
    for supplier in suppliers:
        assert supplier in text
    for criterion in snapshot["score"]["criteria"]:
        assert criterion["label"]["en"] in text
    for index in range(15):
        assert f"Zusatzwerkstoff {index + 1} " in text
    assert "Grinding: in Thiers (EU)." in text  # the Solingen reasons after the long table
    assert "This printout shows version 3" in text  # the closing note on the last page


def test_a_batch_starts_every_passport_on_a_new_page(samples):
    snapshots = [samples["complete"], samples["bare"], samples["without_gtin"]]
    single_counts = [page_count(render_passports([snapshot], "de")) for snapshot in snapshots]
    batch = render_passports(snapshots, "de")
    texts = page_texts(batch)
    assert len(texts) == sum(single_counts)
    first_page = 0
    for snapshot, count in zip(snapshots, single_counts, strict=True):
        assert snapshot["product"]["name"] in texts[first_page]
        assert f"Seite 1 von {count}" in texts[first_page]
        first_page += count


def test_unknown_data_is_marked_not_disclosed(samples):
    german = pdf_text(render_passports([samples["bare"]], "de"))
    english = pdf_text(render_passports([samples["bare"]], "en"))
    assert german.count("nicht angegeben") >= 8
    assert english.count("not disclosed") >= 8
    assert "Nagelknipser" in german and "Kleinschmiede Ohligs" in german


def test_solingen_designation_is_shown_where_it_applies_and_explained_where_not(samples):
    qualifies = pdf_text(render_passports([samples["complete"]], "en"))
    assert "Qualifies: all essential manufacturing stages" in qualifies
    assert "under SolingenV § 1" in qualifies  # the seal in the header
    fails = pdf_text(render_passports([samples["long"]], "en"))
    assert "Does not qualify" in fails and "under SolingenV § 1" not in fails
    assert "Grinding: in Thiers (EU)." in fails


def test_sections_show_materials_supply_chain_and_lifecycle_data(complete_en):
    text = pdf_text(complete_en)
    for expected in (
        "X50CrMoV15 Klingenstahl",
        "Stahlwerk Rhein AG",
        "Supplier (name confidential)",
        "Solingen/Haan",
        "Bergisches Städtedreieck",
        "ISO 8442-5",
        "declared by the maker",
        "Resharpening",
        "Moderate: with basic tools",
        "20 / 25",  # criterion points out of maximum
    ):
        assert expected in text
    assert "Härterei im Hinterhof" not in text  # the confidential supplier's name


def test_german_text_and_symbols_render_as_real_glyphs_from_the_shipped_fonts(complete_de):
    text = pdf_text(complete_de)
    assert "CO₂-Fußabdruck ≤ 4 kg" in text
    assert "8 €" in text
    assert "Kreislauffähigkeit" in text
    fonts = font_report(complete_de)
    assert fonts, "the PDF should use fonts"
    assert all(embedded for _, embedded in fonts), fonts
    assert all("DejaVu" in name for name, _ in fonts), fonts  # no unembedded Helvetica fallback
    register_fonts()
    for name in (SANS, SANS_BOLD, SANS_ITALIC):
        assert str(pdfmetrics.getFont(name).face.filename).startswith(str(FONT_DIR))


def test_user_text_with_markup_characters_is_printed_literally():
    product = bare_product(name="Messer <b>Spezial</b> & Co", description="Klinge < 20 cm & Griff > 10 cm")
    text = pdf_text(render_passports([snapshot_of(product)], "de"))
    assert "Messer <b>Spezial</b> & Co" in text
    assert "Klinge < 20 cm & Griff > 10 cm" in text


def test_a_snapshot_without_a_score_still_renders(samples):
    snapshot = samples["bare"]
    snapshot["score"] = None  # not something publishing writes, but the renderer must not depend on it
    text = pdf_text(render_passports([snapshot], "en"))
    assert "Nagelknipser" in text
    assert "not scored" in text


def test_same_snapshot_gives_the_same_bytes(built_samples):
    snapshot = built_samples["complete"]
    assert render_passports([snapshot], "de") == render_passports([snapshot], "de")


@pytest.mark.parametrize(
    ("kwargs", "message"),
    [
        ({"snapshots": [], "language": "de"}, "at least one"),
        ({"snapshots": [{}], "language": "fr"}, "language should be one of de, en"),
        ({"snapshots": [{}, {}], "language": "de", "hashes": ["a"]}, "one entry per snapshot"),
    ],
)
def test_bad_arguments_get_a_clear_error(kwargs, message):
    with pytest.raises(ValueError, match=message):
        render_passports(**kwargs)


def test_an_unpublished_preview_prints_its_marker_and_no_hash_or_date():
    snapshot = preview_snapshot(showcase_product(), "de")
    texts = page_texts(render_passports([snapshot], "de", hashes=[""]))
    assert all("Version VORSCHAU – nicht veröffentlicht" in text for text in texts)
    assert not any("SHA-256" in text or "veröffentlicht am" in text for text in texts)
