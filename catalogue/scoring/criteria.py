"""The criterion table: every criterion's sub-score, maximum points, label, source standard, rule and function.

The engine, the methodology page and docs/scoring.md all read this one table.
"""

from collections.abc import Callable
from dataclasses import dataclass

from . import circularity, durability, repairability, supply_chain
from . import methodology as m
from .facts import Derived, ProductFacts
from .text import STAGE_GROUP_LABELS, Outcome, num


@dataclass(frozen=True)
class Criterion:
    key: str
    subscore: str
    max_points: float  # within its sub-score; the maxima of a sub-score sum to 100
    label: dict[str, str]
    standard: str  # the published method the criterion follows
    rule: dict[str, str]  # how points are awarded, for the methodology page
    evaluate: Callable[[ProductFacts, Derived], Outcome]


def _pct(value: float) -> str:
    return num(value * 100)[1]


def _steps_rule(what: tuple[str, str], table: tuple, beyond: float, more: tuple[str, str], unit: str = "") -> dict:
    """The rule of a (threshold, share) table: "<what>: bis 2: 100 %, bis 4: 70 %, <more>: 20 %." (de and en)."""
    rule = {}
    for index, (language, up_to) in enumerate((("de", "bis"), ("en", "up to"))):
        steps = ", ".join(f"{up_to} {num(limit)[index]}{unit}: {_pct(share)} %" for limit, share in table)
        rule[language] = f"{what[index]}: {steps}, {more[index]}: {_pct(beyond)} %."
    return rule


DECLARED = _pct(m.DECLARED_FACTOR)

