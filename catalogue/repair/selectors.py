"""The repair finder's reads: the makers' published repair services and the places staff entered, nearest first."""

from dataclasses import dataclass, field
from decimal import Decimal

from django.db.models.fields.json import KeyTransform
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from catalogue.models import PublishedFacets
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


def _service_label(service_type: str) -> str:
    try:
        return str(RepairService.ServiceType(service_type).label)
    except ValueError:  # a service type of an older methodology: shown by its code
        return service_type


def _maker_entries(language: str) -> list[Entry]:
    """Every maker with a repair service in a current published passport, its services as published."""
    rows = (
        PublishedFacets.objects.filter(product__status=Product.Status.PUBLISHED)
        .annotate(services=KeyTransform("repair_services", KeyTransform("repairability", "version__snapshot")))
        .order_by("name", "pk")
        .values_list(
            "product__maker__slug",
            "product__maker__name",
            "product__maker__street",
            "product__maker__postcode",
            "product__maker__city",
            "product__maker__website",
            "name",
            "product__passport_code",
            "services",
        )
    )
    entries: dict[str, Entry] = {}
    offers: dict[tuple, Offer] = {}
    for slug, maker, street, postcode, city, website, product, code, services in rows:
        for service in services or []:
            entry = entries.get(slug)
            if entry is None:
                entry = entries[slug] = Entry(
                    name=maker,
                    kind=MAKER,
                    kind_label=_("Maker's workshop"),
                    street=street,
                    postcode=postcode,
                    city=city,
                    website=website,
                    maker_slug=slug,
                )
            # One offer per service and provider; a contact that some rows give and others leave empty is kept.
            key = (slug, service["service_type"], service.get("provider") or "")
            offer = offers.get(key)
            if offer is None:
                label = (service.get("label") or {}).get(language) or _service_label(service["service_type"])
                offer = offers[key] = Offer(service["service_type"], label, service.get("provider") or "")
                entry.offers.append(offer)
            for name, value in repair_contact(service, {}).items():
                if value and not getattr(offer, name):
                    setattr(offer, name, value)
            if service.get("price_eur") is not None:
                offer.prices.append(Decimal(str(service["price_eur"])))
            offer.products.append((product, code))
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
                offers=[Offer(kind, _service_label(kind)) for kind in place.service_types],
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
    entries.sort(key=lambda entry: (entry.distance_km if entry.distance_km is not None else unknown, entry.name))
    return entries, origin
