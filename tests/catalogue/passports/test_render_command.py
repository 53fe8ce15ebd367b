"""The render_passports command: chosen or all published passports, as passports or labels."""

import pytest
from django.core.management import CommandError, call_command

from catalogue.passports.services import publish_product
from tests.catalogue.passports.pdf_helpers import page_count, pdf_text
from tests.factories import ProductFactory, published_product

pytestmark = pytest.mark.django_db


def test_without_codes_every_published_passport_is_rendered_in_its_current_version(tmp_path):
    first = published_product(name="Alpha Messer")
    second = published_product(name="Beta Schere")
    second.name = "Beta Schere Neu"
    second.save()
    publish_product(second)
    ProductFactory(name="Gamma Entwurf")
    out = tmp_path / "all.pdf"
    call_command("render_passports", "--out", str(out))
    text = pdf_text(out.read_bytes())
    assert first.name in text
    assert "Beta Schere Neu" in text
    assert "Gamma Entwurf" not in text
    assert page_count(out.read_bytes()) >= 2


def test_chosen_codes_as_labels_in_english(tmp_path, capsys):
    first = published_product(name="Alpha Messer")
    published_product(name="Beta Schere")
    out = tmp_path / "labels.pdf"
    call_command(
        "render_passports",
        first.passport_code_display.lower(),
        "--format",
        "labels",
        "--lang",
        "en",
        "--layout",
        "2x7",
        "--out",
        str(out),
    )
    content = out.read_bytes()
    assert page_count(content) == 1
    assert "Alpha Messer" in pdf_text(content)
    assert "Beta Schere" not in pdf_text(content)
    assert "Rendered 1 label (en)" in capsys.readouterr().out


def test_codes_may_be_gtins(tmp_path):
    product = published_product(name="Alpha Messer")
    out = tmp_path / "one.pdf"
    call_command("render_passports", product.gtin[1:], "--out", str(out))
    assert "Alpha Messer" in pdf_text(out.read_bytes())


def test_unknown_and_draft_codes_are_named(tmp_path):
    published = published_product()
    draft = ProductFactory()
    with pytest.raises(CommandError) as error:
        call_command("render_passports", published.passport_code, draft.passport_code, "--out", str(tmp_path / "x.pdf"))
    assert draft.passport_code in str(error.value)
    assert published.passport_code not in str(error.value)
    assert not (tmp_path / "x.pdf").exists()


def test_malformed_codes_are_named_with_the_reason(tmp_path):
    with pytest.raises(CommandError) as error:
        call_command("render_passports", "4006381333932", "--out", str(tmp_path / "x.pdf"))
    assert "4006381333932" in str(error.value)
    assert "check digit should be 1" in str(error.value)


def test_nothing_published_is_a_clear_error(tmp_path):
    ProductFactory()
    with pytest.raises(CommandError, match="no published passports"):
        call_command("render_passports", "--out", str(tmp_path / "x.pdf"))


def test_a_missing_output_folder_is_a_clear_error(tmp_path):
    published_product()
    with pytest.raises(CommandError, match="does not exist"):
        call_command("render_passports", "--out", str(tmp_path / "missing" / "x.pdf"))
