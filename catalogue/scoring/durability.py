"""Durability criteria: warranty, expected lifetime, tested properties, resharpening, refurbishment, maintenance."""

from . import methodology as m
from .facts import Derived, ProductFacts
from .text import NOT_RELEVANT, Outcome, evidence_note, known, num, phrased, unknown, years

TEST_DURABILITY = (
    "Haltbarkeit prüfen lassen, z. B. Schneidhaltigkeit nach ISO 8442-5",
    "Test durability, e.g. edge retention after ISO 8442-5",
)


def warranty(facts: ProductFacts, derived: Derived) -> Outcome:
    """Commercial warranty measured against the category's reference warranty; verified terms earn full points."""
    durability = facts.durability
    if durability is None or (durability.warranty_years is None and not durability.lifetime_warranty):
        return unknown(("Garantie", "warranty"), ("Garantiedauer angeben", "Disclose the warranty period"))
    reference = facts.category.reference_warranty_years or m.DEFAULT_REFERENCE_WARRANTY_YEARS
    verified = "warranty" in derived.verified
    offered = reference if durability.lifetime_warranty else durability.warranty_years
    return _warranty(offered, reference, verified, durability.lifetime_warranty)


@phrased
def _warranty(offered: float, reference: float, verified: bool, lifetime_warranty: bool) -> Outcome:
    ratio = min(1.0, offered / reference)
    ref, note = years(reference), evidence_note(verified)
    if lifetime_warranty:
        what = ("Lebenslange Garantie", "Lifetime warranty")
    else:
        given = years(offered)
        what = (f"{given[0]} Garantie", f"{given[1]} warranty")
    explanation = (
        f"{what[0]}; Referenz der Kategorie: {ref[0]}; {note[0]}.",
        f"{what[1]}; the category's reference is {ref[1]}; {note[1]}.",
    )
    hints = (
        (f"Garantie auf {ref[0]} verlängern", f"extend the warranty to {ref[1]}") if ratio < 1 else None,
        None if verified else ("Garantiebedingungen als Nachweis prüfen lassen", "have the warranty terms verified"),
    )
    return known(ratio * (1.0 if verified else m.DECLARED_FACTOR), explanation, *hints)


def lifetime(facts: ProductFacts, derived: Derived) -> Outcome:
    """Expected lifetime measured against the category's reference lifetime; verified evidence earns full points."""
    durability = facts.durability
    if durability is None or durability.expected_lifetime_years is None:
        return unknown(
            ("erwartete Lebensdauer", "expected lifetime"),
            ("Erwartete Lebensdauer angeben", "Disclose the expected lifetime"),
        )
    reference = facts.category.reference_lifetime_years or m.DEFAULT_REFERENCE_LIFETIME_YEARS
    return _lifetime(durability.expected_lifetime_years, reference, "durability" in derived.verified)


@phrased
def _lifetime(expected_years: float, reference: float, verified: bool) -> Outcome:
    ratio = min(1.0, expected_years / reference)
    expected, ref, note = years(expected_years), years(reference), evidence_note(verified)
    explanation = (
        f"Erwartete Lebensdauer {expected[0]}; Referenz der Kategorie: {ref[0]}; {note[0]}.",
        f"Expected lifetime {expected[1]}; the category's reference is {ref[1]}; {note[1]}.",
    )
    hints = (
        (f"Auf mindestens {ref[0]} Lebensdauer auslegen", f"design for a lifetime of at least {ref[1]}")
        if ratio < 1
        else None,
        None
        if verified
        else ("Lebensdauer mit einem geprüften Nachweis belegen", "back the lifetime with verified evidence"),
    )
    return known(ratio * (1.0 if verified else m.DECLARED_FACTOR), explanation, *hints)


def tested_properties(facts: ProductFacts, derived: Derived) -> Outcome:
    """Distinct tested properties, each credited by its evidence (verified > document > none)."""
    if not facts.tests:
        return unknown(("Prüfungen der Haltbarkeit", "durability tests"), TEST_DURABILITY)
    credits: dict[str, float] = {}
    for test in facts.tests:
        if test.evidence_verified:
            credit = m.TEST_CREDIT_VERIFIED
        elif test.has_evidence:
            credit = m.TEST_CREDIT_DOCUMENTED
        else:
            credit = m.TEST_CREDIT_UNDOCUMENTED
        if credit > credits.get(test.property, 0.0):
            credits[test.property] = credit
    count = len(credits)
    verified = sum(1 for credit in credits.values() if credit >= m.TEST_CREDIT_VERIFIED)
    full = m.TESTED_PROPERTIES_FOR_FULL_POINTS
    explanation = (
        f"{count} geprüfte Eigenschaft{'en' if count != 1 else ''}, davon {verified} mit geprüftem Nachweis; "
        f"{full} geprüfte und belegte Eigenschaften ergeben die volle Punktzahl.",
        f"{count} tested propert{'ies' if count != 1 else 'y'}, {verified} backed by verified evidence; "
        f"{full} tested and verified properties earn full points.",
    )
    missing = full - count
    hints = (
        _more_properties(missing, _untested_example(credits)) if missing > 0 else None,
        ("Prüfberichte als Nachweis prüfen lassen", "have the test reports verified") if verified < count else None,
    )
    return known(min(1.0, sum(credits.values()) / full), explanation, *hints)


