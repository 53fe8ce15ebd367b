"""Product identifiers: GS1 GTINs and the typable, self-checking passport code."""

import enum
import re
import secrets

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

GTIN_LENGTHS = (8, 12, 13, 14)
_GTIN_SEPARATORS = re.compile(r"[\s\-]")
# str.isdigit() also holds for "²", "٤" or "４"; a GTIN is written in the digits 0-9 only.
ASCII_DIGITS = frozenset("0123456789")


def gs1_check_digit(digits_without_check: str) -> int:
    """GS1 mod-10 check digit: weights 3,1,3,… from the rightmost data digit."""
    total = sum(
        int(digit) * (3 if position % 2 == 0 else 1) for position, digit in enumerate(reversed(digits_without_check))
    )
    return (10 - total % 10) % 10


class GtinKind(enum.StrEnum):
    """What a well-formed GTIN number is, read from its GS1 prefix (GS1 General Specifications, 1.4.2 and 1.4.3)."""

    TRADE_ITEM = "trade_item"
    RESTRICTED_CIRCULATION = "restricted_circulation"
    COUPON = "coupon"
    REFUND_RECEIPT = "refund_receipt"
    ISBN = "isbn"
    ISMN = "ismn"
    ISSN = "issn"


# GS1 prefixes of the GTIN-13 form (a GTIN-12 is "0" and its 12 digits; a GTIN-14's indicator digit comes first).
# Longest prefix first; everything else is a trade item's GTIN.
_PREFIX_KINDS = (
    ("9790", GtinKind.ISMN),
    ("02", GtinKind.RESTRICTED_CIRCULATION),  # within a geographic region (GTIN-12: 2)
    ("04", GtinKind.RESTRICTED_CIRCULATION),  # within a company (GTIN-12: 4)
    ("2", GtinKind.RESTRICTED_CIRCULATION),  # 20-29, within a geographic region
    ("05", GtinKind.COUPON),  # GS1 US coupons (GTIN-12: 5), now reserved; never a product
    ("977", GtinKind.ISSN),
    ("978", GtinKind.ISBN),
    ("979", GtinKind.ISBN),
    ("980", GtinKind.REFUND_RECEIPT),
    ("981", GtinKind.COUPON),  # 981-984: coupons in common currency areas
    ("982", GtinKind.COUPON),
    ("983", GtinKind.COUPON),
    ("984", GtinKind.COUPON),
    ("99", GtinKind.COUPON),
)
# A GTIN-8 in its 13-digit form starts with five zeros (GS1 keeps 0000001-0000099 free for it).
_GTIN8_PADDING = "00000"
# GS1-8 prefixes 000-099 and 200-299: restricted circulation within a company (RCN-8).
_GTIN8_RESTRICTED_FIRST_DIGITS = ("0", "2")

REFUSED_KINDS = frozenset({GtinKind.RESTRICTED_CIRCULATION, GtinKind.COUPON, GtinKind.REFUND_RECEIPT})
WARNED_KINDS = frozenset({GtinKind.ISBN, GtinKind.ISMN, GtinKind.ISSN})


def classify_gtin(gtin14: str) -> GtinKind:
    """What a normalised (14-digit, check digit valid) GTIN is, by its GS1 prefix."""
    body = gtin14[1:]  # the GTIN-13 form: the indicator digit of a GTIN-14 is no part of the prefix
    if body.startswith(_GTIN8_PADDING):
        gtin8 = body[len(_GTIN8_PADDING) :]
        if gtin8.startswith(_GTIN8_RESTRICTED_FIRST_DIGITS):
            return GtinKind.RESTRICTED_CIRCULATION
        return GtinKind.TRADE_ITEM
    for prefix, kind in _PREFIX_KINDS:
        if body.startswith(prefix):
            return kind
    return GtinKind.TRADE_ITEM


def _refusal(kind: GtinKind) -> str:
    if kind == GtinKind.RESTRICTED_CIRCULATION:
        return _(
            "This number is a store-internal number (restricted circulation), not a product's GTIN: GS1 leaves "
            "numbers beginning with 02, 04 or 20 to 29 (GTIN-12: 2 or 4; GTIN-8: 0 or 2) to shops and companies "
            "for their own use."
        )
    if kind == GtinKind.COUPON:
        return _(
            "This number is a coupon, not a product's GTIN: GS1 keeps numbers beginning with 05, 981 to 984 or 99 "
            "(GTIN-12: 5) for coupons."
        )
    return _(
        "This number is a refund receipt, not a product's GTIN: GS1 keeps numbers beginning with 980 for refund "
        "receipts."
    )


def gtin_warning(gtin14: str | None) -> str | None:
    """A note for the maker when a valid GTIN is a book's, sheet music's or a periodical's number, else None."""
    if not gtin14:
        return None
    kind = classify_gtin(gtin14)
    if kind not in WARNED_KINDS:
        return None
    what = {
        GtinKind.ISBN: _("a book's ISBN (Bookland, 978 or 979)"),
        GtinKind.ISMN: _("printed music's ISMN (979-0)"),
        GtinKind.ISSN: _("a periodical's ISSN (977)"),
    }[kind]
    return _(
        "The GTIN %(gtin)s is %(what)s. Products other than books, music and periodicals get their GTIN from "
        "a GS1 company prefix: check that this is the product's own number."
    ) % {"gtin": gtin13_for_barcode(gtin14) or gtin14, "what": what}


