"""Reads for the public catalogue: only published passport versions, never live or draft product data."""

import json
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime
from functools import cached_property

from django.db import connection
from django.db.models import Count, Exists, OuterRef, Q, QuerySet

from catalogue.models import PassportVersion, PublishedFacets
from products.models import Category, MakerOrganisation, Product


@dataclass(frozen=True)
class PublicVersion:
    """A published version with the identity and status of its product, as the hot paths read it."""

    pk: int
    number: int
    published_at: datetime
    content_hash: str
    methodology_version: str
    product_id: int
    passport_code: str
    gtin: str | None
    status: str
    redaction_count: int = 0
    # The snapshot exactly as stored (JSON text), so that an API answer can embed it without re-encoding.
    snapshot_json: str | None = None
    # The detail as rendered at publication (catalogue.passports.public_json); "" when not stored or not read.
    public_detail_json: str = ""

    @cached_property
    def snapshot(self) -> dict:
        if self.snapshot_json is None:
            raise ValueError("This version was read without its snapshot.")
        return json.loads(self.snapshot_json)


# The lookup, resolver and passport page run these on every request. They are written as SQL because
# compiling the equivalent ORM query costs several times more than running it (see bench/bench_resolver.py).
_COLUMNS = (
    "v.id, v.number, v.published_at, v.content_hash, v.methodology_version, p.id, p.passport_code, p.gtin, p.status, "
    "v.redaction_count"
)


def _tables() -> tuple[str, str]:
    quote = connection.ops.quote_name
    return quote(PassportVersion._meta.db_table), quote(Product._meta.db_table)


def _datetime(value):
    convert = getattr(connection.ops, "convert_datetimefield_value", None)
    return convert(value, None, connection) if convert else value


def _json_text(value) -> str | None:
    if value is None or isinstance(value, str):
        return value
    if isinstance(value, bytes | bytearray | memoryview):
        return bytes(value).decode()
    return json.dumps(value, ensure_ascii=False)


def _public_version(row, with_snapshot: bool, detail_json: bool = False) -> PublicVersion:
    pk, number, published_at, content_hash, methodology, product_id, code, gtin, status, redactions = row[:10]
    return PublicVersion(
        pk=pk,
        number=number,
        published_at=_datetime(published_at),
        content_hash=content_hash,
        methodology_version=methodology,
        product_id=product_id,
        passport_code=code,
        gtin=gtin,
        status=status,
        redaction_count=redactions,
        snapshot_json=_json_text(row[10]) if with_snapshot else None,
        public_detail_json=row[11] if detail_json else "",
    )


def current_version(
    *, gtin: str | None = None, passport_code: str | None = None, with_snapshot: bool = True, detail_json: bool = False
) -> PublicVersion | None:
    """The latest published version for a GTIN and/or a passport code, in one query.

    ``detail_json``: with the detail rendered at publication, and the snapshot only when that is missing."""
    keys, params = [], []
    if gtin:
        keys.append("p.gtin = %s")
        params.append(gtin)
    if passport_code:
        keys.append("p.passport_code = %s")
        params.append(passport_code)
    if not keys:
        return None
    versions, products = _tables()
    snapshot = ", v.snapshot" if with_snapshot else ""
    if detail_json:
        snapshot = ", CASE WHEN v.public_detail_json = '' THEN v.snapshot END, v.public_detail_json"
    sql = (
        f"SELECT {_COLUMNS}{snapshot} FROM {versions} v JOIN {products} p ON p.id = v.product_id "
        f"WHERE ({' OR '.join(keys)}) AND p.status IN (%s, %s) ORDER BY v.number DESC LIMIT 1"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [*params, *Product.PUBLIC_STATUSES])
        row = cursor.fetchone()
    return _public_version(row, with_snapshot or detail_json, detail_json) if row else None


