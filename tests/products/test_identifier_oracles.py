"""GTINs against outside oracles: python-stdnum for check digits and normal forms, biip for GS1 prefixes."""

import pytest
from biip.gs1_prefixes import GS1Prefix, GS18Prefix
from django.core.exceptions import ValidationError
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from stdnum import ean
from stdnum.exceptions import InvalidChecksum
from stdnum.exceptions import ValidationError as StdnumValidationError

from products.identifiers import REFUSED_KINDS, GtinKind, classify_gtin, gtin_digits, normalise_gtin

PROPERTY_SETTINGS = settings(max_examples=500, deadline=None, suppress_health_check=[HealthCheck.too_slow])
LENGTHS = (8, 12, 13, 14)


def digit_strings(length: int):
    return st.text(alphabet="0123456789", min_size=length, max_size=length)


any_length_digits = st.sampled_from(LENGTHS).flatmap(digit_strings)
# Valid ones are a tenth of random strings: the oracle computes their check digit, not the code under test.
oracle_valid_gtins = st.sampled_from(LENGTHS).flatmap(
    lambda length: digit_strings(length - 1).map(lambda data: data + ean.calc_check_digit(data))
)


def with_separators(draw_from, value: str) -> str:
    """``value`` with spaces and hyphens between its digits, as people type them."""
    separators = draw_from(
        st.lists(st.sampled_from(["", "", " ", "-", " - "]), min_size=len(value), max_size=len(value))
    )
    return "".join(digit + separator for digit, separator in zip(value, separators, strict=True)).strip(" -")


def stdnum_verdict(value: str) -> str:
    try:
        ean.validate(value)
    except InvalidChecksum:
        return "check_digit"
    except StdnumValidationError:
        return "other"
    return "valid"


def our_syntax_verdict(value: str) -> str:
    try:
        gtin_digits(value)
    except ValidationError as error:
        return "check_digit" if error.code == "gtin_check_digit" else "other"
    return "valid"


@PROPERTY_SETTINGS
@given(st.one_of(any_length_digits, oracle_valid_gtins))
@example("4006381333931")
@example("4006381333932")
def test_the_check_digit_verdict_is_stdnums(value):
    assert our_syntax_verdict(value) == stdnum_verdict(value)


@PROPERTY_SETTINGS
@given(st.data(), st.one_of(any_length_digits, oracle_valid_gtins))
def test_separators_change_nothing_in_the_verdict(data, value):
    typed = with_separators(data.draw, value)
    assert our_syntax_verdict(typed) == stdnum_verdict(ean.compact(typed)) == stdnum_verdict(value)


@PROPERTY_SETTINGS
@given(st.data(), oracle_valid_gtins)
def test_a_valid_gtin_is_stdnums_compact_form_padded_to_14_digits(data, value):
    typed = with_separators(data.draw, value)
    expected = ean.validate(typed).zfill(14)
    try:
        gtin = normalise_gtin(typed)
    except ValidationError as error:
        # Refused only for what its prefix says it is, never for its syntax.
        assert classify_gtin(expected) in REFUSED_KINDS
        assert error.code == f"gtin_{classify_gtin(expected)}"
    else:
        assert gtin == expected
        assert classify_gtin(gtin) not in REFUSED_KINDS


# Digits of other scripts (Arabic-Indic, fullwidth, Devanagari, …) and superscripts, which str.isdigit() accepts.
foreign_digits = st.one_of(
    st.characters(categories=["Nd"]).filter(lambda char: char not in "0123456789"),
    st.sampled_from("¹²³⁴₀₉①"),
)


@PROPERTY_SETTINGS
@given(oracle_valid_gtins, st.integers(min_value=0, max_value=13), foreign_digits)
@example("4006381333931", 12, "²")
def test_a_digit_other_than_0_to_9_never_passes(value, position, foreign):
    position %= len(value)
    typed = value[:position] + foreign + value[position + 1 :]
    with pytest.raises(ValidationError) as info:
        normalise_gtin(typed)
    assert info.value.code == "gtin_not_digits"
    assert f"“{foreign}”" in info.value.messages[0]


@PROPERTY_SETTINGS
@given(st.text(max_size=30))
@example("٤٠٠٦٣٨١٣٣٣٩٣١")
@example("４００６３８１３３３９３１")
def test_any_text_gives_a_gtin_or_a_validation_error(text):
    try:
        gtin = normalise_gtin(text)
    except ValidationError as error:
        assert error.code.startswith("gtin_")
        assert error.messages
    else:
        assert len(gtin) == 14 and set(gtin) <= set("0123456789")
        assert ean.is_valid(gtin)


def biip_kind(gtin14: str) -> GtinKind:
    """The kind GS1's prefix list (as biip ships it) gives the GTIN-13 form, a GTIN-8 read by its GS1-8 prefix."""
    body = gtin14[1:]
    usage = GS1Prefix.extract(body).usage if GS1Prefix.extract(body) else ""
    if usage == "Unused to avoid collision with GTIN-8":
        prefix = GS18Prefix.extract(body[5:])
        usage = prefix.usage if prefix else ""
    if "Restricted Circulation Numbers" in usage:
        return GtinKind.RESTRICTED_CIRCULATION
    # 050-059 were GS1 US coupons (UPC number system 5) and are now "reserved for future use"; 984 is the
    # newest coupon range of the General Specifications, not yet in biip's list.
    if "coupon" in usage or usage == "GS1 US reserved for future use" or body.startswith("984"):
        return GtinKind.COUPON
    if usage == "Refund receipts":
        return GtinKind.REFUND_RECEIPT
    if usage == "Serial publications (ISSN)":
        return GtinKind.ISSN
    if usage == "Bookland (ISBN)":
        return GtinKind.ISMN if body.startswith("9790") else GtinKind.ISBN
    return GtinKind.TRADE_ITEM


# Every GS1 prefix region at the same odds: the first three digits of the GTIN-13 form are drawn uniformly.
gtin13_forms = st.tuples(st.integers(min_value=0, max_value=999), digit_strings(9)).map(
    lambda parts: f"{parts[0]:03d}{parts[1]}" + ean.calc_check_digit(f"{parts[0]:03d}{parts[1]}")
)
gtin8s = digit_strings(7).map(lambda data: data + ean.calc_check_digit(data))


@PROPERTY_SETTINGS
@given(st.one_of(gtin13_forms, gtin8s, gtin13_forms.map(lambda gtin: "00000" + gtin[5:])))
@example("0000000000000")
@example("2000000000008")
@example("9790000000001")
def test_the_kind_is_what_gs1s_prefix_list_says(gtin):
    gtin14 = gtin.zfill(14)
    assert classify_gtin(gtin14) == biip_kind(gtin14)
