"""Property-based tests of the scoring core: bounds, sums, determinism, monotonicity, unknown never good."""

import copy
from dataclasses import replace

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from catalogue.scoring import (
    CategoryFacts,
    ComponentFacts,
    DurabilityFacts,
    DurabilityTestFacts,
    EndOfLifeFacts,
    EvidenceFacts,
    MaterialFacts,
    ProductFacts,
    RepairFacts,
    RepairServiceFacts,
    SparePartFacts,
    StepFacts,
    score_product,
)
from catalogue.scoring import methodology as m

PROPERTY_SETTINGS = settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.too_slow])

STEP_TYPES = [
    "raw_material",
    "forging",
    "stamping",
    "hardening",
    "grinding",
    "handle_making",
    "assembly",
    "finishing",
    "packaging",
    "other",
]
STAGES = ["forming", "hardening", "grinding", "handle_making", "assembly", "finishing"]
STEP_TYPES_OF_STAGE = {"forming": {"forging", "stamping"}}
CLAIMS = ["durability", "warranty", "repair", "supply_chain", "materials", "end_of_life", "other"]
PLACES = [
    ("Solingen", "DE", "solingen"),
    ("Haan", "DE", "solingen"),
    ("Wuppertal", "DE", "bergisch"),
    ("Köln", "DE", "germany"),
    ("Thiers", "FR", "eu"),
    ("Seki", "JP", "world"),
    ("", "DE", "germany"),
]


def optional(strategy):
    return st.none() | strategy


percent = st.floats(0, 100, allow_nan=False)
small = st.integers(0, 40)


@st.composite
def steps(draw, disclosed=None):
    """A step; when ``disclosed`` is True it always says who and where."""
    step_type = draw(st.sampled_from(STEP_TYPES))
    performed_by = draw(st.sampled_from(["maker", "supplier"] if disclosed else ["maker", "supplier", ""]))
    place = draw(st.sampled_from(PLACES) if disclosed else st.sampled_from([*PLACES, ("", "", "")]))
    return StepFacts(
        step_type=step_type,
        performed_by=performed_by,
        supplier_name=draw(st.sampled_from(["", "Härterei Müller"])) if performed_by == "supplier" else "",
        supplier_confidential=draw(st.booleans()),
        city=place[0],
        country=place[1],
        region=place[2],
    )


@st.composite
def durability_tests(draw):
    has_evidence = draw(st.booleans())
    return DurabilityTestFacts(
        property=draw(st.sampled_from(["sharpness", "edge_retention", "corrosion", "hardness", "other"])),
        has_evidence=has_evidence,
        evidence_verified=has_evidence and draw(st.booleans()),
    )


materials = st.builds(
    MaterialFacts,
    name=st.sampled_from(["Stahl", "Olivenholz", "Messing"]),
    share_percent=optional(percent),
    mass_g=optional(st.floats(0, 2000, allow_nan=False)),
    recycled_content_percent=optional(percent),
    recyclable=optional(st.booleans()),
    has_substances_of_concern=optional(st.booleans()),
)
spare_parts = st.builds(
    SparePartFacts,
    name=st.just("Teil"),
    years_available=optional(st.integers(0, 100)),
    delivery_days=optional(st.integers(0, 120)),
    price_percent_of_product=optional(percent),
)
products = st.builds(
    ProductFacts,
    product_id=st.just(1),
    category=st.builds(
        CategoryFacts,
        slug=st.just("c"),
        resharpenable=st.booleans(),
        reference_lifetime_years=optional(st.integers(0, 60)),
        reference_warranty_years=optional(st.integers(0, 30)),
        solingen_covered=st.booleans(),
        essential_stages=st.lists(st.sampled_from(STAGES), unique=True).map(tuple),
    ),
    materials=st.lists(materials, max_size=4).map(tuple),
    components=st.lists(
        st.builds(
            ComponentFacts,
            name=st.just("Griff"),
            replaceable=optional(st.booleans()),
            spare_part_available=optional(st.booleans()),
        ),
        max_size=3,
    ).map(tuple),
    steps=st.lists(steps(), max_size=9).map(tuple),
    evidence=st.lists(st.builds(EvidenceFacts, claim=st.sampled_from(CLAIMS), verified=st.booleans()), max_size=5).map(
        tuple
    ),
    durability=optional(
        st.builds(
            DurabilityFacts,
            warranty_years=optional(st.floats(0, 99, allow_nan=False)),
            lifetime_warranty=st.booleans(),
            expected_lifetime_years=optional(st.integers(0, 200)),
            has_maintenance_instructions=st.booleans(),
            resharpenable=optional(st.booleans()),
            resharpening_cycles=optional(small),
            refurbishable=optional(st.booleans()),
        )
    ),
    tests=st.lists(durability_tests(), max_size=5).map(tuple),
    repair=optional(
        st.builds(
            RepairFacts,
            documentation=st.sampled_from(["", *m.DOCUMENTATION_CREDIT]),
            disassembly_steps=optional(small),
            fasteners=st.sampled_from(["", *m.FASTENER_CREDIT]),
            tools=st.sampled_from(["", *m.TOOL_CREDIT]),
        )
    ),
    spare_parts=st.lists(spare_parts, max_size=3).map(tuple),
    repair_services=st.lists(
        st.builds(
            RepairServiceFacts,
            service_type=st.sampled_from(["resharpening", "new_handle", "general_repair", "refurbishment"]),
        ),
        max_size=3,
    ).map(tuple),
    end_of_life=optional(
        st.builds(
            EndOfLifeFacts,
            take_back_offered=optional(st.booleans()),
            recyclable_share_percent=optional(percent),
            separability=st.sampled_from(["", *m.SEPARABILITY_CREDIT]),
        )
    ),
)


