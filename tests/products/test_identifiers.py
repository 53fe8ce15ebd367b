"""GTIN normalisation and the passport code."""

import pytest
from django.core.exceptions import ValidationError

from products.identifiers import (
    GtinKind,
    classify_gtin,
    format_passport_code,
    generate_passport_code,
    gs1_check_digit,
    gtin_warning,
    normalise_gtin,
    normalise_passport_code,
    passport_check_character,
)


def with_check_digit(data: str) -> str:
    return data + str(gs1_check_digit(data))


@pytest.mark.parametrize(
    ("raw", "expected"),
    [
        ("4006381333931", "04006381333931"),  # EAN-13
        ("400-6381-333931", "04006381333931"),  # hyphens
        (" 4006381 333931 ", "04006381333931"),  # spaces
        ("96385074", "00000096385074"),  # GTIN-8
        ("036000291452", "00036000291452"),  # UPC-A / GTIN-12
        ("10012345678902", "10012345678902"),  # GTIN-14
    ],
)
def test_valid_gtins_are_normalised_to_14_digits(raw, expected):
    assert normalise_gtin(raw) == expected


@pytest.mark.parametrize(
    ("raw", "expected_digit", "given"),
    [("4006381333932", 1, "2"), ("96385073", 4, "3"), ("036000291453", 2, "3"), ("10012345678903", 2, "3")],
)
def test_bad_check_digit_names_the_expected_digit(raw, expected_digit, given):
    with pytest.raises(ValidationError) as info:
        normalise_gtin(raw)
    assert info.value.code == "gtin_check_digit"
    assert f"should be {expected_digit}, not {given}" in info.value.messages[0]


@pytest.mark.parametrize("raw", ["1234567", "123456789", "12345678901", "123456789012345"])
def test_wrong_length_is_rejected(raw):
    with pytest.raises(ValidationError) as info:
        normalise_gtin(raw)
    assert info.value.code == "gtin_length"
    assert str(len(raw)) in info.value.messages[0]


def test_letters_are_rejected():
    with pytest.raises(ValidationError) as info:
        normalise_gtin("40063813339A1")
    assert info.value.code == "gtin_not_digits"


@pytest.mark.parametrize(
    ("raw", "named"),
    [
        ("400638133393²", "“²” (U+00B2)"),  # isdigit() holds, int() fails: a ValueError before
        ("٤٠٠٦٣٨١٣٣٣٩٣١", "“٤” (U+0664)"),  # Arabic-Indic: isdigit() and int() both work, so it was stored
        ("４００６３８１３３３９３１", "“４” (U+FF14)"),  # fullwidth
        ("9638507४", "“४” (U+096A)"),  # Devanagari four in a GTIN-8
    ],
)
def test_only_the_digits_0_to_9_are_digits(raw, named):
    with pytest.raises(ValidationError) as info:
        normalise_gtin(raw)
    assert info.value.code == "gtin_not_digits"
    assert info.value.messages == [
        f"A GTIN should contain only the digits 0 to 9 (spaces and hyphens are allowed), not {named}."
    ]


# The GS1 prefix is read from the GTIN-13 form: a GTIN-12 is "0" and its digits, a GTIN-14's indicator comes first.
@pytest.mark.parametrize(
    ("data", "kind"),
    [
        ("020000000000", GtinKind.RESTRICTED_CIRCULATION),  # 02: within a geographic region
        ("029999999999", GtinKind.RESTRICTED_CIRCULATION),
        ("040000000000", GtinKind.RESTRICTED_CIRCULATION),  # 04: within a company
        ("049999999999", GtinKind.RESTRICTED_CIRCULATION),
        ("200000000000", GtinKind.RESTRICTED_CIRCULATION),  # 20-29: within a geographic region
        ("212345678901", GtinKind.RESTRICTED_CIRCULATION),
        ("299999999999", GtinKind.RESTRICTED_CIRCULATION),
        ("21234567890", GtinKind.RESTRICTED_CIRCULATION),  # GTIN-12 beginning with 2: the GTIN-13 form is 02…
        ("41234567890", GtinKind.RESTRICTED_CIRCULATION),  # GTIN-12 beginning with 4: 04…
        ("0123456", GtinKind.RESTRICTED_CIRCULATION),  # GTIN-8 beginning with 0
        ("0000000", GtinKind.RESTRICTED_CIRCULATION),
        ("2123456", GtinKind.RESTRICTED_CIRCULATION),  # GTIN-8 beginning with 2
        ("1020000000000", GtinKind.RESTRICTED_CIRCULATION),  # a GTIN-14 around a restricted number
        ("050000000000", GtinKind.COUPON),  # 05: GS1 US coupons
        ("51234567890", GtinKind.COUPON),  # GTIN-12 beginning with 5
        ("981000000000", GtinKind.COUPON),  # 981-984: coupons in common currency areas
        ("984999999999", GtinKind.COUPON),
        ("990000000000", GtinKind.COUPON),  # 99: coupons
        ("999999999999", GtinKind.COUPON),
        ("980000000000", GtinKind.REFUND_RECEIPT),  # 980: refund receipts
        ("978300000000", GtinKind.ISBN),  # Bookland
        ("979100000000", GtinKind.ISBN),
        ("979000000000", GtinKind.ISMN),  # 979-0: printed music
        ("977123456700", GtinKind.ISSN),  # serial publications
        ("400638133393", GtinKind.TRADE_ITEM),  # GS1 Germany
        ("003600029145", GtinKind.TRADE_ITEM),  # GS1 US (a UPC-A beginning with 0)
        ("03600029145", GtinKind.TRADE_ITEM),  # the same as a GTIN-12
        ("010000000000", GtinKind.TRADE_ITEM),  # 01: GS1 US, next to the restricted 02
        ("030000000000", GtinKind.TRADE_ITEM),  # 03: GS1 US
        ("060000000000", GtinKind.TRADE_ITEM),  # 06: GS1 US
        ("190000000000", GtinKind.TRADE_ITEM),  # below 20
        ("300000000000", GtinKind.TRADE_ITEM),  # above 29 (GS1 France)
        ("976000000000", GtinKind.TRADE_ITEM),  # below 977
        ("985000000000", GtinKind.TRADE_ITEM),  # 985-989: not coupons
        ("9638507", GtinKind.TRADE_ITEM),  # GTIN-8 beginning with 9
        ("1963850", GtinKind.TRADE_ITEM),  # GTIN-8 beginning with 1
        ("3400638133393", GtinKind.TRADE_ITEM),  # a GTIN-14 with indicator 3: the prefix follows it
    ],
)
def test_gtins_are_classified_by_their_gs1_prefix(data, kind):
    assert classify_gtin(with_check_digit(data).zfill(14)) == kind


