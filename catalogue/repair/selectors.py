"""The repair finder's reads: the makers' published repair services and the places staff entered, nearest first."""

from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models.fields.json import KeyTransform
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from catalogue.models import PublishedFacets
from catalogue.passports.links import safe_url
from catalogue.passports.presentation import localise
from catalogue.passports.repair_contact import repair_contact
from lifecycle.models import RepairService
from products.models import Product

from .models import RepairPlace
from .postcodes import Centre, centres, distance_km

MAKER = "maker"
PRODUCTS_NAMED = 3  # per service; the rest is counted


@dataclass(kw_only=True)
class Contact:
    """How to reach a place or a service (catalogue.passports.repair_contact)."""

    phone: str = ""
    phone_href: str = ""
    email: str = ""
    website: str = ""


@dataclass
class Offer(Contact):
    """One service at a place: what it is, who does it, for what price, how to reach them."""

    service_type: str
    label: str
    provider: str = ""
    prices: list[Decimal] = field(default_factory=list)
    products: list[tuple[str, str]] = field(default_factory=list)  # (name, passport code)

    @property
    def price_range(self) -> tuple[Decimal, Decimal] | None:
        return (min(self.prices), max(self.prices)) if self.prices else None

    @property
    def named_products(self) -> list[tuple[str, str]]:
        return self.products[:PRODUCTS_NAMED]

    @property
    def more_products(self) -> int:
        return max(0, len(self.products) - PRODUCTS_NAMED)


@dataclass
class Entry(Contact):
    """A maker's workshop or an independent place on the repair finder."""

    name: str
    kind: str
    kind_label: str
    postcode: str
    city: str
    street: str = ""
    notes: str = ""
    maker_slug: str = ""
    offers: list[Offer] = field(default_factory=list)
    distance_km: float | None = None


def _service_label(service: dict, language: str) -> str:
    label = localise(service.get("label"), language)
    if label:
        return label
    try:
        return str(RepairService.ServiceType(service["service_type"]).label)
    except ValueError:  # a service type of an older methodology: shown by its code
        return service["service_type"]


def _maker_entries(language: str) -> list[Entry]:
    """Every maker with a repair service in a current published passport: the maker and services as published.

    The maker's name, place and website come from the newest of its passports (what it published), never
    from the live record; its street is in no passport, so it is not shown either.
    """
    snapshot = "version__snapshot"
    rows = (
        PublishedFacets.objects.filter(product__status=Product.Status.PUBLISHED)
        .annotate(
            services=KeyTransform("repair_services", KeyTransform("repairability", snapshot)),
            maker=KeyTransform("maker", snapshot),
        )
        .order_by("-published_at", "pk")
        .values_list("name", "product__passport_code", "maker", "services")
    )
    entries: dict[str, Entry] = {}
    offers: dict[tuple, Offer] = {}
    for product, code, maker, services in rows:
        # A redacted or unusual snapshot may lack any of these: such a service is left out, never a 500.
        services = [row for row in services or [] if isinstance(row, dict) and row.get("service_type")]
        if not services or not isinstance(maker, dict) or not maker.get("slug"):
            continue
        slug = maker["slug"]
        entry = entries.get(slug)
        if entry is None:
            entry = entries[slug] = Entry(
                name=maker.get("name") or slug,
                kind=MAKER,
                kind_label=_("Maker's workshop"),
                postcode=maker.get("postcode") or "",
                city=maker.get("city") or "",
                website=safe_url(maker.get("website")) or "",
                maker_slug=slug,
            )
        for service in services:
            # One offer per service and provider; a contact that some rows give and others leave empty is kept.
            key = (slug, service["service_type"], service.get("provider") or "")
            offer = offers.get(key)
            if offer is None:
                offer = offers[key] = Offer(
                    service["service_type"], _service_label(service, language), service.get("provider") or ""
                )
                entry.offers.append(offer)
            for name, value in repair_contact(service, {}).items():
                if value and not getattr(offer, name):
                    setattr(offer, name, value)
            if isinstance(service.get("price_eur"), int | float):
                offer.prices.append(Decimal(str(service["price_eur"])))
            offer.products.append((product, code))
    for offer in offers.values():
        offer.products.sort(key=lambda item: item[0].casefold())
    return list(entries.values())


def _place_entries() -> list[Entry]:
    entries = []
    for place in RepairPlace.objects.filter(active=True):
        contact = repair_contact({"phone": place.phone, "email": place.email, "website": place.website}, {})
        entries.append(
            Entry(
                name=place.name,
                kind=place.kind,
                kind_label=place.get_kind_display(),
                street=place.street,
                postcode=place.postcode,
                city=place.city,
                notes=place.notes,
                offers=[Offer(kind, _service_label({"service_type": kind}, "")) for kind in place.service_types],
                **contact,
            )
        )
    return entries


def repair_directory(*, near: str = "", service_type: str = "") -> tuple[list[Entry], Centre | None]:
    """Repair places offering ``service_type`` (any when empty), nearest to postcode ``near`` first.

    Returns the entries and the centre of ``near`` (None when it is empty or unknown: then by name).
    Places without a known postcode come last.
    """
    entries = _maker_entries(get_language() or "de") + _place_entries()
    if service_type:
        for entry in entries:
            entry.offers = [offer for offer in entry.offers if offer.service_type == service_type]
        entries = [entry for entry in entries if entry.offers]
    known = centres([entry.postcode for entry in entries] + ([near] if near else []))
    origin = known.get(near) if near else None
    if origin is None:
        return sorted(entries, key=lambda entry: entry.name.casefold()), None
    for entry in entries:
        centre = known.get(entry.postcode)
        entry.distance_km = distance_km(origin, centre) if centre else None
    unknown = float("inf")
    entries.sort(
        key=lambda entry: (entry.distance_km if entry.distance_km is not None else unknown, entry.name.casefold())
    )
    return entries, origin