CRITERIA: tuple[Criterion, ...] = (
    Criterion(
        "warranty",
        "durability",
        25,
        {"de": "Garantie", "en": "Warranty"},
        "EN 45552 (durability)",
        {
            "de": f"Garantiejahre geteilt durch die Referenz der Kategorie (höchstens 1); lebenslange Garantie zählt "
            f"voll. Ohne geprüften Nachweis {DECLARED} %.",
            "en": f"Warranty years divided by the category's reference (at most 1); a lifetime warranty counts "
            f"in full. {DECLARED} % without verified evidence.",
        },
        durability.warranty,
    ),
    Criterion(
        "lifetime",
        "durability",
        20,
        {"de": "Erwartete Lebensdauer", "en": "Expected lifetime"},
        "EN 45552 (durability)",
        {
            "de": f"Erwartete Lebensdauer geteilt durch die Referenz der Kategorie (höchstens 1). "
            f"Ohne geprüften Nachweis {DECLARED} %.",
            "en": f"Expected lifetime divided by the category's reference (at most 1). "
            f"{DECLARED} % without verified evidence.",
        },
        durability.lifetime,
    ),
    Criterion(
        "tested_properties",
        "durability",
        25,
        {"de": "Geprüfte Eigenschaften", "en": "Tested properties"},
        "ISO 8442-5 (sharpness and edge retention of blades); EN 45552",
        {
            "de": f"Je geprüfter Eigenschaft: mit geprüftem Nachweis {_pct(m.TEST_CREDIT_VERIFIED)} %, mit "
            f"ungeprüftem Nachweis {_pct(m.TEST_CREDIT_DOCUMENTED)} %, ohne Nachweis "
            f"{_pct(m.TEST_CREDIT_UNDOCUMENTED)} %; {m.TESTED_PROPERTIES_FOR_FULL_POINTS} volle Eigenschaften "
            f"ergeben die volle Punktzahl.",
            "en": f"Per tested property: {_pct(m.TEST_CREDIT_VERIFIED)} % with verified evidence, "
            f"{_pct(m.TEST_CREDIT_DOCUMENTED)} % with unverified evidence, {_pct(m.TEST_CREDIT_UNDOCUMENTED)} % "
            f"without; {m.TESTED_PROPERTIES_FOR_FULL_POINTS} full properties earn full points.",
        },
        durability.tested_properties,
    ),
    Criterion(
        "resharpening",
        "durability",
        15,
        {"de": "Nachschleifbarkeit", "en": "Resharpening"},
        "EN 45552 (durability); EN 45554 (upgrade and reuse)",
        {
            "de": f"Nur für Kategorien mit Klingen. Nachschleifbar: 50 %, plus 50 % anteilig bis "
            f"{m.RESHARPENING_CYCLES_FOR_FULL_POINTS} Nachschliffe.",
            "en": f"Only for categories with blades. Resharpenable: 50 %, plus 50 % pro rata up to "
            f"{m.RESHARPENING_CYCLES_FOR_FULL_POINTS} resharpenings.",
        },
        durability.resharpening,
    ),
    Criterion(
        "refurbishment",
        "durability",
        10,
        {"de": "Aufarbeitung", "en": "Refurbishment"},
        "EN 45552 (durability); EN 45554 (upgrade and reuse)",
        {
            "de": "Aufarbeitbar (oder Aufarbeitung als Service angeboten): volle Punktzahl.",
            "en": "Refurbishable (or refurbishment offered as a service): full points.",
        },
        durability.refurbishment,
    ),
    Criterion(
        "maintenance",
        "durability",
        5,
        {"de": "Pflegehinweise", "en": "Maintenance instructions"},
        "EN 45552 (durability); EN 45554 (information)",
        {"de": "Pflegehinweise angegeben: volle Punktzahl.", "en": "Maintenance instructions given: full points."},
        durability.maintenance,
    ),
    Criterion(
        "documentation",
        "repairability",
        20,
        {"de": "Reparaturanleitung", "en": "Repair documentation"},
        "EN 45554 (repair information); French repairability index, criterion 1",
        {
            "de": f"Öffentlich {_pct(m.DOCUMENTATION_CREDIT['public'])} %, nur für Fachbetriebe "
            f"{_pct(m.DOCUMENTATION_CREDIT['professionals'])} %, keine 0 %.",
            "en": f"Public {_pct(m.DOCUMENTATION_CREDIT['public'])} %, professionals only "
            f"{_pct(m.DOCUMENTATION_CREDIT['professionals'])} %, none 0 %.",
        },
        repairability.documentation,
    ),
    Criterion(
        "disassembly",
        "repairability",
        10,
        {"de": "Zerlegungstiefe", "en": "Disassembly depth"},
        "EN 45554 (disassembly depth); French repairability index, criterion 2",
        _steps_rule(
            ("Schritte bis zum Verschleißteil", "Steps to the wearing part"),
            m.DISASSEMBLY_CREDIT,
            m.DISASSEMBLY_CREDIT_BEYOND,
            ("mehr", "more"),
        ),
        repairability.disassembly,
    ),
    Criterion(
        "fasteners",
        "repairability",
        10,
        {"de": "Verbindungselemente", "en": "Fasteners"},
        "EN 45554 (fasteners); French repairability index, criterion 2",
        {
            "de": f"Wiederverwendbar {_pct(m.FASTENER_CREDIT['reusable'])} %, lösbar "
            f"{_pct(m.FASTENER_CREDIT['removable'])} %, nicht lösbar 0 %.",
            "en": f"Reusable {_pct(m.FASTENER_CREDIT['reusable'])} %, removable "
            f"{_pct(m.FASTENER_CREDIT['removable'])} %, not removable 0 %.",
        },
        repairability.fasteners,
    ),
    Criterion(
        "tools",
        "repairability",
        10,
        {"de": "Werkzeug", "en": "Tools"},
        "EN 45554 (tools); French repairability index, criterion 2",
        {
            "de": f"Ohne Werkzeug {_pct(m.TOOL_CREDIT['none'])} %, gängiges {_pct(m.TOOL_CREDIT['basic'])} %, "
            f"produktspezifisches {_pct(m.TOOL_CREDIT['product_specific'])} %, proprietäres 0 %.",
            "en": f"No tools {_pct(m.TOOL_CREDIT['none'])} %, basic {_pct(m.TOOL_CREDIT['basic'])} %, "
            f"product-specific {_pct(m.TOOL_CREDIT['product_specific'])} %, proprietary 0 %.",
        },
        repairability.tools,
    ),
    Criterion(
        "spare_parts",
        "repairability",
        20,
        {"de": "Ersatzteile", "en": "Spare parts"},
        "EN 45554 (spare parts, availability, delivery); French repairability index, criterion 3",
        {
            "de": f"Angeboten {_pct(m.SPARE_PART_OFFERED_SHARE)} %, plus {_pct(m.SPARE_PART_YEARS_SHARE)} % anteilig "
            f"bis {m.SPARE_PART_YEARS_FOR_FULL_POINTS} Jahre Verfügbarkeit, plus "
            f"{_pct(m.SPARE_PART_DELIVERY_SHARE)} % für Lieferung in {m.DELIVERY_CREDIT[0][0]} Tagen "
            f"(die Hälfte bis {m.DELIVERY_CREDIT[1][0]} Tage).",
            "en": f"Offered {_pct(m.SPARE_PART_OFFERED_SHARE)} %, plus {_pct(m.SPARE_PART_YEARS_SHARE)} % pro rata "
            f"up to {m.SPARE_PART_YEARS_FOR_FULL_POINTS} years of availability, plus "
            f"{_pct(m.SPARE_PART_DELIVERY_SHARE)} % for delivery within {m.DELIVERY_CREDIT[0][0]} days "
            f"(half up to {m.DELIVERY_CREDIT[1][0]} days).",
        },
        repairability.spare_parts,
    ),
    Criterion(
        "spare_part_price",
        "repairability",
        10,
        {"de": "Ersatzteilpreis", "en": "Spare-part price"},
        "French repairability index, criterion 4 (price of parts relative to the product)",
        _steps_rule(
            ("Günstigstes Ersatzteil in % des Produktpreises", "Most affordable spare part as % of the product price"),
            m.SPARE_PART_PRICE_CREDIT,
            m.SPARE_PART_PRICE_CREDIT_BEYOND,
            ("teurer", "dearer"),
            " %",
        ),
        repairability.spare_part_price,
    ),
    Criterion(
        "repair_services",
        "repairability",
        20,
        {"de": "Reparaturservice (produktspezifisch)", "en": "Repair services (product-specific)"},
        "French repairability index, criterion 5 (product-specific criterion)",
        {
            "de": "Klingen: Nachschleifservice 50 %, neuer Griff oder Reparatur 50 %. Andere Kategorien: "
            "jeder Reparaturservice volle Punktzahl.",
            "en": "Blades: resharpening service 50 %, new handle or repair 50 %. Other categories: any repair "
            "service earns full points.",
        },
        repairability.repair_services,
    ),
    Criterion(
        "disclosure",
        "supply_chain",
        30,
        {"de": "Offengelegte Schritte", "en": "Disclosed steps"},
        "UNECE Recommendation 46 (traceability and transparency of value chains); ESPR (EU) 2024/1781",
        {
            "de": f"Schritte mit Ausführenden und Ort geteilt durch die Zahl der Schritte, mindestens "
            f"{m.REFERENCE_STEP_COUNT}.",
            "en": f"Steps with who and where, divided by the number of steps (at least {m.REFERENCE_STEP_COUNT}).",
        },
        supply_chain.disclosure,
    ),
    Criterion(
        "named_performers",
        "supply_chain",
        15,
        {"de": "Genannte Lieferanten", "en": "Named suppliers"},
        "UNECE Recommendation 46 (traceability and transparency of value chains)",
        {
            "de": f"Schritte mit öffentlich genannten Ausführenden (vertrauliche Lieferanten zählen "
            f"{_pct(m.CONFIDENTIAL_SUPPLIER_CREDIT)} %); volle Punktzahl ab {m.REFERENCE_STEP_COUNT}.",
            "en": f"Steps whose performer is named publicly (confidential suppliers count "
            f"{_pct(m.CONFIDENTIAL_SUPPLIER_CREDIT)} %); full points from {m.REFERENCE_STEP_COUNT}.",
        },
        supply_chain.named_performers,
    ),
    Criterion(
        "supply_chain_evidence",
        "supply_chain",
        15,
        {"de": "Nachweise zur Lieferkette", "en": "Supply-chain evidence"},
        "ESPR (EU) 2024/1781 (verifiable product information); review by project staff",
        {
            "de": f"Geprüfter Nachweis 100 %, ungeprüfter Nachweis {_pct(m.SUPPLY_CHAIN_EVIDENCE_DOCUMENTED)} %.",
            "en": f"Verified evidence 100 %, unverified evidence {_pct(m.SUPPLY_CHAIN_EVIDENCE_DOCUMENTED)} %.",
        },
        supply_chain.supply_chain_evidence,
    ),
    Criterion(
        "regional_value",
        "supply_chain",
        40,
        {"de": "Regionale Wertschöpfung", "en": "Regional value added"},
        "SolingenV 1994 § 1 (essential manufacturing stages)",
        {
            "de": "Wesentliche Stufen gewichtet ("
            + ", ".join(f"{STAGE_GROUP_LABELS[group][0]} {weight} %" for group, _s, weight in m.REGIONAL_STAGE_GROUPS)
            + ") nach dem nächstgelegenen Ort: Solingen/Haan 100 %, Bergisches Städtedreieck "
            f"{_pct(m.REGION_CREDIT['bergisch'])} %, Deutschland {_pct(m.REGION_CREDIT['germany'])} %, "
            f"EU {_pct(m.REGION_CREDIT['eu'])} %, außerhalb {_pct(m.REGION_CREDIT['world'])} %.",
            "en": "Essential stages weighted ("
            + ", ".join(f"{STAGE_GROUP_LABELS[group][1]} {weight} %" for group, _s, weight in m.REGIONAL_STAGE_GROUPS)
            + ") by their nearest place: Solingen/Haan 100 %, Bergisches Städtedreieck "
            f"{_pct(m.REGION_CREDIT['bergisch'])} %, Germany {_pct(m.REGION_CREDIT['germany'])} %, "
            f"EU {_pct(m.REGION_CREDIT['eu'])} %, outside {_pct(m.REGION_CREDIT['world'])} %.",
        },
        supply_chain.regional_value,
    ),
    Criterion(
        "recycled_content",
        "circularity",
        25,
        {"de": "Rezyklatanteil", "en": "Recycled content"},
        "EN 45557 (recycled content)",
        {
            "de": f"Massengewichteter Rezyklatanteil geteilt durch {num(m.RECYCLED_CONTENT_FOR_FULL_POINTS)[0]} % "
            f"(höchstens 1). Ohne geprüften Nachweis {DECLARED} %.",
            "en": f"Mass-weighted recycled content divided by {num(m.RECYCLED_CONTENT_FOR_FULL_POINTS)[1]} % "
            f"(at most 1). {DECLARED} % without verified evidence.",
        },
        circularity.recycled_content,
    ),
    Criterion(
        "recyclability",
        "circularity",
        20,
        {"de": "Recyclingfähigkeit", "en": "Recyclability"},
        "EN 45555 (recyclability)",
        {
            "de": f"Recyclingfähiger Anteil (angegeben oder aus den Materialien). "
            f"Ohne geprüften Nachweis {DECLARED} %.",
            "en": f"Recyclable share (declared or from the materials). {DECLARED} % without verified evidence.",
        },
        circularity.recyclability,
    ),
    Criterion(
        "separability",
        "circularity",
        15,
        {"de": "Trennbarkeit der Materialien", "en": "Material separability"},
        "EN 45555 (ease of separation); EN 45554",
        {
            "de": f"Von Hand {_pct(m.SEPARABILITY_CREDIT['easy'])} %, mit Werkzeug "
            f"{_pct(m.SEPARABILITY_CREDIT['moderate'])} %, fest verbunden 0 %.",
            "en": f"By hand {_pct(m.SEPARABILITY_CREDIT['easy'])} %, with tools "
            f"{_pct(m.SEPARABILITY_CREDIT['moderate'])} %, bonded 0 %.",
        },
        circularity.separability,
    ),
    Criterion(
        "take_back",
        "circularity",
        20,
        {"de": "Rücknahme", "en": "Take-back"},
        "ESPR (EU) 2024/1781 (end-of-life information); KrWG § 23 (product responsibility)",
        {
            "de": f"Rücknahme angeboten: volle Punktzahl, ohne geprüften Nachweis {DECLARED} %.",
            "en": f"Take-back offered: full points, {DECLARED} % without verified evidence.",
        },
        circularity.take_back,
    ),
    Criterion(
        "substances",
        "circularity",
        20,
        {"de": "Besonders besorgniserregende Stoffe", "en": "Substances of concern"},
        "REACH (EC) 1907/2006 (SVHC candidate list); ESPR (EU) 2024/1781 (substances of concern)",
        {
            "de": f"Jedes Material als frei von SVHC erklärt: volle Punktzahl; enthält eines SVHC oder fehlt die "
            f"Angabe für eines: 0 %. "
            f"Ohne geprüften Nachweis {DECLARED} %.",
            "en": f"Every material declared free of SVHC: full points; any material containing SVHC or not "
            f"declared: 0 %. "
            f"{DECLARED} % without verified evidence.",
        },
        circularity.substances,
    ),
)

CRITERIA_BY_SUBSCORE: dict[str, tuple[Criterion, ...]] = {
    subscore: tuple(criterion for criterion in CRITERIA if criterion.subscore == subscore) for subscore in m.SUBSCORES
}
