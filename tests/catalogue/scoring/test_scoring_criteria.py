"""Table-driven tests of every scoring criterion, on plain facts (no database)."""

import pytest

from tests.catalogue.scoring.scoring_helpers import (
    CLIPPERS,
    KNIVES,
    CategoryFacts,
    ComponentFacts,
    DurabilityFacts,
    DurabilityTestFacts,
    EndOfLifeFacts,
    EvidenceFacts,
    MaterialFacts,
    RepairFacts,
    RepairServiceFacts,
    SparePartFacts,
    criterion,
    full_facts,
    replace,
    step,
)

D = DurabilityFacts(5, False, 25, True, True, 20, True)
VERIFIED = {
    claim: (EvidenceFacts(claim, verified=True),)
    for claim in ("warranty", "durability", "materials", "end_of_life", "supply_chain")
}

CASES = [
    # ---- durability: warranty (25) against the category's reference, full points only when verified
    ("warranty", full_facts(durability=None), 0, "unknown", "Not disclosed: warranty"),
    ("warranty", full_facts(durability=replace(D, warranty_years=None)), 0, "unknown", "Not disclosed"),
    ("warranty", full_facts(), 20, "known", "declared by the maker"),
    ("warranty", full_facts(evidence=VERIFIED["warranty"]), 25, "known", "verified by staff"),
    ("warranty", full_facts(evidence=VERIFIED["durability"]), 20, "known", "not verified"),
    (
        "warranty",
        full_facts(durability=replace(D, warranty_years=2.5), evidence=VERIFIED["warranty"]),
        12.5,
        "known",
        "2.5 years warranty",
    ),
    (
        "warranty",
        full_facts(durability=replace(D, warranty_years=10), evidence=VERIFIED["warranty"]),
        25,
        "known",
        "reference is 5 years",
    ),
    ("warranty", full_facts(durability=replace(D, warranty_years=0)), 0, "known", "0 years warranty"),
    (
        "warranty",
        full_facts(durability=replace(D, warranty_years=None, lifetime_warranty=True)),
        20,
        "known",
        "Lifetime warranty",
    ),
    (
        "warranty",
        full_facts(
            category=replace(KNIVES, reference_warranty_years=None),
            durability=replace(D, warranty_years=2.5),
            evidence=VERIFIED["warranty"],
        ),
        12.5,
        "known",
        "reference is 5 years",
    ),
    (
        "warranty",
        full_facts(
            category=replace(KNIVES, reference_warranty_years=2),
            durability=replace(D, warranty_years=1),
            evidence=VERIFIED["warranty"],
        ),
        12.5,
        "known",
        "1 year warranty",
    ),
    # ---- durability: expected lifetime (20)
    ("lifetime", full_facts(durability=replace(D, expected_lifetime_years=None)), 0, "unknown", "expected lifetime"),
    ("lifetime", full_facts(), 16, "known", "Expected lifetime 25 years"),
    ("lifetime", full_facts(evidence=VERIFIED["durability"]), 20, "known", "verified by staff"),
    (
        "lifetime",
        full_facts(durability=replace(D, expected_lifetime_years=10), evidence=VERIFIED["durability"]),
        10,
        "known",
        "reference is 20 years",
    ),
    (
        "lifetime",
        full_facts(
            category=CategoryFacts("x", True),
            durability=replace(D, expected_lifetime_years=5),
            evidence=VERIFIED["durability"],
        ),
        10,
        "known",
        "reference is 10 years",
    ),
    # ---- durability: tested properties (25), 3 fully credited properties for full points
    ("tested_properties", full_facts(), 0, "unknown", "durability tests"),
    (
        "tested_properties",
        full_facts(tests=(DurabilityTestFacts("sharpness", True, True),)),
        8.33,
        "known",
        "1 tested property, 1 backed",
    ),
    (
        "tested_properties",
        full_facts(
            tests=tuple(DurabilityTestFacts(p, True, True) for p in ("sharpness", "edge_retention", "corrosion"))
        ),
        25,
        "known",
        "3 tested properties, 3 backed",
    ),
    (
        "tested_properties",
        full_facts(
            tests=(
                DurabilityTestFacts("sharpness", True, True),
                DurabilityTestFacts("edge_retention", True, False),
                DurabilityTestFacts("corrosion", False, False),
            )
        ),
        18.33,
        "known",
        "1 backed by verified evidence",
    ),
    (
        "tested_properties",
        full_facts(
            tests=(DurabilityTestFacts("sharpness", False, False), DurabilityTestFacts("sharpness", True, True))
        ),
        8.33,
        "known",
        "1 tested property",
    ),
    (
        "tested_properties",
        full_facts(
            tests=tuple(
                DurabilityTestFacts(p, True, True) for p in ("sharpness", "edge_retention", "corrosion", "hardness")
            )
        ),
        25,
        "known",
        "4 tested properties",
    ),
    # ---- durability: resharpening (15), only for categories with resharpenable blades
    ("resharpening", full_facts(category=CLIPPERS), 0, "not_applicable", "Not relevant"),
    ("resharpening", full_facts(durability=replace(D, resharpenable=None)), 0, "unknown", "resharpened"),
    (
        "resharpening",
        full_facts(durability=replace(D, resharpenable=False, resharpening_cycles=None)),
        0,
        "known",
        "Cannot be resharpened",
    ),
    ("resharpening", full_facts(durability=replace(D, resharpening_cycles=None)), 7.5, "known", "how often is not"),
    ("resharpening", full_facts(durability=replace(D, resharpening_cycles=0)), 7.5, "known", "about 0 times"),
    ("resharpening", full_facts(durability=replace(D, resharpening_cycles=5)), 11.25, "known", "about 5 times"),
    ("resharpening", full_facts(durability=replace(D, resharpening_cycles=10)), 15, "known", "about 10 times"),
    ("resharpening", full_facts(), 15, "known", "about 20 times"),
    # ---- durability: refurbishment (10)
    ("refurbishment", full_facts(), 10, "known", "Can be refurbished"),
    ("refurbishment", full_facts(durability=replace(D, refurbishable=False)), 0, "known", "Cannot be refurbished"),
    ("refurbishment", full_facts(durability=replace(D, refurbishable=None)), 0, "unknown", "refurbished"),
    (
        "refurbishment",
        full_facts(durability=replace(D, refurbishable=None), repair_services=(RepairServiceFacts("refurbishment"),)),
        10,
        "known",
        "Can be",
    ),
    # ---- durability: maintenance instructions (5)
    ("maintenance", full_facts(), 5, "known", "Maintenance instructions are given"),
    (
        "maintenance",
        full_facts(durability=replace(D, has_maintenance_instructions=False)),
        0,
        "unknown",
        "maintenance instructions",
    ),
    # ---- repairability: documentation (20)
    ("documentation", full_facts(), 20, "known", "is public"),
    (
        "documentation",
        full_facts(repair=RepairFacts("professionals", 2, "reusable", "basic")),
        10,
        "known",
        "professionals only",
    ),
    (
        "documentation",
        full_facts(repair=RepairFacts("none", 2, "reusable", "basic")),
        0,
        "known",
        "No repair documentation",
    ),
    ("documentation", full_facts(repair=RepairFacts("", 2, "reusable", "basic")), 0, "unknown", "Not disclosed"),
    ("documentation", full_facts(repair=None), 0, "unknown", "Not disclosed"),
    # ---- repairability: disassembly depth (10)
    ("disassembly", full_facts(repair=RepairFacts("public", 0, "reusable", "basic")), 10, "known", "0 disassembly"),
    ("disassembly", full_facts(), 10, "known", "2 disassembly steps"),
    ("disassembly", full_facts(repair=RepairFacts("public", 3, "reusable", "basic")), 7, "known", "3 disassembly"),
    ("disassembly", full_facts(repair=RepairFacts("public", 4, "reusable", "basic")), 7, "known", "4"),
    ("disassembly", full_facts(repair=RepairFacts("public", 5, "reusable", "basic")), 4, "known", "5"),
    ("disassembly", full_facts(repair=RepairFacts("public", 8, "reusable", "basic")), 4, "known", "8"),
    ("disassembly", full_facts(repair=RepairFacts("public", 9, "reusable", "basic")), 1, "known", "9"),
    ("disassembly", full_facts(repair=RepairFacts("public", None, "reusable", "basic")), 0, "unknown", "depth"),
    # ---- repairability: fasteners (10)
    ("fasteners", full_facts(), 10, "known", "Reusable fasteners"),
    ("fasteners", full_facts(repair=RepairFacts("public", 2, "removable", "basic")), 6, "known", "Removable"),
    ("fasteners", full_facts(repair=RepairFacts("public", 2, "not_removable", "basic")), 0, "known", "cannot be"),
    ("fasteners", full_facts(repair=RepairFacts("public", 2, "", "basic")), 0, "unknown", "fasteners"),
    # ---- repairability: tools (10)
    ("tools", full_facts(repair=RepairFacts("public", 2, "reusable", "none")), 10, "known", "without tools"),
    ("tools", full_facts(), 8, "known", "basic tools"),
    ("tools", full_facts(repair=RepairFacts("public", 2, "reusable", "product_specific")), 4, "known", "specific"),
    ("tools", full_facts(repair=RepairFacts("public", 2, "reusable", "proprietary")), 0, "known", "proprietary"),
    ("tools", full_facts(repair=RepairFacts("public", 2, "reusable", "")), 0, "unknown", "tools needed"),
    # ---- repairability: spare parts (20): offered, longest availability, fastest delivery
    ("spare_parts", full_facts(spare_parts=(), components=()), 0, "unknown", "spare parts"),
    (
        "spare_parts",
        full_facts(spare_parts=(), components=(ComponentFacts("Griff", True, False),)),
        0,
        "known",
        "No spare parts offered",
    ),
    (
        "spare_parts",
        full_facts(
            spare_parts=(), components=(ComponentFacts("Griff", True, False), ComponentFacts("Klinge", False, None))
        ),
        0,
        "unknown",
        "spare parts",
    ),
    ("spare_parts", full_facts(spare_parts=()), 4, "known", "no details"),
    ("spare_parts", full_facts(), 20, "known", "available for up to 10 years"),
    ("spare_parts", full_facts(spare_parts=(SparePartFacts("A", 5, 10, None),)), 12, "known", "within 10 days"),
    ("spare_parts", full_facts(spare_parts=(SparePartFacts("A", None, None, None),)), 4, "known", "not disclosed"),
    (
        "spare_parts",
        full_facts(spare_parts=(SparePartFacts("A", 2, 30, None), SparePartFacts("B", 12, None, None))),
        15.2,
        "known",
        "2 spare parts",
    ),
    # ---- repairability: spare-part price (10), the most affordable part
    ("spare_part_price", full_facts(), 8, "known", "costs 20 %"),
    (
        "spare_part_price",
        full_facts(spare_parts=(SparePartFacts("A", 10, 5, 60), SparePartFacts("B", 10, 5, 8))),
        10,
        "known",
        "costs 8 %",
    ),
    ("spare_part_price", full_facts(spare_parts=(SparePartFacts("A", 10, 5, 10),)), 10, "known", "10 %"),
    ("spare_part_price", full_facts(spare_parts=(SparePartFacts("A", 10, 5, 30),)), 6, "known", "30 %"),
    ("spare_part_price", full_facts(spare_parts=(SparePartFacts("A", 10, 5, 50),)), 3, "known", "50 %"),
    ("spare_part_price", full_facts(spare_parts=(SparePartFacts("A", 10, 5, 51),)), 1, "known", "51 %"),
    ("spare_part_price", full_facts(spare_parts=(SparePartFacts("A", 10, 5, None),)), 0, "unknown", "prices"),
    ("spare_part_price", full_facts(spare_parts=()), 0, "unknown", "prices"),
    (
        "spare_part_price",
        full_facts(spare_parts=(), components=(ComponentFacts("Griff", True, False),)),
        0,
        "known",
        "No spare parts offered",
    ),
    # ---- repairability: product-specific repair services (20)
    ("repair_services", full_facts(repair_services=()), 0, "unknown", "repair services"),
    ("repair_services", full_facts(), 10, "known", "Offered: resharpening"),
    ("repair_services", full_facts(repair_services=(RepairServiceFacts("new_handle"),)), 10, "known", "new handle"),
    (
        "repair_services",
        full_facts(repair_services=(RepairServiceFacts("resharpening"), RepairServiceFacts("general_repair"))),
        20,
        "known",
        "repair",
    ),
    (
        "repair_services",
        full_facts(category=CLIPPERS, repair_services=(RepairServiceFacts("general_repair"),)),
        20,
        "known",
        "Offered: repair",
    ),
    # ---- supply chain: disclosed steps (30), counted against at least 4 steps
    ("disclosure", full_facts(steps=()), 0, "unknown", "supply chain"),
    ("disclosure", full_facts(), 30, "known", "4 of 4 steps"),
    ("disclosure", full_facts(steps=(step("forging"), step("grinding"))), 15, "known", "full points from 4 steps"),
    (
        "disclosure",
        full_facts(
            steps=(
                *(step(k) for k in ("forging", "hardening", "grinding")),
                *(step(k, region="", performed_by="") for k in ("assembly", "finishing", "other")),
            )
        ),
        15,
        "known",
        "3 of 6 steps",
    ),
    (
        "disclosure",
        full_facts(steps=tuple(step(k, performed_by="") for k in ("forging", "hardening", "grinding", "assembly"))),
        0,
        "known",
        "0 of 4 steps",
    ),
    # ---- supply chain: named performers (15), confidential suppliers count half
    ("named_performers", full_facts(), 15, "known", "4 steps name"),
    (
        "named_performers",
        full_facts(
            steps=(
                step("forging"),
                step("hardening"),
                step("grinding", performed_by="supplier", supplier_name="Schleiferei X", supplier_confidential=True),
                step("assembly", performed_by="supplier", supplier_name="Y", supplier_confidential=True),
            )
        ),
        11.25,
        "known",
        "2 have a confidential supplier",
    ),
    (
        "named_performers",
        full_facts(steps=(step("forging", performed_by="supplier", supplier_name=""),)),
        0,
        "known",
        "0 steps name",
    ),
    ("named_performers", full_facts(steps=()), 0, "unknown", "who performed"),
    # ---- supply chain: evidence (15)
    ("supply_chain_evidence", full_facts(evidence=VERIFIED["supply_chain"]), 15, "known", "verified evidence"),
    ("supply_chain_evidence", full_facts(evidence=(EvidenceFacts("supply_chain", False),)), 6, "known", "not verified"),
    ("supply_chain_evidence", full_facts(evidence=VERIFIED["warranty"]), 0, "unknown", "supply-chain evidence"),
    # ---- supply chain: regional value added (40) over the essential stage groups
    (
        "regional_value",
        full_facts(steps=tuple(step(k) for k in ("forging", "hardening", "grinding", "assembly", "finishing"))),
        40,
        "known",
        "100 %.",
    ),
    ("regional_value", full_facts(), 36, "known", "not disclosed: finishing"),
    ("regional_value", full_facts(steps=(step("forging"),)), 12, "known", "30 %"),
    ("regional_value", full_facts(steps=(step("forging", region="germany"), step("stamping"))), 12, "known", "30 %"),
    ("regional_value", full_facts(steps=(step("forging", region="bergisch"),)), 9.6, "known", "24 %"),
    ("regional_value", full_facts(steps=(step("grinding", region="eu"),)), 3, "known", "7.5 %"),
    (
        "regional_value",
        full_facts(
            steps=tuple(step(k, region="world") for k in ("forging", "hardening", "grinding", "assembly", "finishing"))
        ),
        0,
        "known",
        "0 %",
    ),
    ("regional_value", full_facts(steps=(step("raw_material"), step("packaging"))), 0, "unknown", "value-adding"),
    ("regional_value", full_facts(steps=(step("forging", region="", performed_by="maker"),)), 0, "unknown", "stages"),
    # ---- circularity: recycled content (25), mass-weighted, full points from 50 %
    ("recycled_content", full_facts(materials=()), 0, "unknown", "recycled content"),
    ("recycled_content", full_facts(materials=(MaterialFacts("A", 100, None, None, True, False),)), 0, "unknown", ""),
    ("recycled_content", full_facts(), 9.6, "known", "Recycled content 24 %"),
    ("recycled_content", full_facts(evidence=VERIFIED["materials"]), 12, "known", "verified by staff"),
    (
        "recycled_content",
        full_facts(materials=(MaterialFacts("A", 100, None, 60, True, False),), evidence=VERIFIED["materials"]),
        25,
        "known",
        "60 %",
    ),
    (
        "recycled_content",
        full_facts(
            materials=(MaterialFacts("A", 50, None, 50, True, False), MaterialFacts("B", 50, None, None, True, False)),
            evidence=VERIFIED["materials"],
        ),
        12.5,
        "known",
        "25 %",
    ),
    (
        "recycled_content",
        full_facts(
            materials=(MaterialFacts("A", None, 300, 50, True, False), MaterialFacts("B", None, 100, 0, True, False)),
            evidence=VERIFIED["materials"],
        ),
        18.75,
        "known",
        "37.5 %",
    ),
    (
        "recycled_content",
        full_facts(
            materials=(MaterialFacts("A", None, None, 50, True, False), MaterialFacts("B", None, 100, 0, True, False)),
            evidence=VERIFIED["materials"],
        ),
        12.5,
        "known",
        "25 %",
    ),
    # ---- circularity: recyclability (20): declared share or the materials, whichever is higher
    ("recyclability", full_facts(materials=(), end_of_life=None), 0, "unknown", "recyclability"),
    (
        "recyclability",
        full_facts(
            materials=(MaterialFacts("A", 100, None, 0, None, False),), end_of_life=EndOfLifeFacts(True, 90, "easy")
        ),
        14.4,
        "known",
        "90 % recyclable",
    ),
    (
        "recyclability",
        full_facts(
            materials=(MaterialFacts("A", 100, None, 0, None, False),),
            end_of_life=EndOfLifeFacts(True, 90, "easy"),
            evidence=VERIFIED["end_of_life"],
        ),
        18,
        "known",
        "verified",
    ),
    (
        "recyclability",
        full_facts(
            materials=(MaterialFacts("A", 80, None, 0, True, False), MaterialFacts("B", 20, None, 0, False, False)),
            end_of_life=EndOfLifeFacts(True, 50, "easy"),
            evidence=VERIFIED["end_of_life"],
        ),
        16,
        "known",
        "80 % recyclable",
    ),
    ("recyclability", full_facts(), 16, "known", "100 % recyclable"),
    # ---- circularity: separability (15)
    ("separability", full_facts(end_of_life=EndOfLifeFacts(True, 90, "easy")), 15, "known", "by hand"),
    ("separability", full_facts(), 9, "known", "basic tools"),
    ("separability", full_facts(end_of_life=EndOfLifeFacts(True, 90, "hard")), 0, "known", "bonded"),
    ("separability", full_facts(end_of_life=EndOfLifeFacts(True, 90, "")), 0, "unknown", "separability"),
    ("separability", full_facts(end_of_life=None), 0, "unknown", "separability"),
    # ---- circularity: take-back (20)
    ("take_back", full_facts(), 16, "known", "declared by the maker"),
    ("take_back", full_facts(evidence=VERIFIED["end_of_life"]), 20, "known", "verified by staff"),
    ("take_back", full_facts(end_of_life=EndOfLifeFacts(False, 90, "easy")), 0, "known", "No take-back"),
    ("take_back", full_facts(end_of_life=EndOfLifeFacts(None, 90, "easy")), 0, "unknown", "take-back"),
    # ---- circularity: substances of concern (20)
    ("substances", full_facts(), 16, "known", "Free of substances of concern"),
    ("substances", full_facts(evidence=VERIFIED["materials"]), 20, "known", "verified by staff"),
    (
        "substances",
        full_facts(materials=(MaterialFacts("Messing", 100, None, 0, True, True),)),
        0,
        "known",
        "Contains substances of concern: Messing",
    ),
    (
        "substances",
        full_facts(
            materials=(MaterialFacts("A", 80, None, 0, True, False), MaterialFacts("B", 20, None, 0, True, None)),
            evidence=VERIFIED["materials"],
        ),
        0,
        "unknown",
        "1 of 2 declared free",
    ),
    ("substances", full_facts(materials=(MaterialFacts("A", 100, None, 0, True, None),)), 0, "unknown", "substances"),
]


