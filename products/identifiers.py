"""Product identifiers: GS1 GTINs and the typable, self-checking passport code."""

import re
import secrets

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

GTIN_LENGTHS = (8, 12, 13, 14)
_GTIN_SEPARATORS = re.compile(r"[\s\-]")


def gs1_check_digit(digits_without_check: str) -> int:
    """GS1 mod-10 check digit: weights 3,1,3,… from the rightmost data digit."""
    total = sum(
        int(digit) * (3 if position % 2 == 0 else 1) for position, digit in enumerate(reversed(digits_without_check))
    )
    return (10 - total % 10) % 10


def normalise_gtin(raw: str) -> str:
    """Return the GTIN as 14 digits, or raise ValidationError naming what is wrong.

    Spaces and hyphens are tolerated; GTIN-8, -12 (UPC-A), -13 (EAN) and -14 are accepted.
    """
    value = _GTIN_SEPARATORS.sub("", raw or "")
    if not value.isdigit():
        raise ValidationError(
            _("A GTIN should contain only digits (spaces and hyphens are allowed)."),
            code="gtin_not_digits",
        )
    if len(value) not in GTIN_LENGTHS:
        raise ValidationError(
            _("A GTIN should have 8, 12, 13 or 14 digits, not %(count)d.") % {"count": len(value)},
            code="gtin_length",
        )
    expected = gs1_check_digit(value[:-1])
    if int(value[-1]) != expected:
        raise ValidationError(
            _("GTIN check digit should be %(expected)d, not %(given)s.") % {"expected": expected, "given": value[-1]},
            code="gtin_check_digit",
        )
    return value.zfill(14)


def gtin13_for_barcode(gtin14: str) -> str | None:
    """The EAN-13 printed for a 14-digit GTIN, when it has one (indicator digit 0)."""
    if gtin14 and len(gtin14) == 14 and gtin14.startswith("0"):
        return gtin14[1:]
    return None


# Crockford base32: no I, L, O or U, so that codes survive handwriting and reading aloud.
PASSPORT_ALPHABET = "0123456789ABCDEFGHJKMNPQRSTVWXYZ"
PASSPORT_DATA_LENGTH = 7
_CONFUSABLES = str.maketrans({"O": "0", "I": "1", "L": "1"})
_PASSPORT_SEPARATORS = re.compile(r"[\s\-_.]")


def passport_check_character(data: str) -> str:
    """Luhn mod-32 check character: catches every single typo and adjacent swap."""
    factor = 2
    total = 0
    for char in reversed(data):
        addend = factor * PASSPORT_ALPHABET.index(char)
        factor = 1 if factor == 2 else 2
        total += addend // 32 + addend % 32
    return PASSPORT_ALPHABET[(32 - total % 32) % 32]


def generate_passport_code() -> str:
    """A new random passport code in canonical form (8 characters, last one the check)."""
    data = "".join(secrets.choice(PASSPORT_ALPHABET) for _ in range(PASSPORT_DATA_LENGTH))
    return data + passport_check_character(data)


def format_passport_code(code: str) -> str:
    """Display form with a hyphen in the middle: ``K7QX-2M9C``."""
    return f"{code[:4]}-{code[4:]}"


def normalise_passport_code(raw: str) -> str:
    """Canonical form of a typed passport code, or ValidationError explaining the problem.

    Case, hyphens and spaces are ignored, and O/I/L are read as 0/1.
    """
    value = _PASSPORT_SEPARATORS.sub("", (raw or "").upper()).translate(_CONFUSABLES)
    length = PASSPORT_DATA_LENGTH + 1
    if len(value) != length:
        raise ValidationError(
            _("A passport code should have %(length)d characters, not %(count)d.")
            % {"length": length, "count": len(value)},
            code="passport_code_length",
        )
    invalid = sorted({char for char in value if char not in PASSPORT_ALPHABET})
    if invalid:
        raise ValidationError(
            _("A passport code cannot contain %(chars)s.") % {"chars": ", ".join(invalid)},
            code="passport_code_characters",
        )
    if passport_check_character(value[:-1]) != value[-1]:
        raise ValidationError(
            _("This passport code has a typo: its check character does not match."),
            code="passport_code_check",
        )
    return value


def looks_like_gtin(raw: str) -> bool:
    """Whether typed input is meant as a GTIN (digits, spaces and hyphens only)."""
    value = _GTIN_SEPARATORS.sub("", raw or "")
    return value.isdigit() and len(value) >= 6
