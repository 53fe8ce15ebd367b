"""Reads of passports: a product with everything its snapshot needs, published versions, and what to print."""

import json
from collections.abc import Iterable, Iterator, Sequence

from django.core.cache import cache
from django.db import connection
from django.db.models import Case, F, Func, JSONField, Q, QuerySet, TextField, When

from catalogue.models import PassportRedaction, PassportVersion
from catalogue.passports.facets import designation_flag
from catalogue.passports.printing import Identifier, order_by_identifiers
from products.models import Product


def products_for_snapshot() -> QuerySet[Product]:
    """Products with every relation the snapshot reads, in a constant number of queries."""
    # A step's facility (catalogue.dpp.identifiers) is no part field, so with_parts() does not bring it.
    return (
        Product.objects.with_parts()
        .select_related("score", "category__parent")
        .prefetch_related("supply_chain_steps__facility")
    )


def versions_of_product(product: Product) -> list[PassportVersion]:
    """All versions of a product, newest first, without their (large) snapshots."""
    return list(
        PassportVersion.objects.filter(product=product)
        .defer("snapshot")
        .select_related("published_by")
        .order_by("-number")
    )


def public_passport_products() -> QuerySet[Product]:
    """Products whose passport is public: published or withdrawn, with at least one version.

    A product has a version exactly when it has browse facets, which every publication records in its own
    transaction (services.record_published_facets). Joining them instead of asking for a version lets a list
    by name walk the facets' name index and stop at the page, and brings the current version along.
    """
    return Product.objects.public().filter(published_facets__isnull=False)


class JsonParts(Func):
    """Several parts of a JSON column as the text of one JSON array, so that each row is parsed only once.

    SQLite (and MySQL) take several paths in one ``json_extract``; PostgreSQL builds the array from its
    already parsed jsonb. Extracting parts one by one would parse the whole snapshot once per part.
    """

    output_field = TextField()

    def __init__(self, column: str, *paths: tuple[str, ...]):
        self.paths = paths
        super().__init__(F(column))

    def as_sql(self, compiler, connection, **extra_context):
        column, params = compiler.compile(self.source_expressions[0])
        placeholders = ", ".join(["%s"] * len(self.paths))
        paths = ["$" + "".join(f'."{key}"' for key in path) for path in self.paths]
        return f"json_extract({column}, {placeholders})", [*params, *paths]

    def as_postgresql(self, compiler, connection, **extra_context):
        column, params = compiler.compile(self.source_expressions[0])
        parts = ", ".join([f"{column} #> %s::text[]"] * len(self.paths))
        # Paths are array literals ({score,overall}); their keys are plain words from the code, never input.
        paths = ["{" + ",".join(path) + "}" for path in self.paths]
        return f"jsonb_build_array({parts})::text", [value for path in paths for value in (*params, path)]


# The parts of a snapshot that a list row shows, in the order of ``_summary``'s unpacking.
SUMMARY_PATHS = (
    ("product",),
    ("maker",),
    ("score", "overall"),
    ("score", "grade"),
    ("score", "subscores"),
    ("score", "computed_at"),
    ("score", "solingen"),
)


# A version never changes, so what its list row shows may be cached for long; the key carries the hash.
SUMMARY_CACHE_SECONDS = 7 * 24 * 60 * 60


def current_version_summaries(product_ids: Iterable[int]) -> dict[int, dict]:
    """What a list row shows of each product's current version, keyed by product id.

    One query reads the current versions; the parts of their snapshots a row needs come from the cache,
    or else from a second query in which the database extracts them, so that the large remainder
    (criteria, materials, supply chain) never travels. On SQLite that extraction parses every snapshot,
    which is why the (immutable) parts are cached.
    """
    ids = list(product_ids)
    if not ids:
        return {}
    versions = list(
        PassportVersion.objects.current()
        .filter(product_id__in=ids)
        .values_list(
            "product_id",
            "pk",
            "number",
            "published_at",
            "content_hash",
            "methodology_version",
            "product__status",
            "redaction_count",
        )
    )
    keys = {version[1]: f"passport-summary:2:{version[1]}:{version[4][:32]}:{version[7]}" for version in versions}
    cached = cache.get_many(keys.values())
    missing = [pk for pk, key in keys.items() if key not in cached]
    if missing:
        fresh = dict(
            PassportVersion.objects.filter(pk__in=missing).values_list("pk", JsonParts("snapshot", *SUMMARY_PATHS))
        )
        cache.set_many({keys[pk]: parts for pk, parts in fresh.items()}, SUMMARY_CACHE_SECONDS)
        cached.update({keys[pk]: parts for pk, parts in fresh.items()})
    return {version[0]: _summary(version, cached[keys[version[1]]]) for version in versions}


def _summary(version: tuple, parts: str) -> dict:
    _product_id, _pk, number, published_at, content_hash, methodology_version, status, _redactions = version
    product, maker, overall, grade, subscores, computed_at, solingen = json.loads(parts)
    maker = maker or {}
    return {
        "number": number,
        "published_at": published_at,
        "content_hash": content_hash,
        "methodology_version": methodology_version,
        "status": status,
        "product": product or {},
        "maker": {"slug": maker.get("slug", ""), "name": maker.get("name", "")},
        "score": None
        if grade is None
        else {
            "overall": overall,
            "grade": grade,
            "subscores": subscores or {},
            "computed_at": computed_at,
            "solingen": designation_flag(solingen),
        },
    }


