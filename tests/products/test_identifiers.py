"""GTIN normalisation and the passport code."""

import pytest
from django.core.exceptions import ValidationError

from products.identifiers import (
    format_passport_code,
    generate_passport_code,
    gs1_check_digit,
    normalise_gtin,
    normalise_passport_code,
    passport_check_character,
)


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