# Properties a hint suggests testing next, in this order; one already tested is never suggested.
SUGGESTED_PROPERTIES = (
    ("edge_retention", ("Schneidhaltigkeit nach ISO 8442-5", "edge retention after ISO 8442-5")),
    ("sharpness", ("Anfangsschärfe nach ISO 8442-5", "initial sharpness after ISO 8442-5")),
    ("corrosion", ("Korrosionsbeständigkeit", "corrosion resistance")),
    ("hardness", ("Härte", "hardness")),
    ("dishwasher", ("Spülmaschinenfestigkeit", "dishwasher resistance")),
    ("mechanical", ("mechanische Festigkeit", "mechanical strength")),
)


def _untested_example(tested) -> tuple[str, str] | None:
    return next((label for prop, label in SUGGESTED_PROPERTIES if prop not in tested), None)


@phrased
def _more_properties(missing: int, example: tuple[str, str] | None) -> tuple[str, str]:
    german = f"{missing} weitere Eigenschaft{'en' if missing != 1 else ''} prüfen"
    english = f"test {missing} more propert{'ies' if missing != 1 else 'y'}"
    if example is None:
        return german, english
    return f"{german} (z. B. {example[0]})", f"{english} (e.g. {example[1]})"


def resharpening(facts: ProductFacts, derived: Derived) -> Outcome:
    """Whether and how often the blade can be resharpened; only for categories with resharpenable blades."""
    if not facts.category.resharpenable:
        return NOT_RELEVANT
    durability = facts.durability
    if durability is None or durability.resharpenable is None:
        return unknown(
            ("Nachschleifbarkeit", "whether it can be resharpened"),
            (
                "Angeben, ob und wie oft die Klinge nachgeschliffen werden kann",
                "Say whether and how often it can be resharpened",
            ),
        )
    if not durability.resharpenable:
        return known(
            0.0,
            ("Kann nicht nachgeschliffen werden.", "Cannot be resharpened."),
            ("Klinge nachschleifbar gestalten", "Make the blade resharpenable"),
        )
    full = m.RESHARPENING_CYCLES_FOR_FULL_POINTS
    cycles = durability.resharpening_cycles
    if cycles is None:
        # An undisclosed number earns what zero resharpenings would: unknown never beats known.
        return known(
            0.5,
            (
                "Kann nachgeschliffen werden; wie oft, ist nicht angegeben.",
                "Can be resharpened; how often is not disclosed.",
            ),
            ("Angeben, wie oft nachgeschliffen werden kann", "Disclose how often it can be resharpened"),
        )
    times = num(cycles)
    return known(
        0.5 + 0.5 * min(1.0, cycles / full),
        (f"Kann etwa {times[0]}-mal nachgeschliffen werden.", f"Can be resharpened about {times[1]} times."),
        (f"Klinge für mindestens {full} Nachschliffe auslegen", f"Design the blade for at least {full} resharpenings"),
    )


def refurbishment(facts: ProductFacts, derived: Derived) -> Outcome:
    """Whether the product can be refurbished; offering a refurbishment service shows that it can."""
    durability = facts.durability
    refurbishable = durability.refurbishable if durability is not None else None
    if any(service.service_type == "refurbishment" for service in facts.repair_services):
        refurbishable = True
    if refurbishable is None:
        return unknown(
            ("Aufarbeitbarkeit", "whether it can be refurbished"),
            ("Angeben, ob das Produkt aufgearbeitet werden kann", "Say whether the product can be refurbished"),
        )
    if refurbishable:
        return known(1.0, ("Kann aufgearbeitet werden.", "Can be refurbished."))
    return known(
        0.0,
        ("Kann nicht aufgearbeitet werden.", "Cannot be refurbished."),
        ("Aufarbeitung ermöglichen", "Make refurbishment possible"),
    )


def maintenance(facts: ProductFacts, derived: Derived) -> Outcome:
    """Maintenance instructions are given."""
    if facts.durability is not None and facts.durability.has_maintenance_instructions:
        return known(1.0, ("Pflegehinweise liegen vor.", "Maintenance instructions are given."))
    return unknown(
        ("Pflegehinweise", "maintenance instructions"), ("Pflegehinweise angeben", "Give maintenance instructions")
    )
