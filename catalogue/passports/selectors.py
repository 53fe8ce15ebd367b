"""Reads for publishing: a product with everything its snapshot needs, and published versions."""

from collections.abc import Iterable, Iterator

from django.db.models import Exists, F, OuterRef, Prefetch, QuerySet, Subquery

from catalogue.models import PassportVersion
from catalogue.passports.print_selectors import PUBLIC_STATUSES
from products.models import Product, SupplyChainStep


def products_for_snapshot() -> QuerySet[Product]:
    """Products with every relation the snapshot reads, in a constant number of queries."""
    return Product.objects.select_related(
        "maker",
        "category",
        "score",
        "durability",
        "repairability",
        "end_of_life",
    ).prefetch_related(
        "variants",
        "materials",
        "components",
        Prefetch("supply_chain_steps", queryset=SupplyChainStep.objects.order_by("position", "pk")),
        "evidence",
        "durability_tests__evidence",
        "spare_parts",
        "repair_services",
    )


def latest_version(product: Product) -> PassportVersion | None:
    return PassportVersion.objects.filter(product=product).order_by("-number").first()


def version_history(product: Product) -> list[PassportVersion]:
    """All versions of a product, newest first, without their (large) snapshots."""
    return list(
        PassportVersion.objects.filter(product=product)
        .defer("snapshot")
        .select_related("published_by")
        .order_by("-number")
    )


def public_passport_products() -> QuerySet[Product]:
    """Products whose passport is public: published or withdrawn, with at least one version."""
    return Product.objects.filter(status__in=PUBLIC_STATUSES).filter(
        Exists(PassportVersion.objects.filter(product=OuterRef("pk")))
    )


def _newest_number():
    return PassportVersion.objects.filter(product=OuterRef("product")).order_by("-number").values("number")[:1]


def current_version_summaries(product_ids: Iterable[int]) -> dict[int, dict]:
    """What a list row shows of each product's current version, keyed by product id, in one query.

    The database extracts the parts of the snapshot a row needs, so the large remainder (criteria,
    materials, supply chain) is never decoded. Free text is only extracted inside its object: SQLite
    returns an extracted string without its quotes, so a name such as "123" would come back as a number.
    The grade (a letter) and ISO timestamps cannot be mistaken for JSON.
    """
    ids = list(product_ids)
    if not ids:
        return {}
    rows = PassportVersion.objects.filter(product_id__in=ids, number=Subquery(_newest_number())).values(
        "product_id",
        "number",
        "published_at",
        "content_hash",
        "methodology_version",
        "product__status",
        product_data=F("snapshot__product"),
        maker_data=F("snapshot__maker"),
        overall=F("snapshot__score__overall"),
        grade=F("snapshot__score__grade"),
        subscores=F("snapshot__score__subscores"),
        computed_at=F("snapshot__score__computed_at"),
        solingen=F("snapshot__score__solingen__qualifies"),
    )
    return {row["product_id"]: _summary(row) for row in rows}


def _summary(row: dict) -> dict:
    product = row["product_data"] or {}
    maker = row["maker_data"] or {}
    return {
        "number": row["number"],
        "published_at": row["published_at"],
        "content_hash": row["content_hash"],
        "methodology_version": row["methodology_version"],
        "status": row["product__status"],
        "product": product,
        "maker": {"slug": maker.get("slug", ""), "name": maker.get("name", "")},
        "score": None
        if row["grade"] is None
        else {
            "overall": row["overall"],
            "grade": row["grade"],
            "subscores": row["subscores"] or {},
            "computed_at": row["computed_at"],
            "solingen": row["solingen"],
        },
    }


def published_snapshots(chunk_size: int = 500) -> Iterator[tuple[dict, str]]:
    """(snapshot, content hash) of the current version of every published, not withdrawn, passport.

    Ordered by passport code, so that two exports of the same catalogue are identical; read in chunks,
    so that an export of a large catalogue holds only one chunk in memory.
    """
    return (
        PassportVersion.objects.filter(product__status=Product.Status.PUBLISHED, number=Subquery(_newest_number()))
        .order_by("product__passport_code")
        .values_list("snapshot", "content_hash")
        .iterator(chunk_size=chunk_size)
    )
