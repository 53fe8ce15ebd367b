"""Supply-chain criteria: disclosed steps, named performers, evidence and regional value added."""

from . import methodology as m
from .facts import Derived, ProductFacts
from .text import REGION_LABELS, STAGE_GROUP_LABELS, Outcome, known, listing, num, phrased, unknown

LIST_STEPS = (
    "Fertigungsschritte mit Ausführenden und Ort angeben",
    "List the manufacturing steps with who performed them and where",
)
STAGE_GROUP_OF_STEP = {step: group for group, steps, _weight in m.REGIONAL_STAGE_GROUPS for step in steps}
STAGE_GROUP_WEIGHT_TOTAL = sum(weight for _group, _steps, weight in m.REGIONAL_STAGE_GROUPS)


def disclosure(facts: ProductFacts, derived: Derived) -> Outcome:
    """Share of steps disclosed with who and where, counted against at least REFERENCE_STEP_COUNT steps."""
    steps = facts.steps
    if not steps:
        return unknown(("Lieferkette", "supply chain"), LIST_STEPS)
    disclosed = 0
    for step in steps:
        if step.performed_by and step.country:
            disclosed += 1
    return _disclosure(disclosed, len(steps))


@phrased
def _disclosure(disclosed: int, total: int) -> Outcome:
    reference = m.REFERENCE_STEP_COUNT
    explanation = (
        f"{disclosed} von {total} Schritten mit Ausführenden und Ort angegeben",
        f"{disclosed} of {total} steps disclosed with who and where",
    )
    if total < reference:
        explanation = (
            f"{explanation[0]}; volle Punktzahl ab {reference} Schritten.",
            f"{explanation[1]}; full points from {reference} steps.",
        )
    else:
        explanation = (explanation[0] + ".", explanation[1] + ".")
    hints = (
        ("für jeden Schritt angeben, wer ihn wo ausführt", "say for every step who performed it and where")
        if disclosed < total
        else None,
        (f"mindestens {reference} Fertigungsschritte angeben", f"list at least {reference} manufacturing steps")
        if total < reference
        else None,
    )
    return known(disclosed / max(total, reference), explanation, *hints)


def named_performers(facts: ProductFacts, derived: Derived) -> Outcome:
    """Steps whose performer is named publicly (the maker or a named supplier); confidential names count half.

    Counted, not a share, so that disclosing one more step never lowers the score.
    """
    steps = facts.steps
    if not steps:
        return unknown(
            ("wer die Schritte ausführt", "who performed the steps"),
            ("Für jeden Fertigungsschritt angeben, wer ihn ausführt", "Name who performed each manufacturing step"),
        )
    public = confidential = anonymous = 0
    for step in steps:
        if step.performed_by == "maker" or (step.performed_by == "supplier" and step.supplier_name):
            if step.performed_by == "supplier" and step.supplier_confidential:
                confidential += 1
            else:
                public += 1
        else:
            anonymous += 1
    return _named_performers(public, confidential, anonymous)


@phrased
def _named_performers(public: int, confidential: int, anonymous: int) -> Outcome:
    reference = m.REFERENCE_STEP_COUNT
    credit = public + m.CONFIDENTIAL_SUPPLIER_CREDIT * confidential
    explanation = (
        f"{public} Schritte mit öffentlich genannten Ausführenden, {confidential} mit vertraulichem Lieferanten; "
        f"volle Punktzahl ab {reference} genannten Schritten.",
        f"{public} steps name who performed them, {confidential} have a confidential supplier; "
        f"full points from {reference} named steps.",
    )
    hints = (
        ("vertrauliche Lieferanten öffentlich nennen", "name confidential suppliers publicly")
        if confidential
        else None,
        ("für jeden Schritt angeben, wer ihn ausführt", "say who performed each step") if anonymous else None,
        (
            f"für mindestens {reference} Schritte angeben, wer sie ausführt",
            f"name who performed at least {reference} steps",
        )
        if public + confidential + anonymous < reference
        else None,
    )
    return known(min(1.0, credit / reference), explanation, *hints)


