"""Consumer lookup: one typed or pasted code to the current published passport, or a typed error.

Shared by the HTML lookup on the home page and by ``/api/v1/lookup``.
"""

import json
import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from catalogue.public.selectors import PublicVersion, current_version
from catalogue.resolver.digital_link import DigitalLinkError, parse_uri
from products.identifiers import PASSPORT_DATA_LENGTH, normalise_gtin, normalise_passport_code
from products.scanner import read_scanner_output

MAX_INPUT_LENGTH = 500
_URL_LIKE = re.compile(r"^(?:[a-z][a-z0-9+.\-]*://|www\.|/)", re.IGNORECASE)
_PASSPORT_PATH = re.compile(r"/p/([^/?#]+)")


class CodeLookupError(Exception):
    """A lookup that gives no passport; ``status`` is the HTTP status to answer with."""

    status = 400

    def __init__(self, message: str, code: str):
        super().__init__(message)
        self.message = message
        self.code = code


class InvalidCode(CodeLookupError):
    """The input is not a well-formed GTIN, passport code or Digital Link."""

    status = 400


class PassportNotFound(CodeLookupError):
    """The code is well formed, but no published passport has it."""

    status = 404


@dataclass(frozen=True)
class ParsedCode:
    """What the input can mean: a 14-digit GTIN, a canonical passport code, or (rarely) either."""

    raw: str
    gtin: str | None = None
    passport_code: str | None = None
    from_link: bool = False

    @property
    def display(self) -> str:
        return self.gtin or self.passport_code or self.raw


def _message(error: ValidationError) -> str:
    return error.messages[0] if error.messages else str(error)


def _parse_link(text: str) -> ParsedCode:
    path = urlsplit(f"https://{text}" if text.lower().startswith("www.") else text).path
    if "/01/" in path:
        try:
            link = parse_uri(path)
        except DigitalLinkError as error:
            raise InvalidCode(error.message, code=error.code) from error
        return ParsedCode(raw=text, gtin=link.gtin, from_link=True)
    match = _PASSPORT_PATH.search(path)
    if match:
        try:
            code = normalise_passport_code(match.group(1))
        except ValidationError as error:
            raise InvalidCode(_message(error), code=error.code or "passport_code") from error
        return ParsedCode(raw=text, passport_code=code, from_link=True)
    raise InvalidCode(
        _("This link is not a GS1 Digital Link (…/01/ and a GTIN) or a passport link (…/p/ and a code)."),
        code="unknown_link",
    )


def _empty_input() -> InvalidCode:
    return InvalidCode(_("Type a barcode number (GTIN/EAN), a passport code, or paste a product link."), code="empty")


def _is_number(text: str) -> bool:
    # Digits of every script ("٤", "４", "²"), so that normalise_gtin() explains that only 0-9 are allowed.
    return all(char.isdigit() or char.isspace() or char == "-" for char in text)


def parse_code(raw: str) -> ParsedCode:
    """Interpret typed or pasted input; raise InvalidCode with a message naming what is expected."""
    text = (raw or "").strip()
    if not text:
        raise _empty_input()
    if len(text) > MAX_INPUT_LENGTH:
        raise InvalidCode(
            _("This is too long for a code: at most %(max)d characters.") % {"max": MAX_INPUT_LENGTH},
            code="too_long",
        )
    try:
        # A scanner in keyboard mode types its symbology identifier and whole GS1 element strings.
        text = read_scanner_output(text)
    except ValidationError as error:
        raise InvalidCode(_message(error), code=error.code) from error
    if not text:  # a symbology identifier alone
        raise _empty_input()
    if _URL_LIKE.match(text) or "/01/" in text or "/p/" in text:
        return _parse_link(text)
    if _is_number(text):
        gtin = passport_code = gtin_error = None
        try:
            gtin = normalise_gtin(text)
        except ValidationError as error:
            gtin_error = error
        # Eight digits can also be a passport code; accept whichever reading checks out.
        if len(re.sub(r"[\s\-]", "", text)) == PASSPORT_DATA_LENGTH + 1:
            try:
                passport_code = normalise_passport_code(text)
            except ValidationError:
                passport_code = None
        if gtin is None and passport_code is None:
            raise InvalidCode(_message(gtin_error), code=gtin_error.code or "gtin") from gtin_error
        return ParsedCode(raw=raw, gtin=gtin, passport_code=passport_code)
    try:
        passport_code = normalise_passport_code(text)
    except ValidationError as error:
        raise InvalidCode(_message(error), code=error.code or "passport_code") from error
    return ParsedCode(raw=raw, passport_code=passport_code)


def find_current_version(parsed: ParsedCode) -> PublicVersion:
    """The current published version for parsed input (one query), or PassportNotFound."""
    version = current_version(gtin=parsed.gtin, passport_code=parsed.passport_code)
    if version is None:
        if parsed.gtin:
            message = _("No published passport has the GTIN %(gtin)s.") % {"gtin": parsed.gtin}
        else:
            message = _("No published passport has the code %(code)s.") % {"code": parsed.passport_code}
        raise PassportNotFound(message, code="not_found")
    return version


def lookup(raw: str) -> PublicVersion:
    """Parse ``raw`` and return the current published version; raise a CodeLookupError subclass."""
    return find_current_version(parse_code(raw))


def lookup_json(version: PublicVersion) -> str:
    """What ``/api/v1/lookup`` answers: the current version's metadata and, under ``passport``, its snapshot.

    The snapshot is embedded as stored, without decoding and re-encoding it.
    """
    meta = {
        "passport_code": version.passport_code,
        "gtin": version.gtin,
        "status": version.status,
        "version": version.number,
        "published_at": version.published_at.isoformat(),
        "content_hash": version.content_hash,
    }
    head = json.dumps(meta, ensure_ascii=False, separators=(",", ":"))
    return f'{head[:-1]},"passport":{version.snapshot_json}}}'
