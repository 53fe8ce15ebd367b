"""Operator, facility and commodity identifiers: validation (python-stdnum as the oracle), UPI, snapshot keys."""

import pytest
from django.core.exceptions import ValidationError
from hypothesis import given
from hypothesis import strategies as st
from stdnum import ean

from catalogue.dpp.identifiers import unique_product_identifier
from catalogue.passports.hashing import snapshot_hash
from products.identifiers import normalise_commodity_code, normalise_eori, normalise_gln
from products.models import Facility, MakerOrganisation
from tests import factories

from .conftest import SECRETS


@given(st.text(alphabet="0123456789", min_size=13, max_size=13))
def test_gln_check_digit_agrees_with_stdnum(digits):
    try:
        normalise_gln(digits)
        ours = True
    except ValidationError:
        ours = False
    assert ours == ean.is_valid(digits)


@pytest.mark.parametrize(
    ("raw", "code"),
    [("401234500000", "gln_length"), ("4012345000008", "gln_check_digit"), ("401234500000A", "gln_not_digits")],
)
def test_gln_errors_name_the_problem(raw, code):
    with pytest.raises(ValidationError) as error:
        normalise_gln(raw)
    assert error.value.code == code


def test_eori_is_normalised_and_checked():
    assert normalise_eori("de 1234567 890123") == "DE1234567890123"
    for raw, code in [("1234567", "eori_format"), ("DE" + "1" * 16, "eori_format"), ("US123456", "eori_country")]:
        with pytest.raises(ValidationError) as error:
            normalise_eori(raw)
        assert error.value.code == code


def test_commodity_codes_are_cn_or_taric():
    assert normalise_commodity_code("8211 92 00") == "82119200"
    assert normalise_commodity_code("8211920000") == "8211920000"
    for raw in ("821192", "821192001", "77000000", "00000000", "8211٩200"):
        with pytest.raises(ValidationError):
            normalise_commodity_code(raw)


@pytest.mark.django_db
def test_maker_identifiers_are_validated_and_unique():
    maker = factories.MakerOrganisationFactory(eori="de123456789", gln="4012345000009")
    maker.full_clean()
    assert (maker.eori, maker.operator_identifier) == ("DE123456789", {"scheme": "eori", "value": "DE123456789"})
    maker.save()
    twin = factories.MakerOrganisationFactory.build(eori="DE123456789")
    with pytest.raises(ValidationError) as error:
        twin.full_clean()
    assert "unique_maker_eori" in str(error.value) or "eori" in str(error.value.message_dict).lower()
    bad = factories.MakerOrganisationFactory.build(gln="4012345000008")
    with pytest.raises(ValidationError) as error:
        bad.full_clean()
    assert "gln" in error.value.message_dict
    assert MakerOrganisation(name="x", gln="4012345000009").operator_identifier == {
        "scheme": "gln",
        "value": "4012345000009",
    }


@pytest.mark.django_db
def test_facility_gln_is_validated(maker):
    with pytest.raises(ValidationError) as error:
        Facility(maker=maker, name="Schleiferei", gln="4012345000008").full_clean()
    assert "gln" in error.value.message_dict


@pytest.mark.django_db
def test_a_step_cannot_point_at_another_makers_facility(maker, other_maker):
    facility = Facility.objects.create(maker=other_maker, name="Fremd")
    step = factories.SupplyChainStepFactory.build(product=factories.ProductFactory(maker=maker), facility=facility)
    with pytest.raises(ValidationError) as error:
        step.full_clean()
    assert "facility" in error.value.message_dict


@pytest.mark.django_db
def test_product_code_overrides_the_inherited_category_code():
    parent = factories.CategoryFactory(commodity_code="82119200")
    child = factories.CategoryFactory(parent=parent)
    product = factories.ProductFactory(category=child)
    assert product.effective_commodity_code == "82119200"
    product.commodity_code = "8211 91 00"
    product.full_clean()
    assert product.effective_commodity_code == "82119100"


def test_upi_is_the_digital_link_with_a_gtin_else_the_passport_url(settings):
    settings.SITE_BASE_URL = "https://pass.example"
    assert unique_product_identifier(gtin="04012345678901", passport_code="K7QX2M9C") == {
        "scheme": "gs1_digital_link",
        "value": "https://pass.example/01/04012345678901",
    }
    assert unique_product_identifier(gtin=None, passport_code="K7QX2M9C") == {
        "scheme": "iec_61406",
        "value": "https://pass.example/p/K7QX2M9C",
    }


@pytest.mark.django_db
def test_snapshot_holds_the_identifiers(restricted, maker):
    version = restricted.passport_versions.get()
    identifiers = version.snapshot["identifiers"]
    assert identifiers["upi"]["scheme"] == ("gs1_digital_link" if restricted.gtin else "iec_61406")
    assert identifiers["facilities"] == [
        {"name": "Schmiede", "city": "Solingen", "postcode": "", "country": "DE", "gln": "4012345000009"}
    ]
    assert identifiers["granularity"] == "model"
    assert version.snapshot["predecessor"] is None
    assert version.content_hash == snapshot_hash(version.snapshot)


@pytest.mark.django_db
def test_public_snapshot_has_no_restricted_value_but_its_hash(restricted):
    version = restricted.passport_versions.get()
    text = str(version.snapshot)
    assert not [secret for secret in SECRETS if secret in text]
    assert version.restricted_part.content_hash == version.snapshot["restricted_part"]["sha256"]
    assert version.restricted_part.content["repairability"]["disassembly_notes"] == SECRETS[1]


@pytest.mark.django_db
def test_old_snapshot_without_the_new_keys_still_renders(client, restricted):
    from catalogue.models import PassportVersion

    version = restricted.passport_versions.get()
    old = {key: value for key, value in version.snapshot.items() if key not in ("identifiers", "predecessor")}
    PassportVersion.objects.filter(pk=version.pk).redact_snapshot(old)
    response = client.get(f"/p/{restricted.passport_code}")
    assert response.status_code == 200


@pytest.mark.django_db
def test_upi_in_snapshot_page_and_api_both_ways(client, maker, maker_user, settings):
    from .conftest import restricted_product

    with_gtin = restricted_product(maker, maker_user, gtin=factories.make_gtin13(7))
    without = restricted_product(maker, maker_user, gtin=None)
    for product, scheme, value in (
        (with_gtin, "gs1_digital_link", f"{settings.SITE_BASE_URL}/01/{with_gtin.gtin}"),
        (without, "iec_61406", f"{settings.SITE_BASE_URL}/p/{without.passport_code}"),
    ):
        upi = product.passport_versions.get().snapshot["identifiers"]["upi"]
        assert upi == {"scheme": scheme, "value": value}
        api = client.get(f"/api/v1/passports/{product.passport_code}/").json()
        assert api["passport"]["identifiers"]["upi"]["value"] == value
        html = client.get(f"/p/{product.passport_code}").content.decode()
        assert 'id="identifiers"' in html and value in html and "4012345000009" in html
