"""Reads for publishing: a product with everything its snapshot needs, and published versions."""

from django.db.models import Prefetch, QuerySet

from catalogue.models import PassportVersion
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
