"""The one-page shelf passport: exactly one page for any data, the facts a customer needs, codes that scan."""

import shutil

import pytest
from hypothesis import HealthCheck, given, settings
from PIL import Image

from catalogue.passports.pdf.shelf import render_shelf_passports
from tests.catalogue.passports.pdf_geometry import ean_symbols, qr_codes
from tests.catalogue.passports.pdf_helpers import page_count, page_texts, pdf_text, raster_poppler, zbar_eans
from tests.catalogue.passports.test_pdf_properties import SNAPSHOT

pytestmark = pytest.mark.django_db
SCAN_DPI = 150


@settings(
    max_examples=15,
    deadline=None,
    derandomize=True,
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large, HealthCheck.large_base_example],
)
@given(snapshot=SNAPSHOT)
def test_any_valid_snapshot_gives_exactly_one_page_in_both_languages(snapshot):
    for language in ("de", "en"):
        assert page_count(render_shelf_passports([snapshot], language, withdrawn=[True])) == 1


def test_extreme_data_stays_on_one_page_and_says_the_rest_is_online(samples):
    snapshot = samples["long"]
    snapshot["product"]["name"] = "Damaszener Kochmesser mit sehr langem Namen " * 5
    services = snapshot["repairability"]["repair_services"]
    snapshot["repairability"]["repair_services"] = (services * 20)[:20]
    snapshot["supply_chain"] = [
        {**step, "city": f"Werkstattort {index}", "country": "DE"}
        for index, step in enumerate((snapshot["supply_chain"] * 50)[:50])
    ]
    pdf = render_shelf_passports([snapshot], "de")
    assert page_count(pdf) == 1
    text = pdf_text(pdf)
    assert "weitere im Online-Pass" in text
    assert "Damaszener Kochmesser" in text
    english = pdf_text(render_shelf_passports([snapshot], "en"))
    assert "more in the online passport" in english


def test_a_batch_has_one_page_per_passport(samples):
    pdf = render_shelf_passports(samples["numbered"][:7], "de")
    texts = page_texts(pdf)
    assert len(texts) == 7
    assert all(f"Kochmesser Nr. {index + 1}" in text for index, text in enumerate(texts))


def test_the_shelf_passport_shows_what_a_customer_needs(samples):
    snapshot = samples["complete"]
    text = pdf_text(render_shelf_passports([snapshot], "de", hashes=["ab" * 32]))
    assert snapshot["product"]["name"] in text
    assert snapshot["maker"]["name"] in text
    for caption in ("Haltbarkeit", "Reparierbarkeit", "Lieferkette & Regionalität", "Kreislauffähigkeit"):
        assert caption in text
    subscores = snapshot["score"]["subscores"]
    assert f"{round(subscores['durability'])}/100" in text
    # The facts: warranty, lifetime, repair, the "Solingen" designation, where it was made.
    durability = snapshot["durability"]
    assert "Garantie" in text and "Herstellergarantie" in text
    if durability["expected_lifetime_years"] is not None:
        assert f"etwa {durability['expected_lifetime_years']} Jahre" in text
    assert "Reparatur" in text
    assert "Herkunftsbezeichnung erfüllt" in text
    assert "Hergestellt in" in text and "Solingen" in text
    # Version, date, short hash, and the accessible HTML passport.
    assert f"Version {snapshot['version']}" in text
    assert "25.11.2026" in text
    assert "SHA-256 abababababab" in text
    assert f"Barrierefreie Fassung dieses Passes: {snapshot['urls']['passport']}" in text
    assert "Produktpass fürs Regal" in text


def test_the_english_shelf_passport_is_english(samples):
    text = pdf_text(render_shelf_passports([samples["complete"]], "en"))
    for phrase in ("Shelf passport", "SUB-SCORES", "KEY FACTS", "Warranty", "Made in", "Accessible version"):
        assert phrase in text
    assert "Herstellergarantie" not in text


def test_undisclosed_facts_say_so_and_no_gtin_means_no_ean(samples):
    pdf = render_shelf_passports([samples["bare"]], "de")
    assert page_count(pdf) == 1
    assert "nicht angegeben" in pdf_text(pdf)
    assert ean_symbols(pdf) == []
    assert len(qr_codes(pdf)) == 1


@pytest.mark.skipif(shutil.which("zbarimg") is None, reason="zbarimg is not installed (zbar-tools)")
@pytest.mark.skipif(shutil.which("pdftoppm") is None, reason="pdftoppm is not installed (poppler-utils)")
def test_qr_code_and_ean13_read_with_zbar_at_150_dpi(samples):
    snapshots = [samples["complete"], samples["long"]]
    for language in ("de", "en"):
        pdf = render_shelf_passports(snapshots, language)
        images = raster_poppler(pdf, SCAN_DPI)
        eans = zbar_eans(images)
        assert eans == [[snapshot["product"]["gtin"][1:]] for snapshot in snapshots]
        assert zbar_qr(images) == [[snapshot["urls"]["qr"]] for snapshot in snapshots]


def zbar_qr(images: list[Image.Image]) -> list[list[str]]:
    """The QR codes zbarimg reads, per image."""
    return zbar_symbols(images, "qrcode")


def zbar_symbols(images: list[Image.Image], symbology: str) -> list[list[str]]:
    import subprocess
    import tempfile
    import xml.etree.ElementTree as ElementTree
    from pathlib import Path

    namespace = "{http://zbar.sourceforge.net/2008/barcode}"
    with tempfile.TemporaryDirectory() as folder:
        paths = []
        for index, image in enumerate(images):
            paths.append(Path(folder) / f"{index}.png")
            image.save(paths[-1])
        process = subprocess.run(
            ["zbarimg", "--xml", "-q", "-Sdisable", f"-S{symbology}.enable", *paths], capture_output=True, text=True
        )
    assert process.returncode in (0, 4), process.stderr
    found = {str(path): [] for path in paths}
    for source in ElementTree.fromstring(process.stdout).iter(f"{namespace}source"):
        found[source.get("href")] = [data.text for data in source.iter(f"{namespace}data") if data.text]
    return [found[str(path)] for path in paths]
