"""Reads for printing: the public passport versions to render, by identifier, number or in bulk."""

from collections.abc import Iterable

from django.db.models import OuterRef, Q, QuerySet, Subquery

from catalogue.models import PassportVersion
from products.models import Product

# A withdrawn passport keeps every URL readable; only drafts are never public.
PUBLIC_STATUSES = (Product.Status.PUBLISHED, Product.Status.WITHDRAWN)


def public_versions() -> QuerySet[PassportVersion]:
    """Versions of products that are public (published or withdrawn), with their product."""
    return PassportVersion.objects.filter(product__status__in=PUBLIC_STATUSES).select_related("product")


def current_versions() -> QuerySet[PassportVersion]:
    """The newest public version of every public product, ordered by product name."""
    newest = PassportVersion.objects.filter(product=OuterRef("product")).order_by("-number").values("number")[:1]
    return public_versions().filter(number=Subquery(newest)).order_by("product__name", "product__pk")


def current_version(passport_code: str) -> PassportVersion | None:
    """The current public version of the product with this canonical passport code."""
    return current_versions().filter(product__passport_code=passport_code).first()


def public_version(passport_code: str, number: int) -> PassportVersion | None:
    """One given public version of the product with this canonical passport code."""
    return public_versions().filter(product__passport_code=passport_code, number=number).first()


def current_versions_for(passport_codes: Iterable[str] = (), gtins: Iterable[str] = ()) -> list[PassportVersion]:
    """Current public versions of the products with these canonical passport codes or GTINs, in one query."""
    passport_codes, gtins = list(passport_codes), list(gtins)
    if not passport_codes and not gtins:
        return []
    return list(current_versions().filter(Q(product__passport_code__in=passport_codes) | Q(product__gtin__in=gtins)))


def current_versions_of_products(product_ids: Iterable[int]) -> dict[int, PassportVersion]:
    """Current public versions keyed by product id; products without one are missing from the result."""
    return {version.product_id: version for version in current_versions().filter(product_id__in=list(product_ids))}


def published_product(kind: str, value: str) -> Product | None:
    """The published product with this canonical GTIN or passport code; drafts and withdrawn ones are not found."""
    lookup = {"gtin": value} if kind == "gtin" else {"passport_code": value}
    return Product.objects.filter(status=Product.Status.PUBLISHED, **lookup).select_related("maker").first()
