"""Printing passports: read what people type or scan, and render public versions into one PDF."""

import re
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import TypeVar

from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from catalogue.models import PassportVersion, PrintJob
from catalogue.passports.page_budget import check_pages, page_budget
from catalogue.passports.pdf.document import render_passports
from catalogue.passports.pdf.label_formats import LABEL_FORMATS
from catalogue.passports.pdf.labels import LabelOptions, label_pages, render_labels
from catalogue.passports.pdf.shelf import render_shelf_passports
from products.identifiers import looks_like_gtin, normalise_gtin, normalise_passport_code
from products.models import Product

# The three printed formats: the one-page shelf passport, the detailed (multi-page) passport, shelf labels.
SHELF = PrintJob.Format.SHELF
DETAILED = PrintJob.Format.DETAILED
LABELS = PrintJob.Format.LABELS
FORMATS = (SHELF, DETAILED, LABELS)
# The detailed passport's name before the shelf passport existed; URLs, scripts and API clients still send it.
PASSPORT = DETAILED
FORMAT_ALIASES = {"passport": DETAILED}
# What a shop puts on its shelf: one page per product (the detailed passport is three to four).
RETAILER_DEFAULT_FORMAT = SHELF
# More than this many passports in one request is a job for the render_passports command.
MAX_BATCH = 200
DEFAULT_LABEL_LAYOUT = "3x8"
T = TypeVar("T")

# A scanned QR code gives a whole URL: a GS1 Digital Link (/01/<gtin>) or a passport URL (/p/<code>).
_DIGITAL_LINK = re.compile(r"/01/(\d{8,14})(?:[/?#]|$)")
_PASSPORT_URL = re.compile(r"/p/([0-9A-Za-z\-]+)(?:[/?#]|$)")


@dataclass(frozen=True)
class Identifier:
    """A product identifier as typed (``raw``) and in canonical form."""

    kind: str  # "gtin" or "passport_code"
    value: str
    raw: str


def parse_identifier(raw: str) -> Identifier:
    """A GTIN/EAN, passport code or scanned passport URL in canonical form; ValidationError says what is wrong."""
    text = (raw or "").strip()
    if not text:
        raise ValidationError(_("Enter a GTIN/EAN or a passport code."), code="required")
    if "/" in text:
        link = _DIGITAL_LINK.search(text)
        passport = _PASSPORT_URL.search(text)
        if link:
            text = link.group(1)
        elif passport:
            text = passport.group(1)
    if looks_like_gtin(text):
        return Identifier("gtin", normalise_gtin(text), raw)
    return Identifier("passport_code", normalise_passport_code(text), raw)


def parse_identifiers(raws: Iterable[str]) -> tuple[list[Identifier], dict[str, list[str]]]:
    """Every identifier in order without duplicates, and the errors of the bad ones keyed by what was typed."""
    identifiers: list[Identifier] = []
    errors: dict[str, list[str]] = {}
    seen = set()
    for raw in raws:
        try:
            identifier = parse_identifier(raw)
        except ValidationError as error:
            errors[raw] = error.messages
            continue
        key = (identifier.kind, identifier.value)
        if key not in seen:
            seen.add(key)
            identifiers.append(identifier)
    return identifiers, errors


def split_codes(text: str) -> list[str]:
    """Codes from a comma-, semicolon- or line-separated list (spaces inside a GTIN are allowed)."""
    return [part.strip() for part in re.split(r"[,;\n]", text or "") if part.strip()]


def order_by_identifiers(identifiers: Sequence[Identifier], found: Iterable[T]) -> tuple[list[T], list[Identifier]]:
    """The found objects (versions, assortment items: anything with a ``product``) in the order they
    were asked for, each once, and the identifiers that matched nothing."""
    by_key = {}
    for match in found:
        by_key[("passport_code", match.product.passport_code)] = match
        if match.product.gtin:
            by_key[("gtin", match.product.gtin)] = match
    ordered: list[T] = []
    missing: list[Identifier] = []
    for identifier in identifiers:
        match = by_key.get((identifier.kind, identifier.value))
        if match is None:
            missing.append(identifier)
        elif match not in ordered:
            ordered.append(match)
    return ordered, missing


