"""Circularity criteria: recycled content, recyclability, separability, take-back and substances of concern."""

from . import methodology as m
from .facts import Derived, ProductFacts
from .methodology import UNKNOWN
from .text import Outcome, evidence_note, graded, known, num, unknown

VERIFY_MATERIALS = ("Nachweis zu den Materialien prüfen lassen", "have evidence for the materials verified")
VERIFY_END_OF_LIFE = ("Nachweis zum Lebensende prüfen lassen", "have evidence for the end of life verified")
DECLARE_SUBSTANCES = (
    "Für jedes Material angeben, ob es besonders besorgniserregende Stoffe (SVHC) enthält",
    "Declare for each material whether it contains substances of very high concern (SVHC)",
)


def recycled_content(facts: ProductFacts, derived: Derived) -> Outcome:
    """Mass-weighted recycled content; materials that do not disclose it count as 0 %."""
    if not derived.recycled_content_disclosed:
        return unknown(
            ("Rezyklatanteil", "recycled content"),
            ("Rezyklatanteil der Materialien angeben", "Disclose the recycled content of the materials"),
        )
    mean = derived.recycled_content
    full = m.RECYCLED_CONTENT_FOR_FULL_POINTS
    verified = "materials" in derived.verified
    ratio = min(1.0, mean / full)
    percent, target, note = num(mean), num(full), evidence_note(verified)
    short = ratio < 1
    return known(
        ratio * (1.0 if verified else m.DECLARED_FACTOR),
        (
            f"Rezyklatanteil {percent[0]} %; volle Punktzahl ab {target[0]} %; {note[0]}.",
            f"Recycled content {percent[1]} %; full points from {target[1]} %; {note[1]}.",
        ),
        (f"Rezyklatanteil auf {target[0]} % erhöhen", f"raise the recycled content to {target[1]} %")
        if short
        else None,
        ("Rezyklatanteil aller Materialien angeben", "disclose the recycled content of every material")
        if short and derived.recycled_content_disclosed < len(facts.materials)
        else None,
        None if verified else VERIFY_MATERIALS,
    )


def recyclability(facts: ProductFacts, derived: Derived) -> Outcome:
    """Recyclable share: the declared share, or the mass-weighted share of recyclable materials if that is higher."""
    end_of_life = facts.end_of_life
    declared = end_of_life.recyclable_share_percent if end_of_life is not None else None
    if declared is None and not derived.recyclable_disclosed:
        return unknown(
            ("Recyclingfähigkeit", "recyclability"),
            ("Recyclingfähigen Anteil angeben", "Disclose the recyclable share"),
        )
    share = derived.recyclable_share if derived.recyclable_disclosed else 0.0
    if declared is not None and declared / 100.0 > share:
        share = min(1.0, declared / 100.0)
    verified = "end_of_life" in derived.verified
    percent, note = num(share * 100), evidence_note(verified)
    return known(
        share * (1.0 if verified else m.DECLARED_FACTOR),
        (f"{percent[0]} % recyclingfähig; {note[0]}.", f"{percent[1]} % recyclable; {note[1]}."),
        ("recyclingfähigen Anteil erhöhen", "raise the recyclable share") if share < 1 else None,
        None if verified else VERIFY_END_OF_LIFE,
    )


SEPARABILITY_TEXTS = {
    "easy": ("Materialien lassen sich von Hand trennen.", "Materials separate by hand, without tools."),
    "moderate": ("Materialien lassen sich mit einfachem Werkzeug trennen.", "Materials separate with basic tools."),
    "hard": ("Materialien sind fest verbunden.", "Materials are bonded together."),
}
SEPARABILITY_HINTS = dict.fromkeys(
    m.SEPARABILITY_CREDIT,
    (
        "Materialien leichter trennbar machen, z. B. geschraubter statt geklebter Griff",
        "Make the materials easier to separate, e.g. a screwed instead of a glued handle",
    ),
)
SEPARABILITY_MISSING = (
    ("Trennbarkeit der Materialien", "material separability"),
    ("Trennbarkeit der Materialien angeben", "Disclose how the materials separate"),
)


def separability(facts: ProductFacts, derived: Derived) -> Outcome:
    """How easily the materials separate for recycling (EN 45555)."""
    return graded(
        facts.end_of_life,
        "separability",
        m.SEPARABILITY_CREDIT,
        SEPARABILITY_TEXTS,
        SEPARABILITY_HINTS,
        SEPARABILITY_MISSING,
    )


def take_back(facts: ProductFacts, derived: Derived) -> Outcome:
    """Whether the maker takes the product back at the end of its life; verified offers earn full points."""
    offered = facts.end_of_life.take_back_offered if facts.end_of_life is not None else None
    if offered is None:
        return unknown(
            ("Rücknahme", "take-back"),
            ("Angeben, ob das Produkt zurückgenommen wird", "Say whether you take the product back"),
        )
    if not offered:
        return known(0.0, ("Keine Rücknahme.", "No take-back offered."), ("Rücknahme anbieten", "Offer take-back"))
    verified = "end_of_life" in derived.verified
    note = evidence_note(verified)
    return known(
        1.0 if verified else m.DECLARED_FACTOR,
        (f"Rücknahme wird angeboten; {note[0]}.", f"Take-back is offered; {note[1]}."),
        ("Rücknahmeangebot als Nachweis prüfen lassen", "Have the take-back offer verified"),
    )


def substances(facts: ProductFacts, derived: Derived) -> Outcome:
    """Substances of very high concern (REACH SVHC): every material declared free of them earns the points."""
    if not derived.substances_disclosed:
        return unknown(("besonders besorgniserregende Stoffe", "substances of concern"), DECLARE_SUBSTANCES)
    if derived.materials_containing_substances:
        names = ", ".join(derived.materials_containing_substances)
        return known(
            0.0,
            (f"Enthält besonders besorgniserregende Stoffe: {names}.", f"Contains substances of concern: {names}."),
            ("Besonders besorgniserregende Stoffe ersetzen", "Replace the substances of concern"),
        )
    declared, count = derived.materials_declared_free, len(facts.materials)
    if declared < count:
        # Freedom from SVHC is a claim about the whole product: a material left out could contain them.
        return Outcome(
            0.0,
            UNKNOWN,
            (
                f"Nicht für alle Materialien angegeben: {declared} von {count} als frei von besonders "
                "besorgniserregenden Stoffen erklärt.",
                f"Not disclosed for every material: {declared} of {count} declared free of substances of concern.",
            ),
            (("Für alle Materialien angeben, ob sie SVHC enthalten", "Declare SVHC for every material"),),
        )
    verified = "materials" in derived.verified
    note = evidence_note(verified)
    return known(
        1.0 if verified else m.DECLARED_FACTOR,
        (
            f"Frei von besonders besorgniserregenden Stoffen; {note[0]}.",
            f"Free of substances of concern; {note[1]}.",
        ),
        ("Nachweis zu den Materialien prüfen lassen", "Have evidence for the materials verified"),
    )
