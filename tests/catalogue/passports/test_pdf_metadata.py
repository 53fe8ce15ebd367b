"""Every printed PDF says what it is: title, author (the maker), subject, creation date, /Lang, XMP, window title."""

import io
from datetime import UTC, datetime

import pypdf
import pytest
from pypdf.generic import BooleanObject

from catalogue.passports.pdf.document import render_passports
from catalogue.passports.pdf.labels import render_labels
from catalogue.passports.pdf.shelf import render_shelf_passports
from tests.catalogue.passports.conftest import PUBLISHED_AT
from tests.catalogue.passports.pdf_helpers import pdf_text

pytestmark = pytest.mark.django_db

RENDERERS = {
    "shelf": (render_shelf_passports, {"de": "Produktpass fürs Regal", "en": "Shelf passport"}),
    "detailed": (render_passports, {"de": "Produktpass, ausführlich", "en": "Detailed passport"}),
    "labels": (render_labels, {"de": "Regaletiketten", "en": "Shelf labels"}),
}


@pytest.mark.parametrize("language", ["de", "en"])
@pytest.mark.parametrize("kind", sorted(RENDERERS))
def test_metadata_of_one_passport(built_samples, kind, language):
    render, subjects = RENDERERS[kind]
    snapshot = built_samples["complete"]
    reader = pypdf.PdfReader(io.BytesIO(render([snapshot], language)))
    info = reader.metadata
    name = snapshot["product"]["name"]
    assert info.title == f"{name} · {subjects[language]}"
    assert info.author == snapshot["maker"]["name"]
    assert info.subject == subjects[language]
    assert info.creation_date.replace(tzinfo=UTC) == PUBLISHED_AT
    root = reader.trailer["/Root"]
    assert root["/Lang"] == language
    assert root["/ViewerPreferences"]["/DisplayDocTitle"] == BooleanObject(True)
    xmp = reader.xmp_metadata
    assert xmp.dc_title == {"x-default": info.title, language: info.title}
    assert xmp.dc_creator == [snapshot["maker"]["name"]]
    assert xmp.dc_language == [language]
    assert xmp.xmp_create_date.replace(tzinfo=UTC) == PUBLISHED_AT


def test_a_batch_is_titled_by_its_kind_and_count_and_dated_by_its_newest_version(built_samples):
    snapshots = built_samples["numbered"][:3]
    reader = pypdf.PdfReader(io.BytesIO(render_shelf_passports(snapshots, "en")))
    assert reader.metadata.title == "Shelf passport · 3 products"
    newest = max(datetime.fromisoformat(snapshot["published_at"]) for snapshot in snapshots)
    assert reader.metadata.creation_date.replace(tzinfo=UTC) == newest


def test_the_same_version_renders_the_same_bytes(built_samples):
    """The creation date is the publication time, not the rendering time: a cached PDF equals a fresh one."""
    snapshot = built_samples["complete"]
    assert render_shelf_passports([snapshot], "de") == render_shelf_passports([snapshot], "de")


@pytest.mark.parametrize("kind", ["shelf", "detailed"])
def test_printed_passports_link_the_accessible_html_passport(built_samples, kind):
    render, _subjects = RENDERERS[kind]
    snapshot = built_samples["complete"]
    assert f"Barrierefreie Fassung dieses Passes: {snapshot['urls']['passport']}" in pdf_text(render([snapshot], "de"))
    assert f"Accessible version of this passport: {snapshot['urls']['passport']}" in pdf_text(render([snapshot], "en"))


def test_labels_link_the_online_passport_in_their_metadata_and_qr_annotation(built_samples):
    snapshot = built_samples["complete"]
    reader = pypdf.PdfReader(io.BytesIO(render_labels([snapshot], "de")))
    assert reader.metadata["/Keywords"] == snapshot["urls"]["passport"]
    links = [annotation.get_object()["/A"]["/URI"] for annotation in reader.pages[0]["/Annots"]]
    assert snapshot["urls"]["qr"] in links


def test_the_detailed_passport_links_the_verify_page_of_its_version(built_samples):
    snapshot = built_samples["complete"]
    base = snapshot["urls"]["passport"].rsplit("/p/", 1)[0]
    code, version = snapshot["product"]["passport_code"], snapshot["version"]
    text = " ".join(pdf_text(RENDERERS["detailed"][0]([snapshot], "en")).split())
    assert f"Check that this version is authentic and current: {base}/verify/?code={code}&version={version}" in text
