"""The shelf passport's few telling facts, as plain (caption, value) pairs chosen from a snapshot."""

from dataclasses import dataclass

from catalogue.passports.facets import designation_flag
from catalogue.passports.pdf.texts import caption, format_euro, format_years, pick

# The shelf passport lists this many repair services and places at most; the rest is online.
MAX_SERVICES = 2
MAX_PLACES = 3


@dataclass(frozen=True)
class Fact:
    """One of the shelf passport's facts: a text, or a list (``items``, then ``tail``) that may be shortened.

    No text and no items means not disclosed; ``positive`` prints green.
    """

    caption: str
    text: str | None = None
    items: tuple[str, ...] = ()
    tail: str = ""
    language: str = "de"
    positive: bool = False
    limit: int = 3

    @property
    def disclosed(self) -> bool:
        return bool(self.text or self.items or self.tail)

    def value(self, shown: int | None = None) -> str:
        """The fact as text, listing at most ``shown`` items (default: its limit) and counting the rest."""
        if self.text is not None:
            return self.text
        shown = self.limit if shown is None else shown
        parts = []
        if self.items:
            listed = ", ".join(self.items[:shown])
            if len(self.items) > shown:
                listed = f"{listed} {caption('more_online', self.language, count=len(self.items) - shown)}"
            parts.append(listed)
        if self.tail:
            parts.append(self.tail)
        return " · ".join(parts)


def _warranty(durability: dict, language: str) -> str | None:
    if durability.get("lifetime_warranty"):
        return caption("lifetime_warranty_fact", language)
    if durability.get("warranty_years") is not None:
        return caption("warranty_years", language, years=format_years(durability["warranty_years"], language))
    return None


def _lifetime(durability: dict, language: str) -> str | None:
    years = durability.get("expected_lifetime_years")
    if years is None:
        return None
    return caption("lifetime_years", language, years=format_years(years, language))


def _repair(snapshot: dict, language: str) -> Fact:
    durability = snapshot.get("durability") or {}
    repairability = snapshot.get("repairability") or {}
    services = []
    for service in repairability.get("repair_services") or []:
        label = pick(service.get("label"), language) or str(service.get("service_type") or "")
        if not label.strip():
            continue
        price = format_euro(service.get("price_eur"), language)
        services.append(f"{label} ({price})" if price else label)
    tail = ""
    if durability.get("resharpenable"):
        tail = caption("resharpenable", language)
        if durability.get("resharpening_cycles"):
            cycles = caption("resharpening_cycles", language, count=durability["resharpening_cycles"])
            tail = f"{tail}, {cycles}"
    repair = caption("fact_repair", language)
    if services or tail:
        return Fact(repair, items=tuple(services), tail=tail, language=language, limit=MAX_SERVICES)
    if repairability or durability:
        return Fact(repair, caption("no_repair_service", language))
    return Fact(repair)


def _places(snapshot: dict) -> list[str]:
    """The distinct towns of the supply chain in their order (else the maker's town), abroad with the country."""
    places = []
    for step in snapshot.get("supply_chain") or []:
        city = (step.get("city") or "").strip()
        country = (step.get("country") or "").strip()
        place = city if country in ("", "DE") or not city else f"{city} ({country})"
        if place and place not in places:
            places.append(place)
    if not places:
        maker = snapshot.get("maker") or {}
        if (maker.get("city") or "").strip():
            places.append(maker["city"].strip())
    return places


def shelf_facts(snapshot: dict, language: str) -> list[Fact]:
    """Three to five facts: warranty, expected lifetime and repair always (disclosed or not); the "Solingen"
    designation where it applies; where it was made where the passport says."""
    durability = snapshot.get("durability") or {}
    facts = [
        Fact(caption("fact_warranty", language), _warranty(durability, language)),
        Fact(caption("fact_lifetime", language), _lifetime(durability, language)),
        _repair(snapshot, language),
    ]
    flag = designation_flag((snapshot.get("score") or {}).get("solingen"))
    if flag is not None:
        key = "solingen_yes" if flag else "solingen_no"
        facts.append(Fact(caption("fact_solingen", language), caption(key, language), positive=flag))
    places = _places(snapshot)
    if places:
        facts.append(Fact(caption("fact_made_in", language), items=tuple(places), language=language, limit=MAX_PLACES))
    return facts