# What the CSV export reads of a version: its stored line, and the snapshot only when no line is stored yet.
CSV_FIELDS = (
    "open_data_csv_row",
    Case(When(open_data_csv_row="", then="snapshot"), default=None, output_field=JSONField()),
    "content_hash",
)
SNAPSHOT_FIELDS = ("snapshot", "content_hash")


def published_snapshots(fields=SNAPSHOT_FIELDS, chunk_size: int = 500) -> Iterator[tuple]:
    """``fields`` (by default snapshot and content hash; ``CSV_FIELDS`` for the CSV export) of the current version
    of every published, not withdrawn, passport.

    Ordered by passport code, so that two exports of the same catalogue are identical; read in chunks,
    so that an export of a large catalogue holds only one chunk in memory.
    """
    return (
        PassportVersion.objects.current()
        .filter(product__status=Product.Status.PUBLISHED)
        .order_by("product__passport_code")
        .values_list(*fields)
        .iterator(chunk_size=chunk_size)
    )


def changed_snapshots(since, fields=SNAPSHOT_FIELDS, chunk_size: int = 500) -> Iterator[tuple]:
    """``fields`` and the status of the current version of every passport published or withdrawn at or after
    ``since``: the delta export. Withdrawn ones are rows too, so that a copy can drop them.

    A withdrawal is known by the product's last change (withdrawing saves it), so a withdrawn product edited
    later shows up again, still withdrawn: harmless for a reader that applies rows by passport code.
    """
    changed = Q(published_at__gte=since) | Q(product__status=Product.Status.WITHDRAWN, product__updated_at__gte=since)
    return (
        PassportVersion.objects.public()
        .current()
        .filter(changed)
        .order_by("product__passport_code")
        .values_list(*fields, "product__status")
        .iterator(chunk_size=chunk_size)
    )


def public_catalogue_revision() -> str:
    """A value that changes whenever a passport is published, withdrawn or redacted, in one query.

    Publishing adds a version with a higher id (its hash tells a restored or rebuilt database from the
    one a cache saw); withdrawing raises the count of withdrawn products, and only publishing again (a
    new version) lowers it; a redaction, which changes a published version in place, adds a redaction
    record with a higher id. Caches of public lists key on this value. Each part reads an index: the
    withdrawn products have a partial index of their own (at a million products the count read them all).
    """
    versions = connection.ops.quote_name(PassportVersion._meta.db_table)
    products = connection.ops.quote_name(Product._meta.db_table)
    redactions = connection.ops.quote_name(PassportRedaction._meta.db_table)
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT (SELECT COUNT(*) FROM {products} WHERE status = %s), (SELECT MAX(id) FROM {redactions}), "
            f"id, content_hash FROM {versions} ORDER BY id DESC LIMIT 1",
            [Product.Status.WITHDRAWN.value],
        )
        row = cursor.fetchone()
    return "-".join(str(value) for value in row) if row else "empty"


# ---------- What to print ----------


def current_versions() -> QuerySet[PassportVersion]:
    """The current version of every public product (withdrawn ones too), ordered by product name."""
    return PassportVersion.objects.public().current().select_related("product").order_by("product__name", "product__pk")


def printable_version(
    passport_code: str, number: int | None = None, *, snapshot: bool = True
) -> PassportVersion | None:
    """The current public version of the product with this canonical passport code, or the given version.

    ``snapshot=False`` leaves the snapshot out (the PDF views first ask the cache; see ``load_snapshots``)."""
    if number is None:
        versions = current_versions().filter(product__passport_code=passport_code)
    else:
        versions = (
            PassportVersion.objects.public()
            .select_related("product")
            .filter(product__passport_code=passport_code, number=number)
        )
    return (versions if snapshot else versions.defer("snapshot")).first()


def current_versions_named(
    identifiers: Sequence[Identifier], *, snapshots: bool = True
) -> tuple[list[PassportVersion], list[Identifier]]:
    """Current public versions named by GTINs or passport codes, in the order named and each once (one query),
    and the identifiers that name no public passport (unknown, or still a draft). ``snapshots=False``: without
    their snapshots, as for ``printable_version``."""
    if not identifiers:
        return [], []
    codes = [identifier.value for identifier in identifiers if identifier.kind == "passport_code"]
    gtins = [identifier.value for identifier in identifiers if identifier.kind == "gtin"]
    versions = current_versions().filter(Q(product__passport_code__in=codes) | Q(product__gtin__in=gtins))
    return order_by_identifiers(identifiers, versions if snapshots else versions.defer("snapshot"))


def load_snapshots(versions: Sequence[PassportVersion]) -> None:
    """Fill in the snapshots of versions read without them, in one query: they are the largest part of a row,
    and a PDF that comes from the cache never needs them."""
    snapshots = dict(PassportVersion.objects.filter(pk__in=[v.pk for v in versions]).values_list("pk", "snapshot"))
    for version in versions:
        version.snapshot = snapshots[version.pk]


def current_versions_of_products(product_ids: Iterable[int]) -> dict[int, PassportVersion]:
    """Current public versions keyed by product id; products without one are missing from the result."""
    return {version.product_id: version for version in current_versions().filter(product_id__in=list(product_ids))}


def published_product(kind: str, value: str) -> Product | None:
    """The published product with this canonical GTIN or passport code; drafts and withdrawn ones are not found."""
    lookup = {"gtin": value} if kind == "gtin" else {"passport_code": value}
    return Product.objects.filter(status=Product.Status.PUBLISHED, **lookup).select_related("maker").first()