def language_or_default(value: str | None, default: str) -> str:
    """A supported language code, or ValidationError naming the choices."""
    codes = [code for code, _name in settings.LANGUAGES]
    if not value:
        value = default
    value = value.split("-")[0].lower()
    if value not in codes:
        raise ValidationError(
            _("lang should be one of %(choices)s, not %(value)s.") % {"choices": ", ".join(codes), "value": value},
            code="language",
        )
    return value


def format_or_error(value: str | None, default: str) -> str:
    """A format name (shelf, detailed, labels; "passport" is the detailed one), or ValidationError naming them."""
    value = (value or default).strip().lower()
    value = FORMAT_ALIASES.get(value, value)
    if value not in FORMATS:
        raise ValidationError(
            _("format should be one of %(choices)s, not %(value)s.") % {"choices": ", ".join(FORMATS), "value": value},
            code="format",
        )
    return value


_TRUE = {"1", "true", "on", "yes"}
_FALSE = {"", "0", "false", "off", "no"}


def _flag(data: Mapping, name: str) -> bool:
    value = data.get(name)
    if isinstance(value, bool):
        return value
    text = str(value if value is not None else "").strip().lower()
    if text in _TRUE:
        return True
    if text in _FALSE:
        return False
    raise ValidationError(
        {name: _("%(field)s should be true or false, not %(value)s.") % {"field": name, "value": value}}
    )


def check_start(start, layout: str) -> int:
    """A 1-based start position on a sheet of ``layout``, or ValidationError naming the field and the range."""
    per_page = LABEL_FORMATS[layout].per_page
    try:
        number = int(str(start).strip())
    except (TypeError, ValueError):
        number = None
    if number is None or not 1 <= number <= per_page:
        raise ValidationError(
            {
                "start": _("start should be a label position from 1 to %(max)d on this sheet, not %(value)s.")
                % {"max": per_page, "value": start}
            }
        )
    return number


def label_options_from(data: Mapping, layout: str, prices: Sequence = ()) -> LabelOptions:
    """Label options from a query or form (price, ean: true/false; start: 1 to the labels per sheet)."""
    start = data.get("start")
    return LabelOptions(
        price=_flag(data, "price"),
        ean=_flag(data, "ean"),
        start=check_start(start, layout) if start not in (None, "") else 1,
        prices=tuple(prices),
    )


def render_versions(
    versions: Sequence[PassportVersion],
    *,
    format: str,
    language: str,
    layout: str = "",
    max_pages: int | None = None,
    label_options: LabelOptions | None = None,
) -> bytes:
    """One PDF of the given versions as shelf passports, detailed passports or shelf labels, from their snapshots.

    With ``max_pages``, a PDF that would have more pages raises PageBudgetExceeded: labels and shelf passports
    (whose page count is known) before they are drawn, detailed passports as soon as their layout begins the
    page after the budget.
    """
    format = FORMAT_ALIASES.get(format, format)
    snapshots = [version.snapshot for version in versions]
    if format == LABELS:
        layout = layout or DEFAULT_LABEL_LAYOUT
        options = label_options or LabelOptions()
        if layout in LABEL_FORMATS:  # an unknown layout is render_labels' error to name
            check_pages(label_pages(len(snapshots), layout, options.start), max_pages)
        return render_labels(snapshots, language=language, layout=layout, options=options)
    hashes = [version.content_hash for version in versions]
    withdrawn = [version.product.status == Product.Status.WITHDRAWN for version in versions]
    if format == SHELF:
        check_pages(len(snapshots), max_pages)
        return render_shelf_passports(snapshots, language=language, hashes=hashes, withdrawn=withdrawn)
    with page_budget(max_pages):
        return render_passports(snapshots, language=language, hashes=hashes, withdrawn=withdrawn)