def supply_chain_evidence(facts: ProductFacts, derived: Derived) -> Outcome:
    """Supply-chain claims backed by evidence; verified by staff earns full points."""
    if "supply_chain" in derived.verified:
        return known(1.0, ("Lieferkette durch geprüfte Nachweise belegt.", "Supply chain backed by verified evidence."))
    if "supply_chain" in derived.documented:
        return known(
            m.SUPPLY_CHAIN_EVIDENCE_DOCUMENTED,
            (
                "Nachweise zur Lieferkette liegen vor, sind aber nicht geprüft.",
                "Supply-chain evidence is not verified yet.",
            ),
            ("Nachweise zur Lieferkette prüfen lassen", "Have the supply-chain evidence verified"),
        )
    return unknown(
        ("Nachweise zur Lieferkette", "supply-chain evidence"),
        ("Nachweise zur Lieferkette hochladen und prüfen lassen", "Upload supply-chain evidence and have it verified"),
    )


def regional_value(facts: ProductFacts, derived: Derived) -> Outcome:
    """Regional value added over the essential stage groups: Solingen/Haan > Bergisch triangle > DE > EU > world.

    Each group counts with the nearest region any of its steps happens in, so disclosing a step never lowers it.
    """
    best: dict[str, str] = {}
    for step in facts.steps:
        group = STAGE_GROUP_OF_STEP.get(step.step_type)
        if group is None or step.region not in m.REGION_CREDIT:
            continue
        current = best.get(group)
        if current is None or m.REGION_CREDIT[step.region] > m.REGION_CREDIT[current]:
            best[group] = step.region
    if not best:
        return unknown(
            ("Orte der wertschöpfenden Fertigungsstufen", "where the value-adding stages happen"),
            (
                "Angeben, wo geschmiedet, gehärtet, geschliffen, montiert und fein geschliffen wird",
                "Disclose where forging, hardening, grinding, assembly and finishing happen",
            ),
        )
    return _regional_value(tuple(best.get(group) for group, _steps, _weight in m.REGIONAL_STAGE_GROUPS))


@phrased
def _regional_value(regions: tuple[str | None, ...]) -> Outcome:
    """Outcome from the nearest region of each stage group (None: not disclosed), in REGIONAL_STAGE_GROUPS order."""
    share = 0.0
    missing, distant = [], []
    for (group, _steps, weight), region in zip(m.REGIONAL_STAGE_GROUPS, regions, strict=True):
        if region is None:
            missing.append(STAGE_GROUP_LABELS[group])
            continue
        share += weight * m.REGION_CREDIT[region]
        if region != "solingen":
            label, where = STAGE_GROUP_LABELS[group], REGION_LABELS[region]
            distant.append((f"{label[0]}: {where[0]}", f"{label[1]}: {where[1]}"))
    share /= STAGE_GROUP_WEIGHT_TOTAL
    percent = num(share * 100)
    explanation = (
        f"Regionaler Anteil der Wertschöpfung: {percent[0]} %",
        f"Regional share of value added: {percent[1]} %",
    )
    hints = []
    if missing:
        names = listing(missing)
        explanation = (
            f"{explanation[0]}; nicht angegeben: {names[0]}.",
            f"{explanation[1]}; not disclosed: {names[1]}.",
        )
        hints.append((f"Orte angeben für: {names[0]}", f"disclose where these happen: {names[1]}"))
    else:
        explanation = (explanation[0] + ".", explanation[1] + ".")
    if distant:
        places = listing(distant)
        hints.append(
            (
                f"Wertschöpfung nach Solingen/Haan holen ({places[0]})",
                f"bring value added to Solingen/Haan ({places[1]})",
            )
        )
    return known(share, explanation, *hints)
