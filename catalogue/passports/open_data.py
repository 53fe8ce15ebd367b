"""Open-data export of published passports as CSV and as schema.org JSON-LD (plain data in, text or dicts out).

Every renderer takes ``(snapshot, content_hash)`` pairs of current passport versions, so the export
says exactly what was published. The licence is part of both formats (docs/open-data.md).
"""

import csv
import io
import json
from collections.abc import Iterable, Iterator
from datetime import datetime, time

from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.dateparse import parse_date, parse_datetime
from django.utils.translation import gettext as _

from catalogue.passports.facets import designation_flag
from catalogue.passports.jsonld import passport_jsonld
from catalogue.scoring.methodology import SCORE_COLUMNS

LICENSE_NAME = "CC BY 4.0"
LICENSE_URL = "https://creativecommons.org/licenses/by/4.0/"
ATTRIBUTION = "Gläserne Werkstatt Solingen"
Entry = tuple[dict, str]  # (snapshot, content_hash); a delta export's entries add the status (published/withdrawn)

CSV_COLUMNS = (
    "passport_code",
    "gtin",
    "name",
    "model_number",
    "category",
    "category_name_de",
    "category_name_en",
    "maker",
    "maker_name",
    "maker_city",
    "maker_country",
    "price_eur",
    "mass_g",
    "version",
    "published_at",
    "content_hash",
    "methodology_version",
    *SCORE_COLUMNS,
    "solingen",
    "warranty_years",
    "expected_lifetime_years",
    "resharpenable",
    "repair_documentation",
    "spare_parts",
    "take_back_offered",
    "recyclable_share_percent",
    "materials",
    "countries",
    "passport_url",
    "digital_link",
    "license",
)
# Spreadsheets run text that starts with these as a formula; such text gets a leading apostrophe.
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# Rows per streamed piece: one write to the socket per row would cost more than joining the rows.
STREAM_BATCH = 200


def parse_since(text: str) -> datetime:
    """The start of a delta export: an ISO 8601 date (from its midnight) or date and time; without a zone, in
    the site's time zone. Raises ValidationError naming ``since``."""
    text = text.strip()
    try:
        # A "+" of an offset arrives as a space when the query string was not encoded.
        moment = parse_datetime(text) or parse_datetime(text.replace(" ", "+"))
        if moment is None and (day := parse_date(text)) is not None:
            moment = datetime.combine(day, time.min)
    except ValueError:  # well formed, but no such day or time (2026-02-30)
        moment = None
    if moment is None:
        raise ValidationError(
            {
                "since": _(
                    "Give a date (YYYY-MM-DD) or a date and time in ISO 8601, for example 2026-01-31 or "
                    "2026-01-31T12:00:00+01:00."
                )
            },
            code="invalid",
        )
    return timezone.make_aware(moment) if timezone.is_naive(moment) else moment


def _cell(value):
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str) and value.startswith(_FORMULA_STARTS):
        return "'" + value
    return value


def csv_row(snapshot: dict, content_hash: str) -> dict:
    """One passport as a CSV row (every column of CSV_COLUMNS; None for not disclosed)."""
    product = snapshot.get("product") or {}
    category = product.get("category") or {}
    category_name = category.get("name") or {}
    maker = snapshot.get("maker") or {}
    score = snapshot.get("score") or {}
    subscores = score.get("subscores") or {}
    durability = snapshot.get("durability") or {}
    repairability = snapshot.get("repairability") or {}
    end_of_life = snapshot.get("end_of_life") or {}
    urls = snapshot.get("urls") or {}
    materials = snapshot.get("materials") or []
    countries = []
    for step in snapshot.get("supply_chain") or []:
        if step.get("country") and step["country"] not in countries:
            countries.append(step["country"])
    return {
        "passport_code": product.get("passport_code"),
        "gtin": product.get("gtin"),
        "name": product.get("name"),
        "model_number": product.get("model_number"),
        "category": category.get("slug"),
        "category_name_de": category_name.get("de"),
        "category_name_en": category_name.get("en"),
        "maker": maker.get("slug"),
        "maker_name": maker.get("name"),
        "maker_city": maker.get("city"),
        "maker_country": maker.get("country"),
        "price_eur": product.get("price_eur"),
        "mass_g": product.get("mass_g"),
        "version": snapshot.get("version"),
        "published_at": snapshot.get("published_at"),
        "content_hash": content_hash,
        "methodology_version": score.get("methodology_version"),
        "overall": score.get("overall"),
        "grade": score.get("grade"),
        "durability": subscores.get("durability"),
        "repairability": subscores.get("repairability"),
        "supply_chain": subscores.get("supply_chain"),
        "circularity": subscores.get("circularity"),
        "solingen": designation_flag(score.get("solingen")),
        "warranty_years": durability.get("warranty_years"),
        "expected_lifetime_years": durability.get("expected_lifetime_years"),
        "resharpenable": durability.get("resharpenable"),
        "repair_documentation": repairability.get("documentation"),
        "spare_parts": len(repairability.get("spare_parts") or []),
        "take_back_offered": end_of_life.get("take_back_offered"),
        "recyclable_share_percent": end_of_life.get("recyclable_share_percent"),
        "materials": "; ".join(material["name"] for material in materials if material.get("name")),
        "countries": "; ".join(countries),
        "passport_url": urls.get("passport"),
        "digital_link": urls.get("digital_link"),
        "license": LICENSE_URL,
    }


