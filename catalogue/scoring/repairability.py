"""Repairability criteria after EN 45554 and the French repairability index."""

from . import methodology as m
from .facts import Derived, ProductFacts
from .text import SERVICE_LABELS, Outcome, graded, known, listing, num, phrased, unknown, years


def _step_credit(value: float, table: tuple, beyond: float) -> float:
    """Share from a (threshold, share) table: the first row whose threshold the value does not exceed."""
    for threshold, share in table:
        if value <= threshold:
            return share
    return beyond


def _stepped(value: float, table: tuple, beyond: float, explanation: tuple[str, str], hint: tuple[str, str]) -> Outcome:
    """The outcome of a value graded by a (threshold, share) table (see ``_step_credit``)."""
    return known(_step_credit(value, table, beyond), explanation, hint)


def _no_spare_parts_offered(facts: ProductFacts) -> bool:
    """The maker said for every component that no spare part exists (as opposed to saying nothing)."""
    return bool(facts.components) and all(part.spare_part_available is False for part in facts.components)


DOCUMENTATION_TEXTS = {
    "public": ("Reparaturanleitung ist öffentlich.", "Repair documentation is public."),
    "professionals": ("Reparaturanleitung nur für Fachbetriebe.", "Repair documentation for professionals only."),
    "none": ("Keine Reparaturanleitung.", "No repair documentation."),
}
PUBLISH_MANUAL = ("Reparaturanleitung veröffentlichen", "Publish the repair manual")
MAKE_MANUAL_PUBLIC = ("Reparaturanleitung öffentlich machen", "Make the repair manual public")
DOCUMENTATION_HINTS = {"public": PUBLISH_MANUAL, "professionals": MAKE_MANUAL_PUBLIC, "none": PUBLISH_MANUAL}
UNDOCUMENTED = (
    ("Reparaturanleitung", "repair documentation"),
    ("Reparaturanleitung öffentlich bereitstellen", "Publish the repair manual"),
)


def documentation(facts: ProductFacts, derived: Derived) -> Outcome:
    """Repair documentation: public, for professionals only, or none (EN 45554 information; French index 1)."""
    return graded(
        facts.repair, "documentation", m.DOCUMENTATION_CREDIT, DOCUMENTATION_TEXTS, DOCUMENTATION_HINTS, UNDOCUMENTED
    )


def disassembly(facts: ProductFacts, derived: Derived) -> Outcome:
    """Disassembly depth: steps to reach the part that most often needs replacing (EN 45554; French index 2)."""
    steps = facts.repair.disassembly_steps if facts.repair is not None else None
    if steps is None:
        return unknown(
            ("Zerlegungstiefe", "disassembly depth"),
            (
                "Angeben, wie viele Schritte bis zum Verschleißteil nötig sind",
                "Disclose how many steps it takes to reach the wearing part",
            ),
        )
    return _disassembly(steps)


@phrased
def _disassembly(steps: int) -> Outcome:
    count = num(steps)
    easiest = m.DISASSEMBLY_CREDIT[0][0]
    return _stepped(
        steps,
        m.DISASSEMBLY_CREDIT,
        m.DISASSEMBLY_CREDIT_BEYOND,
        (
            f"{count[0]} Zerlegungsschritte bis zum Verschleißteil.",
            f"{count[1]} disassembly steps to the wearing part.",
        ),
        (
            f"Zerlegung auf höchstens {easiest} Schritte vereinfachen",
            f"Simplify disassembly to at most {easiest} steps",
        ),
    )


FASTENER_TEXTS = {
    "reusable": ("Wiederverwendbare Verbindungen (z. B. Schrauben).", "Reusable fasteners (e.g. screws)."),
    "removable": ("Lösbare Verbindungen (z. B. Clips).", "Removable fasteners (e.g. clips)."),
    "not_removable": (
        "Nicht lösbare Verbindungen (z. B. geklebt, vernietet).",
        "Fasteners cannot be undone (e.g. glued, riveted).",
    ),
}
REUSABLE_FASTENERS = ("Wiederverwendbare Verbindungen wie Schrauben verwenden", "Use reusable fasteners such as screws")
FASTENER_HINTS = dict.fromkeys(m.FASTENER_CREDIT, REUSABLE_FASTENERS)
FASTENERS_MISSING = (
    ("Verbindungselemente", "fasteners"),
    ("Art der Verbindungen angeben", "Disclose the kind of fasteners"),
)


