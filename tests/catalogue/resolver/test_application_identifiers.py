"""The resolver's table of GS1 data attributes, checked against GS1's published Barcode Syntax Dictionary."""

import re
from pathlib import Path

import pytest

from catalogue.resolver.application_identifiers import (
    ATTRIBUTE_FORMATS,
    PATH_ONLY,
    REQUIRES,
    InvalidAttribute,
    validate_attribute,
)

DICTIONARY = Path(__file__).parent / "fixtures" / "gs1-syntax-dictionary.txt"
_COMPONENT = re.compile(r"^\[?[NXYZ]")


def _dictionary() -> dict[str, dict]:
    """AI → {"flags", "format", "req"} for every AI of the dictionary (ranges expanded)."""
    entries = {}
    for line in DICTIONARY.read_text().splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        ais, *rest = line.split("#")[0].split()
        flags = rest.pop(0) if rest and not _COMPONENT.match(rest[0]) else ""
        components = [token for token in rest if _COMPONENT.match(token)]
        req = next((token[4:] for token in rest if token.startswith("req=")), "")
        first, _sep, last = ais.partition("-")
        for number in range(int(first), int(last or first) + 1):
            ai = str(number).zfill(len(first))
            entries[ai] = {"flags": flags, "format": " ".join(components), "req": req.split(",") if req else []}
    return entries


DICT = _dictionary()


@pytest.mark.parametrize("ai", sorted(ATTRIBUTE_FORMATS))
def test_every_attribute_has_the_dictionarys_format_and_may_be_a_digital_link_attribute(ai):
    entry = DICT[ai]
    assert "?" in entry["flags"], f"AI {ai} is not a Digital Link data attribute"
    assert ATTRIBUTE_FORMATS[ai] == entry["format"]
    assert not entry["req"] or any(group.split("+")[0] == "01" for group in entry["req"])


def test_every_attribute_of_a_gtin_in_the_dictionary_is_accepted():
    with_gtin = {
        ai
        for ai, entry in DICT.items()
        if "?" in entry["flags"] and any(group.split("+")[0] == "01" for group in entry["req"])
    }
    # 10 is a key qualifier (path only); 7020 needs AI 416, which a GTIN's Digital Link cannot carry;
    # 8030 (digital signature) is base64url data that this resolver does not check.
    assert with_gtin - set(ATTRIBUTE_FORMATS) == {"10", "7020", "8030"}


def test_pairings_follow_the_dictionary():
    for ai, patterns in REQUIRES.items():
        groups = [group.split("+") for group in DICT[ai]["req"] if group.startswith("01+")]
        assert sorted(patterns) == sorted(group[1] for group in groups)


def test_primary_keys_and_qualifiers_are_path_only():
    lines = [line for line in DICTIONARY.read_text().splitlines() if line.strip() and not line.startswith("#")]
    primary_keys = {line.split()[0] for line in lines if " dlpkey" in line}
    assert primary_keys <= PATH_ONLY
    assert {"22", "10", "21", "235"} <= PATH_ONLY


@pytest.mark.parametrize(
    ("ai", "value"),
    [("17", "280229"), ("17", "240229"), ("11", "261200"), ("7003", "2612312359"), ("8008", "26123123"), ("99", "x")],
)
def test_good_values(ai, value):
    validate_attribute(ai, value)


@pytest.mark.parametrize(
    ("ai", "value"),
    [
        ("17", "250229"),  # 2025 is no leap year
        ("17", "261301"),
        ("7003", "2612312460"),
        ("8008", "2612312"),
        ("3103", "00018"),
        ("3103", "00018٣"),  # an Arabic-Indic digit is not a digit here
        ("8001", "000012345012311"),  # a roll width of zero
        ("240", "Ä"),  # outside character set 82
    ],
)
def test_bad_values(ai, value):
    with pytest.raises(InvalidAttribute) as info:
        validate_attribute(ai, value)
    assert f"AI {ai}" in info.value.message
