"""What each user may read or change through the API, with the joins each representation needs."""

from django.db.models import Count, Q, QuerySet

from products.models import Category, EvidenceDocument, MakerMembership, MakerOrganisation, Product
from products.selectors import products_for_user


def member_organisation_ids(user) -> frozenset[int]:
    """The maker organisations the user belongs to (one query, asked once per request)."""
    if not user.is_authenticated:
        return frozenset()
    return frozenset(MakerMembership.objects.filter(user=user).values_list("organisation_id", flat=True))


def member_organisations(user) -> list[MakerOrganisation]:
    if not user.is_authenticated:
        return []
    return list(MakerOrganisation.objects.filter(memberships__user=user).order_by("name", "pk"))


def readable_products(user, organisation_ids: frozenset[int]) -> QuerySet[Product]:
    """The live data of the user's own organisations' products in any status; staff read everything.

    Nobody else reads live product data: what is public is the published passport (api.passports), so
    a change that its maker has not published yet is never shown.
    """
    if user.is_authenticated and user.is_staff:
        return Product.objects.all()
    return Product.objects.filter(maker_id__in=organisation_ids)


def writable_products(user) -> QuerySet[Product]:
    """Products of the user's own organisations; everything else answers 404 to a write."""
    return products_for_user(user)


# What a list row shows (api.serializers.product_rows), as plain values: no model instances to build.
SUMMARY_COLUMNS = (
    "pk",
    "passport_code",
    "gtin",
    "name",
    "model_number",
    "maker__slug",
    "maker__name",
    "category__slug",
    "category__name_de",
    "category__name_en",
    "status",
    "has_unpublished_changes",
    "price_eur",
    "score__overall",
    "score__grade",
    "score__durability",
    "score__repairability",
    "score__supply_chain",
    "score__circularity",
    "score__methodology_version",
    "score__computed_at",
    "updated_at",
)


def with_details(queryset: QuerySet[Product]) -> QuerySet[Product]:
    """Everything the detail representation shows, in a fixed number of queries."""
    return queryset.with_parts().select_related("score")


def evidence_of(product: Product) -> QuerySet[EvidenceDocument]:
    return EvidenceDocument.objects.filter(product=product).order_by("pk")


def makers_with_counts() -> QuerySet[MakerOrganisation]:
    """Every maker with the number of its published products."""
    return MakerOrganisation.objects.annotate(
        published_products=Count("products", filter=Q(products__status=Product.Status.PUBLISHED))
    ).order_by("name", "pk")


def categories() -> QuerySet[Category]:
    return Category.objects.select_related("parent").order_by("name_de", "pk")