@pytest.mark.parametrize(
    ("data", "code", "what"),
    [
        ("200000000000", "gtin_restricted_circulation", "a store-internal number (restricted circulation)"),
        ("0123456", "gtin_restricted_circulation", "a store-internal number (restricted circulation)"),
        ("21234567890", "gtin_restricted_circulation", "a store-internal number (restricted circulation)"),
        ("050000000000", "gtin_coupon", "a coupon"),
        ("982000000000", "gtin_coupon", "a coupon"),
        ("993000000000", "gtin_coupon", "a coupon"),
        ("980000000000", "gtin_refund_receipt", "a refund receipt"),
    ],
)
def test_numbers_that_identify_no_product_are_refused_saying_what_they_are(data, code, what):
    with pytest.raises(ValidationError) as info:
        normalise_gtin(with_check_digit(data))
    assert info.value.code == code
    [message] = info.value.messages
    assert message.startswith(f"This number is {what}, not a product's GTIN: GS1 ")


@pytest.mark.parametrize(
    ("data", "named"),
    [
        ("978300000000", "a book's ISBN (Bookland, 978 or 979)"),
        ("979100000000", "a book's ISBN (Bookland, 978 or 979)"),
        ("979000000000", "printed music's ISMN (979-0)"),
        ("977123456700", "a periodical's ISSN (977)"),
    ],
)
def test_book_music_and_periodical_numbers_are_accepted_with_a_warning(data, named):
    gtin = with_check_digit(data)
    assert normalise_gtin(gtin) == "0" + gtin
    assert gtin_warning("0" + gtin) == (
        f"The GTIN {gtin} is {named}. Products other than books, music and periodicals get their GTIN from a GS1 "
        "company prefix: check that this is the product's own number."
    )


@pytest.mark.parametrize("gtin", ["04006381333931", "00000096385074", None, ""])
def test_ordinary_gtins_get_no_warning(gtin):
    assert gtin_warning(gtin) is None


def test_check_digit_of_known_ean():
    assert gs1_check_digit("400638133393") == 1


def test_generated_code_round_trips_through_display_form():
    for _ in range(200):
        code = generate_passport_code()
        assert len(code) == 8
        assert normalise_passport_code(format_passport_code(code)) == code
        assert normalise_passport_code(format_passport_code(code).lower()) == code


def test_confusable_characters_are_tolerated():
    data = "K0Q1X2M"
    code = data + passport_check_character(data)
    typed = code.replace("0", "o").replace("1", "l", 1).lower()
    assert normalise_passport_code(f"{typed[:4]} - {typed[4:]}") == code
    assert normalise_passport_code(code.replace("1", "I")) == code


def test_every_single_character_typo_is_detected():
    code = "7M3QX2K" + passport_check_character("7M3QX2K")
    from products.identifiers import PASSPORT_ALPHABET

    for position in range(len(code)):
        for char in PASSPORT_ALPHABET:
            if char == code[position]:
                continue
            typo = code[:position] + char + code[position + 1 :]
            with pytest.raises(ValidationError):
                normalise_passport_code(typo)


def test_adjacent_swaps_are_detected():
    code = "7M3QX2K" + passport_check_character("7M3QX2K")
    for position in range(len(code) - 1):
        if code[position] == code[position + 1]:
            continue
        swapped = code[:position] + code[position + 1] + code[position] + code[position + 2 :]
        with pytest.raises(ValidationError):
            normalise_passport_code(swapped)


def test_wrong_length_code_explains():
    with pytest.raises(ValidationError) as info:
        normalise_passport_code("ABC")
    assert "8" in info.value.messages[0]
