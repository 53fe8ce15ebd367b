"""Reads for the retailer workspace: memberships, the assortment with its print state, print history."""

from dataclasses import dataclass
from functools import cached_property

from django.db.models import BooleanField, Count, IntegerField, OuterRef, Q, QuerySet, Subquery

from catalogue.models import AssortmentItem, ItemPrint, PassportVersion, PrintJob, RetailerOrganisation
from catalogue.passports.printing import FORMATS, Identifier, order_by_identifiers


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

    ``current_number`` is the product's newest public version (None for a draft); per format (shelf, detailed,
    labels) ``printed_<format>`` is the version last printed in it and ``printed_<format>_withdrawn`` whether it
    was printed as withdrawn (None when never printed in that format). ``last_printed_number`` and
    ``last_printed_at`` are the newest version printed in any format, and when.
    """
    current = (
        PassportVersion.objects.public().filter(product=OuterRef("product")).order_by("-number").values("number")[:1]
    )
    prints = ItemPrint.objects.filter(retailer=OuterRef("retailer"), product=OuterRef("product"))
    per_format = {}
    for output_format in FORMATS:
        printed = prints.filter(format=output_format)
        per_format[f"printed_{output_format}"] = Subquery(
            printed.values("version__number")[:1], output_field=IntegerField()
        )
        per_format[f"printed_{output_format}_withdrawn"] = Subquery(
            printed.values("withdrawn")[:1], output_field=BooleanField()
        )
    return (
        AssortmentItem.objects.filter(retailer=retailer)
        .select_related("product", "product__maker", "product__category", "product__published_facets")
        .annotate(
            current_number=Subquery(current, output_field=IntegerField()),
            last_printed_number=Subquery(
                prints.order_by("-version__number").values("version__number")[:1], output_field=IntegerField()
            ),
            last_printed_at=Subquery(prints.order_by("-printed_at").values("printed_at")[:1]),
            **per_format,
        )
        .order_by("product__name", "product__pk")
    )


@dataclass(frozen=True)
class FormatState:
    """What the page says about one format of one item: the version printed and whether it needs a reprint."""

    format: str
    label: str
    printed_number: int | None
    reprint_needed: bool

    @property
    def never_printed(self) -> bool:
        return self.printed_number is None


@dataclass
class AssortmentRow:
    """One assortment item with what the page says about its printed passports, per format."""

    item: AssortmentItem

    @property
    def product(self):
        return self.item.product

    @property
    def withdrawn(self) -> bool:
        return self.product.status == self.product.Status.WITHDRAWN

    @property
    def grade(self) -> str:
        """The grade as published (the current passport's), not the live score of unpublished changes."""
        facets = getattr(self.product, "published_facets", None)
        return facets.grade if facets is not None else ""

    def _needs_reprint(self, printed: int | None, printed_withdrawn: bool | None) -> bool:
        current = self.item.current_number
        if current is None or printed is None:
            return False
        return current > printed or (self.withdrawn and not printed_withdrawn)

    @cached_property
    def formats(self) -> list[FormatState]:
        """Shelf, detailed and labels, each with the version printed and whether it is out of date: a newer
        version was published since, or the product was withdrawn since."""
        labels = dict(PrintJob.Format.choices)
        states = []
        for output_format in FORMATS:
            printed = getattr(self.item, f"printed_{output_format}", None)
            withdrawn = getattr(self.item, f"printed_{output_format}_withdrawn", None)
            states.append(
                FormatState(output_format, labels[output_format], printed, self._needs_reprint(printed, withdrawn))
            )
        return states

    @property
    def reprint_formats(self) -> list[str]:
        return [state.format for state in self.formats if state.reprint_needed]

    @property
    def never_printed(self) -> bool:
        """Not printed in any format."""
        return self.item.last_printed_number is None

    @property
    def reprint_needed(self) -> bool:
        """Some format printed of it is out of date."""
        return bool(self.reprint_formats)


def assortment_rows(retailer: RetailerOrganisation) -> list[AssortmentRow]:
    return [AssortmentRow(item) for item in assortment(retailer)]


class RowFilter:
    """The assortment page's filters: ``state`` (never: not printed in that format or any; reprint: out of
    date), ``format`` (one of FORMATS, or empty for any), ``grade`` (A to E) and ``q`` (name, maker or code)."""

    NEVER = "never"
    REPRINT = "reprint"

    def __init__(self, state: str = "", output_format: str = "", grade: str = "", query: str = ""):
        self.state = state if state in (self.NEVER, self.REPRINT) else ""
        self.format = output_format if output_format in FORMATS else ""
        self.grade = grade.strip().upper()[:1]
        self.query = " ".join(query.split()).casefold()

    @property
    def active(self) -> bool:
        return bool(self.state or self.grade or self.query)

    def _state_matches(self, row: AssortmentRow) -> bool:
        if not self.state:
            return True
        states = [state for state in row.formats if not self.format or state.format == self.format]
        if self.state == self.REPRINT:
            return any(state.reprint_needed for state in states)
        if self.format:
            return states[0].never_printed and row.item.current_number is not None
        return row.never_printed and row.item.current_number is not None

    def _query_matches(self, row: AssortmentRow) -> bool:
        if not self.query:
            return True
        product = row.product
        text = " ".join([product.name, product.maker.name, product.gtin or "", product.passport_code or ""])
        compact = self.query.replace(" ", "").replace("-", "")
        return self.query in text.casefold() or compact in (product.passport_code or "").casefold().replace("-", "")

    def __call__(self, rows: list[AssortmentRow]) -> list[AssortmentRow]:
        return [
            row
            for row in rows
            if self._state_matches(row) and (not self.grade or row.grade == self.grade) and self._query_matches(row)
        ]


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
