"""Reads for the retailer workspace: memberships, the assortment with its print state, print history."""

from dataclasses import dataclass

from django.db.models import Count, IntegerField, OuterRef, Q, QuerySet, Subquery

from catalogue.models import AssortmentItem, PassportVersion, PrintJob, RetailerOrganisation
from catalogue.passports.printing import Identifier, order_by_identifiers


def retailers_for_user(user) -> QuerySet[RetailerOrganisation]:
    """The retailer organisations the user is a member of."""
    if not user.is_authenticated:
        return RetailerOrganisation.objects.none()
    return RetailerOrganisation.objects.filter(memberships__user=user).order_by("name")


class NotInAssortment(LookupError):
    """Some items asked for are not in this retailer's assortment; callers answer as if they did not exist."""


def retailer_for_user(user, slug: str) -> RetailerOrganisation | None:
    """The user's retailer with this slug; None for any other retailer, as if it did not exist."""
    return retailers_for_user(user).filter(slug=slug).first()


def assortment(retailer: RetailerOrganisation) -> QuerySet[AssortmentItem]:
    """The retailer's assortment in one query, each item annotated with its print state.

    ``current_number`` is the product's newest public version (None for a draft), ``last_printed_number``
    the newest version this retailer has printed (None when never printed).
    """
    current = (
        PassportVersion.objects.public().filter(product=OuterRef("product")).order_by("-number").values("number")[:1]
    )
    last_printed = (
        PassportVersion.objects.filter(product=OuterRef("product"), print_jobs__retailer=OuterRef("retailer"))
        .order_by("-number")
        .values("number")[:1]
    )
    last_printed_at = (
        PrintJob.objects.filter(retailer=OuterRef("retailer"), versions__product=OuterRef("product"))
        .order_by("-created_at")
        .values("created_at")[:1]
    )
    return (
        AssortmentItem.objects.filter(retailer=retailer)
        .select_related("product", "product__maker", "product__category")
        .annotate(
            current_number=Subquery(current, output_field=IntegerField()),
            last_printed_number=Subquery(last_printed, output_field=IntegerField()),
            last_printed_at=Subquery(last_printed_at),
        )
        .order_by("product__name", "product__pk")
    )


@dataclass
class AssortmentRow:
    """One assortment item with what the page says about its printed passport."""

    item: AssortmentItem

    @property
    def product(self):
        return self.item.product

    @property
    def never_printed(self) -> bool:
        return self.item.last_printed_number is None

    @property
    def reprint_needed(self) -> bool:
        """A newer version than the one on the shelf is published."""
        current, printed = self.item.current_number, self.item.last_printed_number
        return current is not None and printed is not None and current > printed

    @property
    def withdrawn(self) -> bool:
        return self.product.status == self.product.Status.WITHDRAWN


def assortment_rows(retailer: RetailerOrganisation) -> list[AssortmentRow]:
    return [AssortmentRow(item) for item in assortment(retailer)]


def items_for_printing(retailer: RetailerOrganisation, item_ids) -> list[AssortmentItem]:
    """The retailer's items with these ids; an id outside the assortment raises NotInAssortment."""
    wanted = {int(pk) for pk in item_ids}
    items = list(
        AssortmentItem.objects.filter(retailer=retailer, pk__in=wanted)
        .select_related("product")
        .order_by("product__name", "product__pk")
    )
    if len(items) != len(wanted):
        raise NotInAssortment(sorted(wanted - {item.pk for item in items}))
    return items


def print_history(retailer: RetailerOrganisation, limit: int = 10) -> list[PrintJob]:
    """The retailer's latest print jobs with who printed them and how many passports each held."""
    return list(
        PrintJob.objects.filter(retailer=retailer)
        .select_related("created_by")
        .annotate(passport_count=Count("versions"))
        .order_by("-created_at", "-pk")[:limit]
    )


def items_for_identifiers(
    retailer: RetailerOrganisation, identifiers: list[Identifier]
) -> tuple[list[AssortmentItem], list[Identifier]]:
    """The retailer's items named by GTINs or passport codes, each once in the order named (one query).

    Also returns the identifiers that name nothing in the assortment.
    """
    codes = [identifier.value for identifier in identifiers if identifier.kind == "passport_code"]
    gtins = [identifier.value for identifier in identifiers if identifier.kind == "gtin"]
    items = (
        AssortmentItem.objects.filter(retailer=retailer)
        .filter(Q(product__passport_code__in=codes) | Q(product__gtin__in=gtins))
        .select_related("product")
    )
    return order_by_identifiers(identifiers, items)