@pytest.mark.parametrize(("key", "facts", "points", "status", "fragment"), CASES)
def test_criterion(key, facts, points, status, fragment):
    result = criterion(facts, key)
    assert result.points == pytest.approx(points, abs=0.005)
    assert result.status == status
    assert fragment in result.explanation["en"]
    assert result.explanation["de"] and result.explanation["de"] != result.explanation["en"]


@pytest.mark.parametrize(("key", "facts", "points", "status", "fragment"), CASES)
def test_a_hint_says_what_it_gains_wherever_points_are_lost(key, facts, points, status, fragment):
    result = criterion(facts, key)
    if status == "not_applicable" or result.points == result.max_points:
        assert result.hint is None and result.hint_points is None
        return
    assert result.hint_points == pytest.approx(result.max_points - result.points)
    gain = f"{result.hint_points:g}"
    assert result.hint["en"].endswith(f": +{gain} {result.subscore.replace('supply_chain', 'supply-chain')} points")
    assert f": +{gain.replace('.', ',')} Punkte " in result.hint["de"]


def test_every_criterion_is_covered_by_the_table():
    from catalogue.scoring import CRITERIA

    covered = {case[0] for case in CASES}
    assert covered == {item.key for item in CRITERIA}
    for item in CRITERIA:
        statuses = {case[3] for case in CASES if case[0] == item.key}
        assert {"known", "unknown"} <= statuses or item.key == "supply_chain_evidence", item.key


def test_a_category_without_resharpening_rescales_durability_to_100():
    result = criterion(full_facts(category=CLIPPERS), "warranty")
    durability = [item for item in full_facts_result(CLIPPERS).criteria if item.subscore == "durability"]
    assert sum(item.max_points for item in durability) == pytest.approx(100)
    assert [item.max_points for item in durability] == [29.41, 23.53, 29.41, 0.0, 11.77, 5.88]
    assert result.max_points == 29.41


def full_facts_result(category):
    from catalogue.scoring import score_product

    return score_product(full_facts(category=category))
