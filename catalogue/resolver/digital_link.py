"""GS1 Digital Link URIs for GTINs: parsing the path syntax and building canonical URIs (pure, no ORM)."""

import re
from dataclasses import dataclass
from urllib.parse import quote, unquote, urlsplit

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from products.identifiers import normalise_gtin

# Key qualifiers of a GTIN, in the only order GS1 Digital Link allows them.
QUALIFIERS = (("22", "variant"), ("10", "batch"), ("21", "serial"))
QUALIFIER_NAMES = dict(QUALIFIERS)
# GS1 AI encodable character set 82, up to 20 characters (AIs 22, 10 and 21).
_QUALIFIER_VALUE = re.compile(r"^[!\"%&'()*+,\-./0-9:;<=>?A-Z_a-z]{1,20}$")
_DIGITS = re.compile(r"^[0-9]+$")


class DigitalLinkError(ValueError):
    """A Digital Link path that breaks the syntax; ``message`` says what is expected."""

    def __init__(self, message: str, code: str):
        super().__init__(message)
        self.message = message
        self.code = code


@dataclass(frozen=True)
class DigitalLink:
    """A GTIN (always 14 digits) with its optional qualifiers."""

    gtin: str
    variant: str | None = None
    batch: str | None = None
    serial: str | None = None

    @property
    def path(self) -> str:
        """Canonical path, e.g. ``/01/04006381333931/10/ABC``."""
        parts = ["", "01", self.gtin]
        for key, name in QUALIFIERS:
            value = getattr(self, name)
            if value is not None:
                parts += [key, quote(value, safe="")]
        return "/".join(parts)

    def uri(self, base_url: str) -> str:
        return f"{base_url.rstrip('/')}{self.path}"


def parse_gtin_segment(value: str) -> str:
    """A GTIN as written in a Digital Link path (8, 12, 13 or 14 digits), as 14 digits."""
    if not _DIGITS.match(value):
        raise DigitalLinkError(
            _("The GTIN after /01/ should contain only digits, not %(value)r.") % {"value": value},
            code="gtin_not_digits",
        )
    try:
        # The same length and check-digit rules as every other GTIN the catalogue reads.
        return normalise_gtin(value)
    except ValidationError as error:
        raise DigitalLinkError(error.messages[0], code=error.code) from error


def parse_path(path: str) -> DigitalLink:
    """Parse ``/01/{gtin}[/22/{variant}][/10/{batch}][/21/{serial}]``; raise DigitalLinkError otherwise.

    The path may be percent-encoded; a trailing slash is tolerated.
    """
    segments = path.strip("/").split("/")
    if len(segments) < 2 or segments[0] != "01":
        raise DigitalLinkError(_("A Digital Link path starts with /01/ followed by the GTIN."), code="no_gtin")
    gtin = parse_gtin_segment(unquote(segments[1]))
    rest = segments[2:]
    if len(rest) % 2:
        raise DigitalLinkError(
            _("After the GTIN come pairs of a key and a value, such as /10/{batch}; /%(key)s has no value.")
            % {"key": rest[-1]},
            code="missing_value",
        )
    values: dict[str, str] = {}
    order = [key for key, _name in QUALIFIERS]
    last_index = -1
    for key, raw_value in zip(rest[::2], rest[1::2], strict=True):
        if key not in QUALIFIER_NAMES:
            raise DigitalLinkError(
                _("Unsupported key /%(key)s/ after a GTIN; use /22/ (variant), /10/ (batch) or /21/ (serial).")
                % {"key": key},
                code="unknown_qualifier",
            )
        index = order.index(key)
        if index <= last_index:
            raise DigitalLinkError(
                _("Keys after the GTIN come once each, in the order /22/, /10/, /21/; /%(key)s/ is out of order.")
                % {"key": key},
                code="qualifier_order",
            )
        last_index = index
        value = unquote(raw_value)
        if not _QUALIFIER_VALUE.match(value):
            raise DigitalLinkError(
                _("The value of /%(key)s/ should have 1 to 20 letters, digits or GS1 symbols.") % {"key": key},
                code="bad_qualifier_value",
            )
        values[QUALIFIER_NAMES[key]] = value
    return DigitalLink(gtin=gtin, **values)


def parse_uri(uri: str) -> DigitalLink:
    """Parse a whole Digital Link URI (any host, an optional path prefix before /01/)."""
    path = urlsplit(uri.strip()).path
    marker = path.find("/01/")
    if marker < 0:
        raise DigitalLinkError(_("This link does not contain /01/ followed by a GTIN."), code="no_gtin")
    return parse_path(path[marker:])
