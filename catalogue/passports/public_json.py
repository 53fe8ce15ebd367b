"""The public API's JSON of a passport version, rendered once at publication and stored.

A version never changes (a redaction is the one exception, and it renders again), so the parts of its list
row and of its detail that do not depend on the request are kept as JSON text: the detail in
``PassportVersion.public_detail_json``, the list row of the current version with the browse facets
(``PublishedFacets.list_row``), and the open-data CSV line in ``PassportVersion.open_data_csv_row``. The API
(api/passports.py) joins them with what does: the absolute URLs (the request's host), the product's status
(a withdrawal changes it) and whether a newer version supersedes this one. The JSON texts are written exactly
as DRF's ``JSONRenderer`` writes (compact, UTF-8, U+2028/U+2029 escaped), so a page joined from them is byte
for byte the page the serialiser made.
"""

import json
from datetime import UTC

from django.db.models import Q, QuerySet

from catalogue.passports.facets import designation_flag
from catalogue.passports.open_data import csv_line

# Stand where per-request values go in a stored text: control characters that the encoder writes escaped, and
# that no status or URL contains.
URL_MARK, RENDERED_URL_MARK = "\x00", '"\\u0000'
STATUS_MARK, RENDERED_STATUS_MARK = "\x02", '"\\u0002"'
BATCH = 500


def render(value) -> str:
    """``value`` as DRF's JSONRenderer writes it with the project's settings."""
    text = json.dumps(value, ensure_ascii=False, allow_nan=False, separators=(",", ":"))
    return text.replace("\u2028", "\\u2028").replace("\u2029", "\\u2029")


def iso(moment) -> str:
    """ISO 8601 in UTC, as the snapshot writes its own times."""
    return moment.astimezone(UTC).isoformat()


def summary_of_snapshot(snapshot: dict) -> dict:
    """What a list row shows of a snapshot, in the shape of ``selectors.current_version_summaries``' parts."""
    maker = snapshot.get("maker") or {}
    score = snapshot.get("score") or {}
    grade = score.get("grade")
    return {
        "product": snapshot.get("product") or {},
        "maker": {"slug": maker.get("slug", ""), "name": maker.get("name", "")},
        "score": None
        if grade is None
        else {
            "overall": score.get("overall"),
            "grade": grade,
            "subscores": score.get("subscores") or {},
            "computed_at": score.get("computed_at"),
            "solingen": designation_flag(score.get("solingen")),
        },
    }


def list_fields(code: str, summary: dict) -> dict:
    """The part of a passport list row that never changes, from ``passport_code_display`` to
    ``methodology_version`` (the row's other keys are per request: url, passport_code, status, links)."""
    product = summary["product"]
    category = product.get("category") or {}
    score, solingen = summary["score"], None
    if score is not None:
        subscores, solingen = score["subscores"], score["solingen"]
        score = {
            "overall": score["overall"],
            "grade": score["grade"],
            "durability": subscores.get("durability"),
            "repairability": subscores.get("repairability"),
            "supply_chain": subscores.get("supply_chain"),
            "circularity": subscores.get("circularity"),
            "methodology_version": summary["methodology_version"],
            "computed_at": score["computed_at"] or iso(summary["published_at"]),
        }
    return {
        "passport_code_display": product.get("passport_code_display") or code,
        "gtin": product.get("gtin"),
        "name": product.get("name", ""),
        "model_number": product.get("model_number", ""),
        "maker": summary["maker"],
        "category": {"slug": category.get("slug", ""), "name": category.get("name") or {"de": "", "en": ""}},
        "price_eur": product.get("price_eur"),
        "score": score,
        "solingen": solingen,
        "version": summary["number"],
        "published_at": iso(summary["published_at"]),
        "content_hash": summary["content_hash"],
        "methodology_version": summary["methodology_version"],
    }