def _character_name(char: str) -> str:
    # The code point tells a fullwidth "４" from a "4" that looks the same.
    return f"“{char}” (U+{ord(char):04X})"


def gtin_digits(raw: str) -> str:
    """The digits of a well-formed GTIN as given (8, 12, 13 or 14), or ValidationError naming what is wrong.

    Only the syntax: ASCII digits, length and check digit. Spaces and hyphens are tolerated.
    """
    value = _GTIN_SEPARATORS.sub("", raw or "")
    foreign = next((char for char in value if char not in ASCII_DIGITS), None)
    if foreign is not None:
        raise ValidationError(
            _("A GTIN should contain only the digits 0 to 9 (spaces and hyphens are allowed), not %(char)s.")
            % {"char": _character_name(foreign)},
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
    return value


def normalise_gtin(raw: str) -> str:
    """Return the GTIN as 14 digits, or raise ValidationError naming what is wrong.

    Spaces and hyphens are tolerated; GTIN-8, -12 (UPC-A), -13 (EAN) and -14 are accepted. Numbers that
    identify no product (restricted circulation, coupons, refund receipts) are refused, saying what they are.
    """
    gtin14 = gtin_digits(raw).zfill(14)
    kind = classify_gtin(gtin14)
    if kind in REFUSED_KINDS:
        raise ValidationError(_refusal(kind), code=f"gtin_{kind}")
    return gtin14


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
    """Whether typed input is meant as a GTIN: at least six digits, spaces and hyphens, and nothing else.

    Digits of any script count here ("٤", "４"), so that normalise_gtin() can explain that only 0-9 are allowed.
    """
    value = _GTIN_SEPARATORS.sub("", raw or "")
    return value.isdigit() and len(value) >= 6


# --- Economic-operator, facility and commodity identifiers (ESPR Annex III (d), (g)-(i); Reg. 2026/1778 Art. 8) ---

GLN_LENGTH = 13
# EORI: the issuing member state's ISO 3166 code, then up to 15 letters or digits (Reg. (EU) 2015/2446 Art. 7;
# the form and any check are national, so only the common syntax is checked). XI: Northern Ireland.
# fmt: off
EORI_COUNTRIES = frozenset((
    "AT", "BE", "BG", "CY", "CZ", "DE", "DK", "EE", "ES", "FI", "FR", "GR", "HR", "HU",
    "IE", "IT", "LT", "LU", "LV", "MT", "NL", "PL", "PT", "RO", "SE", "SI", "SK", "XI",
))
# fmt: on
_EORI = re.compile(r"^([A-Z]{2})([0-9A-Z]{1,15})$")
COMMODITY_CODE_LENGTHS = (8, 10)  # CN (8 digits) or TARIC (10 digits)


def normalise_gln(raw: str) -> str:
    """A GS1 Global Location Number: 13 digits with the GTIN check digit, or ValidationError saying what is wrong."""
    value = _GTIN_SEPARATORS.sub("", raw or "")
    foreign = next((char for char in value if char not in ASCII_DIGITS), None)
    if foreign is not None:
        raise ValidationError(
            _("A GLN should contain only the digits 0 to 9, not %(char)s.") % {"char": _character_name(foreign)},
            code="gln_not_digits",
        )
    if len(value) != GLN_LENGTH:
        raise ValidationError(
            _("A GLN should have 13 digits, not %(count)d.") % {"count": len(value)}, code="gln_length"
        )
    expected = gs1_check_digit(value[:-1])
    if int(value[-1]) != expected:
        raise ValidationError(
            _("GLN check digit should be %(expected)d, not %(given)s.") % {"expected": expected, "given": value[-1]},
            code="gln_check_digit",
        )
    return value


def normalise_eori(raw: str) -> str:
    """An EORI number in capitals without spaces, or ValidationError saying what is wrong."""
    value = re.sub(r"[\s\-]", "", raw or "").upper()
    match = _EORI.match(value)
    if not match:
        raise ValidationError(
            _(
                "An EORI number is the two-letter code of the issuing EU country followed by up to 15 letters or "
                "digits, for example DE1234567890123."
            ),
            code="eori_format",
        )
    if match.group(1) not in EORI_COUNTRIES:
        raise ValidationError(
            _("%(country)s is not an EU country that issues EORI numbers.") % {"country": match.group(1)},
            code="eori_country",
        )
    return value


def normalise_commodity_code(raw: str) -> str:
    """A Combined Nomenclature (8 digits) or TARIC (10 digits) code, or ValidationError saying what is wrong."""
    value = re.sub(r"[\s.]", "", raw or "")
    if not value.isascii() or not value.isdigit() or len(value) not in COMMODITY_CODE_LENGTHS:
        raise ValidationError(
            _("A commodity code has 8 (CN) or 10 (TARIC) digits, for example 8211 92 00 for kitchen knives."),
            code="commodity_code_format",
        )
    chapter = int(value[:2])
    if not 1 <= chapter <= 97 or chapter == 77:
        raise ValidationError(
            _("%(chapter)s is no chapter of the Combined Nomenclature (01 to 97, without 77).")
            % {"chapter": value[:2]},
            code="commodity_code_chapter",
        )
    return value