def csv_line(snapshot: dict, content_hash: str) -> str:
    """One passport as a line of the CSV file (RFC 4180, ending in CRLF), as publishing stores it."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\r\n")
    row = csv_row(snapshot, content_hash)
    writer.writerow([_cell(row[column]) for column in CSV_COLUMNS])
    return buffer.getvalue()


def _header(columns) -> str:
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerow(columns)
    return buffer.getvalue()


def iter_csv(rows: Iterable[tuple], *, with_status: bool = False) -> Iterator[str]:
    """The CSV file (RFC 4180, UTF-8, header row first) in pieces of some rows, for streaming.

    ``rows`` are (stored line, snapshot, content_hash): the line stored at publication, or, when it is empty
    (versions published before lines were stored), the snapshot to render it from. ``with_status``: each row
    carries a fourth item, the status (published/withdrawn), written in a last column ``status``."""
    yield _header((*CSV_COLUMNS, "status") if with_status else CSV_COLUMNS)
    batch = []
    for stored, snapshot, content_hash, *status in rows:
        line = stored or csv_line(snapshot, content_hash)
        # A status is a plain word, so it needs no quoting.
        batch.append(f"{line[:-2]},{status[0]}\r\n" if with_status else line)
        if len(batch) == STREAM_BATCH:
            yield "".join(batch)
            batch = []
    if batch:
        yield "".join(batch)


def open_data_csv(entries: Iterable[Entry]) -> str:
    """The whole CSV file of (snapshot, content_hash) entries as text."""
    return "".join(iter_csv(("", snapshot, content_hash) for snapshot, content_hash in entries))


def dataset_header(*, generated_at: str, url: str, language: str) -> dict:
    """The schema.org Dataset that holds the passports, with its licence."""
    return {
        "@context": "https://schema.org",
        "@type": "Dataset",
        "name": "Gläserne Werkstatt: published product passports",
        "description": (
            "The current published passport of every product in the Gläserne Werkstatt catalogue of Solingen: "
            "identity, maker, category, score with grade and sub-scores, and the Solingen designation."
        ),
        "url": url,
        "license": LICENSE_URL,
        "creditText": ATTRIBUTION,
        "creator": {"@type": "Organization", "name": ATTRIBUTION},
        "isAccessibleForFree": True,
        "inLanguage": language,
        "dateModified": generated_at,
    }


def passport_node(snapshot: dict, content_hash: str, language: str, status: str | None = None) -> dict:
    """One passport as a schema.org Product, with its version and content hash as properties."""
    node = passport_jsonld(snapshot, language)
    node.pop("@context", None)
    node.setdefault("additionalProperty", []).extend(
        {"@type": "PropertyValue", "propertyID": property_id, "name": name, "value": value}
        for property_id, name, value in (
            ("passport_version", "Version", snapshot.get("version")),
            ("published_at", "Published", snapshot.get("published_at")),
            ("content_hash", "SHA-256", content_hash),
            *([("status", "Status", status)] if status else []),
        )
    )
    return node


def iter_jsonld(entries: Iterable[Entry], *, generated_at: str, url: str, language: str = "de") -> Iterator[str]:
    """The JSON-LD document in pieces of one passport, for streaming; joined it is ``open_data_jsonld``.

    Entries with a status (a delta export) carry it as the property ``status``."""
    head = json.dumps(dataset_header(generated_at=generated_at, url=url, language=language), ensure_ascii=False)
    yield head[:-1] + ', "mainEntity": {"@type": "ItemList", "itemListElement": ['
    separator = ""
    for snapshot, content_hash, *status in entries:
        node = passport_node(snapshot, content_hash, language, status[0] if status else None)
        yield separator + json.dumps(node, ensure_ascii=False)
        separator = ", "
    yield "]}}"


def open_data_jsonld(entries: Iterable[Entry], *, generated_at: str, url: str, language: str = "de") -> dict:
    """The JSON-LD document: a Dataset whose main entity lists every passport as a Product."""
    return {
        **dataset_header(generated_at=generated_at, url=url, language=language),
        "mainEntity": {
            "@type": "ItemList",
            "itemListElement": [passport_node(snapshot, content_hash, language) for snapshot, content_hash in entries],
        },
    }
