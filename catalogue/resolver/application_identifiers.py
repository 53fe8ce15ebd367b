"""GS1 Application Identifiers that may describe a GTIN in a Digital Link query string, and their checks.

The formats are written in the notation of GS1's Barcode Syntax Dictionary (``N6,yymmd0``: six digits, a
date whose day may be 00; ``X..30``: 1 to 30 characters of character set 82; ``[N2]``: optional).
tests/catalogue/resolver/test_application_identifiers.py compares every entry with the published dictionary.
"""

import calendar
import datetime
import re
from dataclasses import dataclass

from django.utils.translation import gettext as _

_DATE = "N6,yymmd0"
_COUNTRY = "N3,iso3166"
_COUNTRIES = "N3,iso3166 [N3],iso3166 [N3],iso3166 [N3],iso3166 [N3],iso3166"
_MEASURE = "N6"
# The attributes of a trade item (their "req" in the dictionary names AI 01), by AI.
ATTRIBUTE_FORMATS = {
    "11": _DATE,  # production date
    "13": _DATE,  # packaging date
    "15": _DATE,  # best before
    "16": _DATE,  # sell by
    "17": _DATE,  # expiry
    "20": "N2",  # internal product variant
    "240": "X..30",  # additional product identification
    "241": "X..30",  # customer part number
    "242": "N..6",  # made-to-order variation
    "243": "X..20",  # packaging component number
    "250": "X..30",  # secondary serial number (needs a serial)
    "251": "X..30",  # reference to source entity
    "30": "N..8",  # variable count
    "422": _COUNTRY,  # country of origin
    "423": _COUNTRIES,  # countries of initial processing
    "424": _COUNTRY,  # country of processing
    "425": _COUNTRIES,  # countries of disassembly
    "426": _COUNTRY,  # country of full process chain
    "7003": "N6,yymmdd N4,hhmi",  # expiry date and time
    "7006": "N6,yymmdd",  # first freeze date
    "427": "X..3",  # country subdivision of origin (needs 422)
    "7001": "N13",  # NATO stock number
    "7002": "X..30",  # meat cut
    "7004": "N..4",  # active potency (needs a batch)
    "7005": "X..12",  # catch area
    "7007": "N6,yymmdd [N6],yymmdd",  # harvest date (or range)
    "7008": "X..3",  # aquatic species
    "7009": "X..10",  # fishing gear
    "7010": "X..2",  # production method
    "7011": "N6,yymmdd [N4],hhmi",  # test-by date
    "7021": "X..20",  # functional status
    "7022": "X..20",  # revision status (needs 7021)
    **{f"703{n}": "N3,iso3166999 X..27" for n in range(10)},  # processors with ISO country code
    **{f"71{n}": "X..20" for n in range(8)},  # national healthcare reimbursement numbers
    **{f"723{n}": "X2 X..28" for n in range(10)},  # certification references
    "7240": "X..20",  # protocol ID
    "8001": "N4,nonzero N5,nonzero N3,nonzero N1,winding N1",  # roll dimensions
    "8005": "N6",  # price per unit of measure
    "8008": "N6,yymmdd N2,hh [N2],mi [N2],ss",  # production date and time
    "8009": "X..50",  # optically readable sensor indicator
    "8012": "X..20",  # software version
    "90": "X..30",  # information agreed between partners
    **{str(ai): "X..90" for ai in range(91, 100)},  # company internal information
    # Trade measures 3XXn: the fourth digit n (0-5) is the position of the decimal point.
    **{
        f"{prefix}{decimals}": _MEASURE
        for prefix in (
            *(str(p) for p in range(310, 317)),
            *(str(p) for p in range(320, 330)),
            *(str(p) for p in range(330, 338)),
            *(str(p) for p in range(340, 350)),
            *(str(p) for p in range(350, 358)),
            *(str(p) for p in range(360, 370)),
        )
        for decimals in range(6)
    },
    **{f"392{n}": "N..15" for n in range(10)},  # price (needs a variable quantity)
}
# AIs that need another AI beside the GTIN ("req=01+21" in the dictionary): any one of the patterns,
# in the path or the query, where "n" stands for any digit.
REQUIRES = {
    "250": ("21",),
    "427": ("422",),
    "7004": ("10",),
    "7022": ("7021",),
    **{f"392{n}": ("30", "31nn", "32nn", "35nn", "36nn") for n in range(10)},
}
# Identification keys and key qualifiers: a Digital Link carries them in the path, never in the query.
PATH_ONLY = frozenset(
    {"00", "01", "10", "21", "22", "235", "253", "255", "401", "402", "414", "415", "417", "8003", "8004", "8006"}
    | {"8010", "8013", "8017", "8018", "254", "7040"}
)

_CHARSET_82 = re.compile(r"^[!\"%&'()*+,\-./0-9:;<=>?A-Z_a-z]*$")
_COMPONENT = re.compile(r"^(\[)?([NX])(\d*)(?:\.\.(\d+))?(\])?((?:,[a-z0-9]+)*)$")
_FORMAT_NAMES = {"yymmd0": "YYMMDD", "yymmdd": "YYMMDD", "hhmi": "hhmm", "hh": "hh", "mi": "mm", "ss": "ss"}


class InvalidAttribute(ValueError):
    """Bad AI data in a Digital Link query string; ``message`` says what is expected."""

    def __init__(self, message: str, code: str):
        super().__init__(message)
        self.message = message
        self.code = code