def figures(result) -> dict[str, float]:
    return {**result.subscores, "overall": result.overall}


def assert_not_lower(after, before):
    for name, value in figures(before).items():
        assert figures(after)[name] >= value, (name, figures(before), figures(after))


@PROPERTY_SETTINGS
@given(products)
def test_scores_stay_within_their_bounds_and_criteria_add_up(facts):
    result = score_product(facts)
    assert 0 <= result.overall <= 100
    assert result.grade == m.grade_for(result.overall)[0]
    for subscore, value in result.subscores.items():
        assert 0 <= value <= 100
        items = [item for item in result.criteria if item.subscore == subscore]
        assert sum(item.points for item in items) == pytest.approx(value, abs=1e-9)
        assert sum(item.max_points for item in items) == pytest.approx(100, abs=1e-9)
        for item in items:
            assert 0 <= item.points <= item.max_points
            if item.status == "not_applicable":
                assert item.max_points == 0 and item.hint is None
            if item.status == "unknown":
                assert item.points == 0
            if item.hint_points is not None:
                assert item.hint_points == pytest.approx(item.max_points - item.points)
    weighted = sum(m.SUBSCORE_WEIGHTS[key] * value for key, value in result.subscores.items())
    assert result.overall == round(weighted, 1)


@PROPERTY_SETTINGS
@given(products)
def test_the_same_facts_always_give_the_same_score(facts):
    first = score_product(facts).as_dict()
    assert score_product(copy.deepcopy(facts)).as_dict() == first
    assert score_product(facts).as_dict() == first


@PROPERTY_SETTINGS
@given(products, spare_parts)
def test_adding_a_spare_part_never_lowers_a_score(facts, part):
    before = score_product(facts)
    assert_not_lower(score_product(replace(facts, spare_parts=(*facts.spare_parts, part))), before)


@PROPERTY_SETTINGS
@given(products, steps(disclosed=True), st.integers(0, 9))
def test_adding_a_disclosed_step_never_lowers_a_score(facts, new_step, position):
    before = score_product(facts)
    chain = list(facts.steps)
    chain.insert(min(position, len(chain)), new_step)
    assert_not_lower(score_product(replace(facts, steps=tuple(chain))), before)


@PROPERTY_SETTINGS
@given(products, st.sampled_from(CLAIMS))
def test_adding_verified_evidence_never_lowers_a_score(facts, claim):
    before = score_product(facts)
    assert_not_lower(score_product(replace(facts, evidence=(*facts.evidence, EvidenceFacts(claim, True)))), before)


@PROPERTY_SETTINGS
@given(products, st.data())
def test_verifying_evidence_never_lowers_a_score(facts, data):
    before = score_product(facts)
    evidence = tuple(replace(item, verified=True) for item in facts.evidence)
    tests = tuple(replace(item, evidence_verified=item.has_evidence) for item in facts.tests)
    assert_not_lower(score_product(replace(facts, evidence=evidence, tests=tests)), before)


@PROPERTY_SETTINGS
@given(products.filter(lambda facts: facts.materials), st.data())
def test_adding_recycled_content_never_lowers_a_score(facts, data):
    index = data.draw(st.integers(0, len(facts.materials) - 1))
    material = facts.materials[index]
    current = material.recycled_content_percent or 0.0
    raised = data.draw(st.floats(current, 100, allow_nan=False))
    materials = list(facts.materials)
    materials[index] = replace(material, recycled_content_percent=raised)
    before = score_product(facts)
    assert_not_lower(score_product(replace(facts, materials=tuple(materials))), before)