def version_history(passport_code: str) -> list[PublicVersion]:
    """Every version of a public passport, newest first, without snapshots (one query).

    Empty when the code is unknown or was never published.
    """
    versions, products = _tables()
    sql = (
        f"SELECT {_COLUMNS} FROM {versions} v JOIN {products} p ON p.id = v.product_id "
        "WHERE p.passport_code = %s AND p.status IN (%s, %s) ORDER BY v.number DESC"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, [passport_code, *Product.PUBLIC_STATUSES])
        return [_public_version(row, with_snapshot=False) for row in cursor.fetchall()]


def version_snapshot(version_pk: int) -> dict:
    """The frozen snapshot of one version (one query)."""
    return PassportVersion.objects.values_list("snapshot", flat=True).get(pk=version_pk)


def published_products() -> QuerySet[Product]:
    """Published (not withdrawn) products; ``card_snapshots`` gives what their cards show."""
    return Product.objects.filter(status=Product.Status.PUBLISHED)


# The parts of a snapshot that a product card shows (presentation.passport_card), as paths into its JSON.
CARD_PARTS = (
    ("product", "name"),
    ("product", "category"),
    ("product", "price_eur"),
    ("maker", "name"),
    ("score", "overall"),
    ("score", "grade"),
    ("score", "solingen"),
)


def card_snapshots(product_ids: Iterable[int]) -> dict[int, dict]:
    """By product: the parts of its current snapshot that a card shows, shaped as a snapshot for ``passport_card``.

    The database picks the few parts out of the JSON, so that a page of 24 cards neither reads nor decodes 24
    whole snapshots and their stored API texts (about a quarter of the browse page's time at a million passports,
    docs/performance.md, "Scale"). The facets row points at the product's current version.
    """
    paths = ["version__snapshot__" + "__".join(path) for path in CARD_PARTS]
    snapshots = {}
    for product_id, *values in PublishedFacets.objects.filter(product_id__in=list(product_ids)).values_list(
        "product_id", *paths
    ):
        snapshot: dict[str, dict | None] = {}
        for (section, key), value in zip(CARD_PARTS, values, strict=True):
            snapshot.setdefault(section, {})[key] = value
        if snapshot["score"]["overall"] is None:
            snapshot["score"] = None  # an unscored snapshot: every path into its score is null
        snapshots[product_id] = snapshot
    return snapshots


def latest_versions_for_codes(passport_codes: list[str]) -> list[PassportVersion]:
    """Current versions of the given passports (for comparison), in the order the codes were given."""
    by_code = {
        version.product.passport_code: version
        for version in PassportVersion.objects.current()
        .filter(product__status=Product.Status.PUBLISHED, product__passport_code__in=passport_codes)
        .select_related("product")
    }
    return [by_code[code] for code in passport_codes if code in by_code]


def public_makers() -> QuerySet[MakerOrganisation]:
    """Makers with at least one public passport, with how many current (not withdrawn) ones they have."""
    published = Product.objects.public().filter(maker=OuterRef("pk"))
    return (
        MakerOrganisation.objects.filter(Exists(published))
        .annotate(published_count=Count("products", filter=Q(products__status=Product.Status.PUBLISHED)))
        .order_by("name")
    )


def makers_with_passports() -> QuerySet[MakerOrganisation]:
    """Makers with at least one current published passport, by name: the browse filter's choices (no counts)."""
    published = Product.objects.filter(maker=OuterRef("pk"), status=Product.Status.PUBLISHED)
    return MakerOrganisation.objects.filter(Exists(published)).order_by("name")


def public_categories() -> QuerySet[Category]:
    """Categories with at least one published passport, and their ancestors (which include them)."""
    parents = dict(Category.objects.values_list("pk", "parent_id"))
    wanted = set()
    # One index probe per category (there are dozens), never a pass over every product (there may be millions).
    published = Product.objects.filter(category=OuterRef("pk"), status=Product.Status.PUBLISHED)
    for pk in Category.objects.filter(Exists(published)).values_list("pk", flat=True):
        while pk is not None and pk not in wanted:
            wanted.add(pk)
            pk = parents.get(pk)
    return Category.objects.filter(pk__in=wanted)
