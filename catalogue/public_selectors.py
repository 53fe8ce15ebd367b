"""Reads for the public catalogue: only published passport versions, never live or draft product data."""

from django.db.models import Count, Exists, OuterRef, Prefetch, Q, QuerySet, Subquery

from catalogue.models import PassportVersion
from products.models import Category, MakerOrganisation, Product

# A withdrawn passport stays readable (behind a banner); a draft that was never published is not public.
PUBLIC_STATUSES = (Product.Status.PUBLISHED, Product.Status.WITHDRAWN)

HISTORY_FIELDS = (
    "pk",
    "number",
    "published_at",
    "content_hash",
    "methodology_version",
    "product_id",
    "product__status",
)


def current_version(
    *, gtin: str | None = None, passport_code: str | None = None, with_snapshot: bool = True
) -> PassportVersion | None:
    """The latest published version for a GTIN and/or a passport code, with its product, in one query."""
    keys = Q()
    if gtin:
        keys |= Q(product__gtin=gtin)
    if passport_code:
        keys |= Q(product__passport_code=passport_code)
    if not keys:
        return None
    versions = PassportVersion.objects.filter(keys, product__status__in=PUBLIC_STATUSES).select_related("product")
    if not with_snapshot:
        versions = versions.defer("snapshot")
    return versions.order_by("-number").first()


def version_history(passport_code: str) -> list[dict]:
    """Every version of a public passport, newest first, without snapshots (one query).

    Each row has ``pk``, ``number``, ``published_at``, ``content_hash``, ``methodology_version``,
    ``product_id`` and ``product__status``. Empty when the code is unknown or was never published.
    """
    return list(
        PassportVersion.objects.filter(product__passport_code=passport_code, product__status__in=PUBLIC_STATUSES)
        .order_by("-number")
        .values(*HISTORY_FIELDS)
    )


def version_snapshot(version_pk: int) -> dict:
    """The frozen snapshot of one version (one query)."""
    return PassportVersion.objects.values_list("snapshot", flat=True).get(pk=version_pk)


def newest_versions() -> QuerySet[PassportVersion]:
    """Only the newest version of each product."""
    newest = PassportVersion.objects.filter(product=OuterRef("product")).order_by("-number").values("number")[:1]
    return PassportVersion.objects.filter(number=Subquery(newest))


def latest_public_versions() -> QuerySet[PassportVersion]:
    """The current version of every published (not withdrawn) passport."""
    return newest_versions().filter(product__status=Product.Status.PUBLISHED)


def published_products() -> QuerySet[Product]:
    """Published (not withdrawn) products; ``product.current_versions[0]`` is the current version."""
    return Product.objects.filter(status=Product.Status.PUBLISHED).prefetch_related(
        Prefetch("passport_versions", queryset=newest_versions(), to_attr="current_versions")
    )


def latest_versions_for_codes(passport_codes: list[str]) -> list[PassportVersion]:
    """Current versions of the given passports (for comparison), in the order the codes were given."""
    by_code = {
        version.product.passport_code: version
        for version in latest_public_versions()
        .filter(product__passport_code__in=passport_codes)
        .select_related("product")
    }
    return [by_code[code] for code in passport_codes if code in by_code]


def public_makers() -> QuerySet[MakerOrganisation]:
    """Makers with at least one public passport, with how many current (not withdrawn) ones they have."""
    published = Product.objects.filter(maker=OuterRef("pk"), status__in=PUBLIC_STATUSES)
    return (
        MakerOrganisation.objects.filter(Exists(published))
        .annotate(published_count=Count("products", filter=Q(products__status=Product.Status.PUBLISHED)))
        .order_by("name")
    )


def public_categories() -> QuerySet[Category]:
    """Categories that have at least one published passport."""
    published = Product.objects.filter(category=OuterRef("pk"), status=Product.Status.PUBLISHED)
    return Category.objects.filter(Exists(published))