def list_json(snapshot: dict, *, number: int, published_at, content_hash: str, methodology_version: str) -> str:
    """``list_fields`` as JSON text without its braces, to be joined into a row."""
    summary = {
        **summary_of_snapshot(snapshot),
        "number": number,
        "published_at": published_at,
        "content_hash": content_hash,
        "methodology_version": methodology_version,
    }
    code = (snapshot.get("product") or {}).get("passport_code") or ""
    return render(list_fields(code, summary))[1:-1]


def detail_json(snapshot: dict) -> str:
    """``"gtin":…,"status":…,"passport":<snapshot>,"predecessor":<link>`` of a version's detail, without braces.

    What depends on the request or may change stands as a mark: the status (``STATUS_MARK``; a withdrawal
    changes it) and the predecessor's API URL (``URL_MARK`` and the predecessor's number). The keys before
    (url … passport_code) and after (successor) are per request too.
    """
    predecessor = snapshot.get("predecessor")
    link = {**predecessor, "url": URL_MARK + str(predecessor.get("version"))} if predecessor else None
    gtin = (snapshot.get("product") or {}).get("gtin")
    return render({"gtin": gtin, "status": STATUS_MARK, "passport": snapshot, "predecessor": link})[1:-1]


def detail_json_for(stored: str, status: str, predecessor_url) -> str:
    """The stored detail text with the status and the predecessor's URL (``predecessor_url(number)``) put in."""
    text = stored.replace(RENDERED_STATUS_MARK, render(status), 1)
    head, mark, tail = text.rpartition(RENDERED_URL_MARK)
    if not mark:
        return text
    number, _quote, tail = tail.partition('"')
    return head + render(predecessor_url(int(number))) + tail


def stored_json(version) -> dict:
    """The stored texts of a version (a PassportVersion, or anything with its fields), for create() or update():
    the API's detail and the open-data CSV line."""
    return {
        "public_detail_json": detail_json(version.snapshot),
        "open_data_csv_row": csv_line(version.snapshot, version.content_hash),
    }


def list_row(version) -> str:
    """The stored list row of a version (``PublishedFacets.list_row`` of its product while it is current)."""
    return list_json(
        version.snapshot,
        number=version.number,
        published_at=version.published_at,
        content_hash=version.content_hash,
        methodology_version=version.methodology_version,
    )


def store_missing(versions, *, everything: bool = False) -> int:
    """Render and store the texts of versions that have none (or of all, ``everything``), in batches; the count.

    ``versions`` is a PassportVersion queryset (or a migration's historical manager's); of a historical model,
    only the texts it has fields for are stored."""
    names = {field.name for field in versions.model._meta.get_fields()}
    texts = [name for name in ("public_detail_json", "open_data_csv_row") if name in names]
    missing = Q()
    for name in texts:
        missing |= Q(**{name: ""})
    pending = versions.all() if everything else versions.filter(missing)
    done = 0
    ids = list(pending.order_by("pk").values_list("pk", flat=True))
    for start in range(0, len(ids), BATCH):
        for version in versions.filter(pk__in=ids[start : start + BATCH]).only(
            "pk", "snapshot", "number", "published_at", "content_hash", "methodology_version"
        ):
            # Through the plain QuerySet: the stored texts follow from the version, they do not change it.
            stored = stored_json(version)
            QuerySet.update(versions.filter(pk=version.pk), **{name: stored[name] for name in texts})
            done += 1
    return done


def store_missing_list_rows(facets, *, everything: bool = False) -> int:
    """Render and store the list rows of browse facets that have none (or of all, ``everything``); the count.

    ``facets`` is a PublishedFacets queryset (or a migration's historical manager's)."""
    pending = facets.all() if everything else facets.filter(list_row="")
    done = 0
    ids = list(pending.order_by("pk").values_list("pk", flat=True))
    fields = ("snapshot", "number", "published_at", "content_hash", "methodology_version")
    for start in range(0, len(ids), BATCH):
        batch = facets.filter(pk__in=ids[start : start + BATCH]).select_related("version")
        for entry in batch.only("pk", *(f"version__{name}" for name in fields)):
            QuerySet.update(facets.filter(pk=entry.pk), list_row=list_row(entry.version))
            done += 1
    return done