def fasteners(facts: ProductFacts, derived: Derived) -> Outcome:
    """Fasteners: reusable, removable or not removable (EN 45554; French index 2)."""
    return graded(facts.repair, "fasteners", m.FASTENER_CREDIT, FASTENER_TEXTS, FASTENER_HINTS, FASTENERS_MISSING)


TOOL_TEXTS = {
    "none": ("Ohne Werkzeug reparierbar.", "Repairable without tools."),
    "basic": ("Reparatur mit gängigem Werkzeug.", "Repairable with basic tools."),
    "product_specific": ("Reparatur braucht produktspezifisches Werkzeug.", "Repair needs product-specific tools."),
    "proprietary": ("Reparatur braucht proprietäres Werkzeug.", "Repair needs proprietary tools."),
}
WITH_BASIC_TOOLS = ("Reparatur mit gängigem Werkzeug ermöglichen", "Make repair possible with basic tools")
WITHOUT_TOOLS = ("Reparatur ohne Werkzeug ermöglichen", "Make repair possible without tools")
TOOL_HINTS = {
    "none": WITH_BASIC_TOOLS,
    "basic": WITHOUT_TOOLS,
    "product_specific": WITH_BASIC_TOOLS,
    "proprietary": WITH_BASIC_TOOLS,
}
TOOLS_MISSING = (("benötigtes Werkzeug", "tools needed"), ("Benötigtes Werkzeug angeben", "Disclose the tools needed"))


def tools(facts: ProductFacts, derived: Derived) -> Outcome:
    """Tools needed: none, basic, product-specific or proprietary (EN 45554; French index 2)."""
    return graded(facts.repair, "tools", m.TOOL_CREDIT, TOOL_TEXTS, TOOL_HINTS, TOOLS_MISSING)


# The maker said for every component that no spare part exists.
NO_SPARE_PARTS = known(
    0.0, ("Keine Ersatzteile erhältlich.", "No spare parts offered."), ("Ersatzteile anbieten", "Offer spare parts")
)
LIST_SPARE_PARTS = (
    "Ersatzteile mit Verfügbarkeitsdauer und Lieferzeit eintragen",
    "List the spare parts with how long they are available and how fast they are delivered",
)


def spare_parts(facts: ProductFacts, derived: Derived) -> Outcome:
    """Spare parts offered, how long (the longest period) and how fast (the fastest delivery) (EN 45554; French 3)."""
    parts = facts.spare_parts
    if not parts:
        if any(part.spare_part_available for part in facts.components):
            return known(
                m.SPARE_PART_OFFERED_SHARE,
                (
                    "Ersatzteile werden angeboten; Details nicht angegeben.",
                    "Spare parts are offered; no details disclosed.",
                ),
                LIST_SPARE_PARTS,
            )
        if _no_spare_parts_offered(facts):
            return NO_SPARE_PARTS
        return unknown(("Ersatzteile", "spare parts"), LIST_SPARE_PARTS)
    longest = fastest = None
    for part in parts:
        if part.years_available is not None and (longest is None or part.years_available > longest):
            longest = part.years_available
        if part.delivery_days is not None and (fastest is None or part.delivery_days < fastest):
            fastest = part.delivery_days
    return _spare_parts(len(parts), longest, fastest)