def _blank_item(facts, field, index, **blank):
    items = list(getattr(facts, field))
    if not items:
        return facts
    position = index % len(items)
    items[position] = replace(items[position], **blank)
    return replace(facts, **{field: tuple(items)})


def _blank_section(facts, field, **blank):
    section = getattr(facts, field)
    return facts if section is None else replace(facts, **{field: replace(section, **blank)})


# Each turns one disclosed value into "not disclosed". Material shares and masses are weights, not claims,
# so they are not among them (docs/scoring.md, "Unknown is never good").
BLANKERS = {
    "durability": lambda f, i: replace(f, durability=None),
    "warranty": lambda f, i: _blank_section(f, "durability", warranty_years=None),
    "lifetime": lambda f, i: _blank_section(f, "durability", expected_lifetime_years=None),
    "maintenance": lambda f, i: _blank_section(f, "durability", has_maintenance_instructions=False),
    "resharpenable": lambda f, i: _blank_section(f, "durability", resharpenable=None),
    "cycles": lambda f, i: _blank_section(f, "durability", resharpening_cycles=None),
    "refurbishable": lambda f, i: _blank_section(f, "durability", refurbishable=None),
    "repair": lambda f, i: replace(f, repair=None),
    "documentation": lambda f, i: _blank_section(f, "repair", documentation=""),
    "disassembly": lambda f, i: _blank_section(f, "repair", disassembly_steps=None),
    "fasteners": lambda f, i: _blank_section(f, "repair", fasteners=""),
    "tools": lambda f, i: _blank_section(f, "repair", tools=""),
    "end_of_life": lambda f, i: replace(f, end_of_life=None),
    "take_back": lambda f, i: _blank_section(f, "end_of_life", take_back_offered=None),
    "recyclable_share": lambda f, i: _blank_section(f, "end_of_life", recyclable_share_percent=None),
    "separability": lambda f, i: _blank_section(f, "end_of_life", separability=""),
    "recycled": lambda f, i: _blank_item(f, "materials", i, recycled_content_percent=None),
    "recyclable": lambda f, i: _blank_item(f, "materials", i, recyclable=None),
    "substances": lambda f, i: _blank_item(f, "materials", i, has_substances_of_concern=None),
    "spare_part_available": lambda f, i: _blank_item(f, "components", i, spare_part_available=None),
    "performer": lambda f, i: _blank_item(f, "steps", i, performed_by="", supplier_name=""),
    "place": lambda f, i: _blank_item(f, "steps", i, city="", country="", region=""),
    "years_available": lambda f, i: _blank_item(f, "spare_parts", i, years_available=None),
    "delivery_days": lambda f, i: _blank_item(f, "spare_parts", i, delivery_days=None),
    "spare_part_price": lambda f, i: _blank_item(f, "spare_parts", i, price_percent_of_product=None),
    "test_evidence": lambda f, i: _blank_item(f, "tests", i, has_evidence=False, evidence_verified=False),
    "evidence_verified": lambda f, i: _blank_item(f, "evidence", i, verified=False),
    "evidence": lambda f, i: (
        replace(f, evidence=f.evidence[: i % len(f.evidence)] + f.evidence[i % len(f.evidence) + 1 :])
        if f.evidence
        else f
    ),
}


@PROPERTY_SETTINGS
@given(products, st.sampled_from(sorted(BLANKERS)), st.integers(0, 8))
def test_unknown_data_never_scores_better_than_disclosed_data(facts, blanker, index):
    before = score_product(facts)
    after = score_product(BLANKERS[blanker](facts, index))
    for name, value in figures(after).items():
        assert value <= figures(before)[name], (blanker, name)


@given(products)
def test_the_designation_holds_exactly_when_every_essential_stage_is_disclosed_in_solingen(facts):
    """An independent statement of SolingenV § 1 as the methodology reads it (docs/scoring.md)."""
    stages = facts.category.essential_stages or ("forming", "hardening", "grinding", "finishing")
    expected = facts.category.solingen_covered
    for stage in stages:
        performed = [item for item in facts.steps if item.step_type in STEP_TYPES_OF_STAGE.get(stage, {stage})]
        expected = expected and bool(performed) and all(item.region == "solingen" for item in performed)
    verdict = score_product(facts).solingen
    assert verdict.qualifies is expected
    assert verdict.applicable is facts.category.solingen_covered
    assert len(verdict.reasons) >= 1
