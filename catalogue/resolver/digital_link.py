"""GS1 Digital Link URIs for GTINs: parsing the path syntax and building canonical URIs (pure, no ORM)."""

import re
from dataclasses import dataclass, field
from urllib.parse import quote, unquote, urlsplit

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from catalogue.resolver.application_identifiers import InvalidAttribute, check_requirements, validate_attribute
from products.identifiers import normalise_gtin

# Key qualifiers of a GTIN (GS1 syntax dictionary, AI 01: dlpkey=22,10,21|235): either 22, 10, 21 in
# this order (each optional), or 235 alone.
QUALIFIERS = (("22", "variant"), ("10", "batch"), ("21", "serial"), ("235", "tpx"))
QUALIFIER_NAMES = dict(QUALIFIERS)
QUALIFIER_SEQUENCES = (("22", "10", "21"), ("235",))
QUALIFIER_MAX_LENGTH = {"22": 20, "10": 20, "21": 20, "235": 28}
# GS1 AI encodable character set 82.
_CHARSET_82 = re.compile(r"^[!\"%&'()*+,\-./0-9:;<=>?A-Z_a-z]+$")
_DIGITS = re.compile(r"^[0-9]+$")


class DigitalLinkError(ValueError):
    """A Digital Link URI that breaks the syntax; ``message`` says what is expected."""

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
    tpx: str | None = None
    # Whether the URI wrote the GTIN with fewer than 14 digits (the canonical URI has 14).
    short_gtin: bool = field(default=False, compare=False)

    @property
    def path(self) -> str:
        """Canonical path, e.g. ``/01/04006381333931/10/AB%2F12``: each value percent-encoded once."""
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
        # The same length, digit and check-digit rules as every other GTIN the catalogue reads.
        return normalise_gtin(value)
    except ValidationError as error:
        raise DigitalLinkError(error.messages[0], code=error.code) from error


def _qualifier_order_error(key: str) -> DigitalLinkError:
    return DigitalLinkError(
        _(
            "Keys after the GTIN come once each, either /22/, /10/, /21/ in this order or /235/ alone; "
            "/%(key)s/ is out of order."
        )
        % {"key": key},
        code="qualifier_order",
    )


def _check_order(keys: list[str]) -> None:
    """The keys must be an ordered selection of one of the allowed qualifier sequences."""
    sequence = next(seq for seq in QUALIFIER_SEQUENCES if keys[0] in seq)
    last_index = -1
    for key in keys:
        index = sequence.index(key) if key in sequence else -1
        if index <= last_index:
            raise _qualifier_order_error(key)
        last_index = index


def _qualifier_value(key: str, raw_value: str, *, encoded: bool) -> str:
    # RFC 3986 §2.4: decode exactly once; a "%" that remains after decoding is part of the value.
    value = unquote(raw_value) if encoded else raw_value
    if not 1 <= len(value) <= QUALIFIER_MAX_LENGTH[key] or not _CHARSET_82.match(value):
        raise DigitalLinkError(
            _("The value of /%(key)s/ should have 1 to %(max)d letters, digits or GS1 symbols.")
            % {"key": key, "max": QUALIFIER_MAX_LENGTH[key]},
            code="bad_qualifier_value",
        )
    return value


def parse_path(path: str, *, encoded: bool = True) -> DigitalLink:
    """Parse ``/01/{gtin}[/22/{variant}][/10/{batch}][/21/{serial}]`` or ``/01/{gtin}/235/{tpx}``.

    ``path`` is percent-encoded as sent (``encoded=True``), and each value is decoded exactly once; a
    path that a server has already decoded is passed with ``encoded=False`` and is not decoded again.
    A trailing slash is tolerated. Raises DigitalLinkError.
    """
    segments = path.strip("/").split("/")
    if len(segments) < 2 or segments[0] != "01":
        raise DigitalLinkError(_("A Digital Link path starts with /01/ followed by the GTIN."), code="no_gtin")
    written_gtin = unquote(segments[1]) if encoded else segments[1]
    gtin = parse_gtin_segment(written_gtin)
    rest = segments[2:]
    if len(rest) % 2:
        raise DigitalLinkError(
            _("After the GTIN come pairs of a key and a value, such as /10/{batch}; /%(key)s has no value.")
            % {"key": rest[-1]},
            code="missing_value",
        )
    keys = rest[::2]
    for key in keys:
        if key not in QUALIFIER_NAMES:
            raise DigitalLinkError(
                _(
                    "Unsupported key /%(key)s/ after a GTIN; use /22/ (variant), /10/ (batch), /21/ (serial) "
                    "or /235/ (third-party serial extension)."
                )
                % {"key": key},
                code="unknown_qualifier",
            )
    if keys:
        _check_order(keys)
    values = {
        QUALIFIER_NAMES[key]: _qualifier_value(key, raw, encoded=encoded)
        for key, raw in zip(keys, rest[1::2], strict=True)
    }
    return DigitalLink(gtin=gtin, short_gtin=len(written_gtin) != 14, **values)


def parse_query_attributes(pairs: list[tuple[str, str]], link: DigitalLink) -> dict[str, str]:
    """The GS1 data attributes (numeric keys) of a Digital Link query string, validated; other keys are ignored.

    ``pairs`` are decoded (key, value) pairs. Raises DigitalLinkError for bad AI data.
    """
    attributes: dict[str, str] = {}
    try:
        for key, value in pairs:
            if not _DIGITS.match(key):
                continue
            if key in attributes:
                raise InvalidAttribute(
                    _("AI %(ai)s appears more than once in the query string.") % {"ai": key}, code="ai_repeated"
                )
            validate_attribute(key, value)
            attributes[key] = value
        in_path = {key for key, name in QUALIFIERS if getattr(link, name) is not None}
        check_requirements({"01", *in_path, *attributes})
    except InvalidAttribute as error:
        raise DigitalLinkError(error.message, code=error.code) from error
    return attributes


def parse_uri(uri: str) -> DigitalLink:
    """Parse a whole Digital Link URI (any host, an optional path prefix before /01/)."""
    path = urlsplit(uri.strip()).path
    marker = path.find("/01/")
    if marker < 0:
        raise DigitalLinkError(_("This link does not contain /01/ followed by a GTIN."), code="no_gtin")
    return parse_path(path[marker:])