@phrased
def _spare_parts(count: int, longest: int | None, fastest: int | None) -> Outcome:
    full_years = m.SPARE_PART_YEARS_FOR_FULL_POINTS
    fast_days = m.DELIVERY_CREDIT[0][0]
    share = m.SPARE_PART_OFFERED_SHARE
    if longest is None:
        span = ("Verfügbarkeitsdauer nicht angegeben", "availability period not disclosed")
        years_hint = ("Verfügbarkeitsdauer der Ersatzteile angeben", "disclose how long spare parts are available")
    else:
        share += m.SPARE_PART_YEARS_SHARE * min(1.0, longest / full_years)
        period = years(longest)
        span = (f"bis zu {period[0]} erhältlich", f"available for up to {period[1]}")
        years_hint = (
            (
                f"Ersatzteile mindestens {full_years} Jahre anbieten",
                f"offer spare parts for at least {full_years} years",
            )
            if longest < full_years
            else None
        )
    if fastest is None:
        delivery = ("Lieferzeit nicht angegeben", "delivery time not disclosed")
        delivery_hint = ("Lieferzeit angeben", "disclose the delivery time")
    else:
        share += m.SPARE_PART_DELIVERY_SHARE * _step_credit(fastest, m.DELIVERY_CREDIT, m.DELIVERY_CREDIT_BEYOND)
        days = num(fastest)
        delivery = (f"Lieferung in {days[0]} Tagen", f"delivered within {days[1]} days")
        delivery_hint = (
            (f"Lieferung innerhalb von {fast_days} Tagen zusagen", f"promise delivery within {fast_days} days")
            if fastest > fast_days
            else None
        )
    explanation = (
        f"{count} Ersatzteil{'e' if count != 1 else ''}, {span[0]}, {delivery[0]}.",
        f"{count} spare part{'s' if count != 1 else ''}, {span[1]}, {delivery[1]}.",
    )
    return known(share, explanation, years_hint, delivery_hint)


def spare_part_price(facts: ProductFacts, derived: Derived) -> Outcome:
    """Price of the most affordable spare part relative to the product price (French index 4).

    The French index looks at the dearest part; taking the most affordable one keeps the methodology monotone
    (offering one more part never lowers a score). docs/scoring.md explains the trade-off.
    """
    prices = [part.price_percent_of_product for part in facts.spare_parts if part.price_percent_of_product is not None]
    if not prices:
        if not facts.spare_parts and _no_spare_parts_offered(facts):
            return NO_SPARE_PARTS
        return unknown(
            ("Ersatzteilpreise", "spare-part prices"), ("Ersatzteilpreise angeben", "Disclose the spare-part prices")
        )
    return _spare_part_price(min(prices))


@phrased
def _spare_part_price(cheapest: float) -> Outcome:
    price, best = num(cheapest), num(m.SPARE_PART_PRICE_CREDIT[0][0])
    return _stepped(
        cheapest,
        m.SPARE_PART_PRICE_CREDIT,
        m.SPARE_PART_PRICE_CREDIT_BEYOND,
        (
            f"Das günstigste Ersatzteil kostet {price[0]} % des Produktpreises.",
            f"The most affordable spare part costs {price[1]} % of the product price.",
        ),
        (
            f"Ein Ersatzteil für höchstens {best[0]} % des Produktpreises anbieten",
            f"Offer a spare part for at most {best[1]} % of the product price",
        ),
    )


def repair_services(facts: ProductFacts, derived: Derived) -> Outcome:
    """Product-specific criterion (French index 5): resharpening and re-handling for blades, else any repair."""
    offered = {service.service_type for service in facts.repair_services}
    blades = facts.category.resharpenable
    if not offered:
        return unknown(
            ("Reparaturservice", "repair services"),
            ("Nachschleif- und Reparaturservice anbieten", "Offer a resharpening and repair service")
            if blades
            else ("Reparaturservice anbieten", "Offer a repair service"),
        )
    return _repair_services(frozenset(offered), blades)


@phrased
def _repair_services(offered: frozenset[str], blades: bool) -> Outcome:
    names = listing([SERVICE_LABELS.get(kind, (kind, kind)) for kind in sorted(offered)])
    explanation = (f"Angeboten: {names[0]}.", f"Offered: {names[1]}.")
    if not blades:
        return known(1.0, explanation)
    resharpens = "resharpening" in offered
    repairs = bool(offered & m.OTHER_REPAIR_SERVICES)
    share = m.RESHARPENING_SERVICE_SHARE * resharpens + (1.0 - m.RESHARPENING_SERVICE_SHARE) * repairs
    hints = (
        None if resharpens else ("Nachschleifservice anbieten", "offer a resharpening service"),
        None if repairs else ("neuen Griff oder Reparatur anbieten", "offer a new handle or repair"),
    )
    return known(share, explanation, *hints)