@dataclass(frozen=True)
class Component:
    """One component of an AI's value: digits (N) or characters (X), its length and its checks."""

    kind: str
    min_length: int
    max_length: int
    checks: tuple[str, ...]
    optional: bool


def parse_format(text: str) -> tuple[Component, ...]:
    """``"N6,yymmdd [N2],mi"`` → its components (GS1 Barcode Syntax Dictionary notation)."""
    components = []
    for part in text.split():
        match = _COMPONENT.match(part)
        if match is None:
            raise ValueError(f"Not an AI format component: {part!r}")
        optional, kind, fixed, upto, _close, checks = match.groups()
        if upto:
            low, high = (int(fixed) if fixed else 1), int(upto)
        else:
            low = high = int(fixed)
        components.append(Component(kind, low, high, tuple(filter(None, checks.split(","))), bool(optional)))
    return tuple(components)


def _century_year(yy: int) -> int:
    """GS1 General Specifications 7.12: a two-digit year lies within 49 years back and 50 years ahead."""
    this_year = datetime.date.today().year
    year = this_year // 100 * 100 + yy
    if year - this_year >= 51:
        year -= 100
    elif year - this_year <= -50:
        year += 100
    return year


def _check_passes(check: str, digits: str) -> bool:
    if check in ("yymmd0", "yymmdd"):
        year, month, day = _century_year(int(digits[:2])), int(digits[2:4]), int(digits[4:6])
        if not 1 <= month <= 12:
            return False
        last = calendar.monthrange(year, month)[1]
        return (0 if check == "yymmd0" else 1) <= day <= last
    if check == "hhmi":
        return int(digits[:2]) <= 23 and int(digits[2:]) <= 59
    if check == "hh":
        return int(digits) <= 23
    if check in ("mi", "ss"):
        return int(digits) <= 59
    if check == "nonzero":
        return int(digits) != 0
    # Other checks of the dictionary (for example iso3166, the country-code list) are not applied here.
    return True


def _format_name(component: Component) -> str | None:
    name = next((_FORMAT_NAMES[check] for check in component.checks if check in _FORMAT_NAMES), None)
    return f"[{name}]" if name and component.optional else name


def _expected(components: tuple[Component, ...]) -> str:
    """What a value should look like, for the error message: "6 digits (YYMMDD)", "up to 8 digits", …"""
    if len(components) == 1 and components[0].kind == "X":
        return _("1 to %(count)d characters of the GS1 character set") % {"count": components[0].max_length}
    low = sum(c.min_length for c in components if not c.optional)
    high = sum(c.max_length for c in components)
    length = str(high) if low == high else f"{low}–{high}"
    names = [_format_name(c) for c in components]
    if all(names):
        return _("%(length)s digits (%(format)s)") % {"length": length, "format": "".join(names)}
    if low <= 1:
        return _("up to %(count)d digits") % {"count": high}
    return _("%(length)s digits") % {"length": length}


def _split(value: str, components: tuple[Component, ...]) -> list[str] | None:
    """Cut a value into its components (each fixed-length component except the last), or None if it does not fit."""
    pieces, rest = [], value
    for index, component in enumerate(components):
        if not rest:
            return pieces if component.optional and all(c.optional for c in components[index:]) else None
        last = index == len(components) - 1
        piece = rest if last else rest[: component.max_length]
        if not component.min_length <= len(piece) <= component.max_length:
            return None
        pieces.append(piece)
        rest = rest[len(piece) :]
    return pieces if not rest else None


def validate_attribute(ai: str, value: str) -> None:
    """Raise InvalidAttribute unless ``value`` is valid data for AI ``ai`` as an attribute of a GTIN."""
    if ai in PATH_ONLY:
        raise InvalidAttribute(
            _(
                "AI %(ai)s is an identification key or key qualifier: it belongs in the path (/%(ai)s/…), "
                "not in the query string."
            )
            % {"ai": ai},
            code="ai_in_query",
        )
    text = ATTRIBUTE_FORMATS.get(ai)
    if text is None:
        raise InvalidAttribute(
            _("AI %(ai)s in the query string is not a GS1 Application Identifier that describes a trade item (GTIN).")
            % {"ai": ai},
            code="unknown_ai",
        )
    components = parse_format(text)
    pieces = _split(value, components)
    bad = pieces is None or not all(
        (piece.isascii() and piece.isdigit()) if c.kind == "N" else bool(_CHARSET_82.match(piece))
        for c, piece in zip(components, pieces, strict=False)
    )
    if bad:
        raise InvalidAttribute(
            _('The value of AI %(ai)s in the query string should be %(expected)s, not "%(value)s".')
            % {"ai": ai, "expected": _expected(components), "value": value},
            code="ai_format",
        )
    for component, piece in zip(components, pieces, strict=False):
        if not all(_check_passes(check, piece) for check in component.checks):
            raise InvalidAttribute(
                _("The value of AI %(ai)s in the query string is not a valid date or time: %(value)s.")
                % {"ai": ai, "value": value},
                code="ai_date",
            )


def check_requirements(present: set[str]) -> None:
    """Raise InvalidAttribute when an AI among ``present`` (path and query) lacks the AI it needs."""
    for ai in sorted(present & REQUIRES.keys()):
        patterns = REQUIRES[ai]
        if not any(re.fullmatch(pattern.replace("n", "[0-9]"), other) for pattern in patterns for other in present):
            raise InvalidAttribute(
                _("AI %(ai)s needs one of these AIs beside it: %(required)s.")
                % {"ai": ai, "required": ", ".join(patterns)},
                code="ai_requirement",
            )
