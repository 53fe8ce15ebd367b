"""Scanner output: the AIM symbology identifier removed and a GS1 element string reduced to its GTIN."""

import re

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

# FNC1 inside the data, as scanners transmit it (ISO/IEC 15417 and GS1 General Specifications 7.8.5).
GROUP_SEPARATOR = "\x1d"
# ISO/IEC 15424: "]", the symbology character and a modifier character, before the data.
_SYMBOLOGY_IDENTIFIER = re.compile(r"\][A-Za-z][0-9A-Za-z]")
# Symbologies whose data is a GS1 element string: GS1-128, GS1 DataBar, GS1 DataMatrix, GS1 QR Code, GS1 DotCode.
GS1_SYMBOLOGIES = frozenset({"]C1", "]e0", "]d2", "]Q3", "]J1"})
# EAN-13 or UPC with a 2- or 5-digit add-on (ISO/IEC 15420): the GTIN is the first 13 digits.
_EAN_WITH_ADD_ON = "]E3"
_EAN_13_LENGTH = 13
_ADD_ON_LENGTHS = (2, 5)
# Element strings whose AI starts with these two digits have a predefined length (AI included) and are never
# followed by FNC1; every other one runs to the next FNC1 or to the end (GS1 General Specifications 7.8.5).
_PREDEFINED_LENGTHS = {
    "00": 20,
    "01": 16,
    "02": 16,
    "03": 16,
    "04": 18,
    **{str(first): 8 for first in range(11, 20)},
    "20": 4,
    **{str(first): 10 for first in range(31, 37)},
    "41": 16,
}
GTIN_AI = "01"
_GTIN_ELEMENT_LENGTH = _PREDEFINED_LENGTHS[GTIN_AI]
# The human-readable form: "(01)04006381333931(10)ABC", spaces allowed around the data.
_BRACKETED_ELEMENT = re.compile(r"\((\d{2,4})\)([^(]*)")
_BRACKETED_START = re.compile(r"\(\d{2,4}\)")
_ASCII_DIGITS = re.compile(r"[0-9]+", re.ASCII)


def read_scanner_output(raw: str) -> str:
    """What scanned or typed input holds as a code; ValidationError when a GS1 element string holds no GTIN.

    A symbology identifier (``]E0``, ``]C1``, ``]Q3`` …) is removed. A GS1 element string, bracketed
    (``(01)…``) or as a scanner sends it (``01…``, with FNC1 as the group separator), is reduced to the
    digits of its GTIN (AI 01), whatever follows it. Anything else comes back as it was.
    """
    text = (raw or "").strip()
    symbology = None
    if _SYMBOLOGY_IDENTIFIER.match(text):
        symbology, text = text[:3], text[3:].strip()
    if symbology in GS1_SYMBOLOGIES:
        return _element_string_gtin(text)
    if symbology == _EAN_WITH_ADD_ON:
        return _without_add_on(text)
    if symbology is None and is_element_string(text):
        return _bracketed_gtin(text) if text.startswith("(") else _element_string_gtin(text)
    return text


def is_element_string(text: str) -> bool:
    """Whether input without a symbology identifier is a GS1 element string rather than a bare number or code.

    A GTIN has at most 14 digits, so 16 or more characters starting with 01 and 14 digits are AI 01 and its GTIN.
    """
    if _BRACKETED_START.match(text) or GROUP_SEPARATOR in text:
        return True
    gtin = text[len(GTIN_AI) : _GTIN_ELEMENT_LENGTH]
    return text.startswith(GTIN_AI) and len(text) >= _GTIN_ELEMENT_LENGTH and _is_ascii_digits(gtin)


def _is_ascii_digits(text: str) -> bool:
    return bool(_ASCII_DIGITS.fullmatch(text))


def _no_gtin_error() -> ValidationError:
    return ValidationError(
        _("This GS1 barcode holds no GTIN: it has no application identifier (01) followed by 14 digits."),
        code="element_string_without_gtin",
    )


def _element_string_gtin(data: str) -> str:
    """The 14 digits after AI 01 in an element string as a scanner sends it, FNC1 between variable-length ones."""
    position = 0
    while position < len(data):
        if data[position] == GROUP_SEPARATOR:
            position += 1
            continue
        length = _PREDEFINED_LENGTHS.get(data[position : position + 2])
        if length is None:
            end = data.find(GROUP_SEPARATOR, position)
            position = len(data) if end < 0 else end
            continue
        if data.startswith(GTIN_AI, position):
            gtin = data[position + len(GTIN_AI) : position + length]
            if len(gtin) == length - len(GTIN_AI) and _is_ascii_digits(gtin):
                return gtin
            raise _no_gtin_error()
        position += length
    raise _no_gtin_error()


def _bracketed_gtin(text: str) -> str:
    """What follows (01) in the human-readable form, for normalise_gtin() to check (typists drop leading zeros)."""
    for ai, value in _BRACKETED_ELEMENT.findall(text):
        if ai == GTIN_AI:
            return value.strip()
    raise _no_gtin_error()


def _without_add_on(data: str) -> str:
    if _is_ascii_digits(data) and len(data) - _EAN_13_LENGTH in _ADD_ON_LENGTHS:
        return data[:_EAN_13_LENGTH]
    return data
