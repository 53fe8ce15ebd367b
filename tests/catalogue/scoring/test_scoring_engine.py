"""The scoring engine and its tables: grades, result shape, the Solingen check, and agreement with the models."""

import json
from dataclasses import replace

import pytest

from catalogue import scoring
from catalogue.scoring import CRITERIA, METHODOLOGY_VERSION, ProductFacts, score_product, solingen_designation
from catalogue.scoring import methodology as m
from catalogue.scoring.engine import scaled_maxima
from catalogue.scoring.text import REGION_LABELS, SERVICE_LABELS, SOLINGEN_STAGE_LABELS, STEP_LABELS
from lifecycle.models import EndOfLife, Repairability, RepairService
from products.models import Category, EvidenceDocument, SupplyChainStep
from products.regions import Region
from tests.catalogue.scoring.scoring_helpers import HONING_STEELS, KNIVES, SCISSORS, full_facts, step


@pytest.mark.parametrize(
    ("overall", "grade"),
    [
        (100, "A"),
        (80, "A"),
        (79.9, "B"),
        (65, "B"),
        (64.9, "C"),
        (50, "C"),
        (49.9, "D"),
        (35, "D"),
        (34.9, "E"),
        (0, "E"),
    ],
)
def test_grade_bands(overall, grade):
    assert m.grade_for(overall)[0] == grade


def test_the_tables_are_consistent():
    assert sum(m.SUBSCORE_WEIGHTS.values()) == pytest.approx(1)
    assert tuple(m.SUBSCORE_WEIGHTS) == m.SUBSCORES
    for subscore in m.SUBSCORES:
        assert sum(item.max_points for item in CRITERIA if item.subscore == subscore) == 100, subscore
    keys = [item.key for item in CRITERIA]
    assert len(keys) == len(set(keys))
    for item in CRITERIA:
        assert item.evaluate.__doc__, item.key
        assert item.label["de"] and item.label["en"] and item.rule["de"] and item.rule["en"] and item.standard
    minima = [minimum for _grade, minimum, _colour in m.GRADES]
    assert minima == sorted(minima, reverse=True) and minima[-1] == 0


def test_the_pure_core_agrees_with_the_models():
    """The core keeps its own copies of choice values (it must not import the ORM); they must match the models."""
    assert set(STEP_LABELS) == set(SupplyChainStep.StepType.values)
    assert set(m.REGION_CREDIT) == set(REGION_LABELS) == set(Region.values)
    groups = {stage for _group, stages, _weight in m.REGIONAL_STAGE_GROUPS for stage in stages}
    designation = {step_type for _stage, step_types in m.SOLINGEN_STAGES for step_type in step_types}
    assert groups == designation <= set(SupplyChainStep.StepType.values) - {"raw_material", "packaging", "other"}
    assert [stage for stage, _types in m.SOLINGEN_STAGES] == Category.EssentialStage.values
    assert set(SOLINGEN_STAGE_LABELS) == set(Category.EssentialStage.values) >= set(m.DEFAULT_SOLINGEN_STAGES)
    assert set(m.DOCUMENTATION_CREDIT) == set(Repairability.Documentation.values)
    assert set(m.FASTENER_CREDIT) == set(Repairability.Fasteners.values)
    assert set(m.TOOL_CREDIT) == set(Repairability.Tools.values)
    assert set(m.SEPARABILITY_CREDIT) == set(EndOfLife.Separability.values)
    assert set(SERVICE_LABELS) == set(RepairService.ServiceType.values)
    assert m.OTHER_REPAIR_SERVICES | {"resharpening"} == set(RepairService.ServiceType.values)
    assert {"warranty", "durability", "materials", "end_of_life", "supply_chain"} <= set(EvidenceDocument.Claim.values)


def test_the_core_never_imports_django():
    import ast
    from pathlib import Path

    for path in Path(scoring.__file__).parent.glob("*.py"):
        tree = ast.parse(path.read_text())
        for node in ast.walk(tree):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else []
            if isinstance(node, ast.ImportFrom) and node.level == 0:
                names = [node.module]
            assert not any(name.split(".")[0] in {"django", "products", "lifecycle", "api"} for name in names), path


def test_scaled_maxima_sum_to_exactly_100():
    assert scaled_maxima([25, 20, 25, 10, 5]) == [29.41, 23.53, 29.41, 11.77, 5.88]
    assert sum(scaled_maxima([25, 20, 25, 10, 5])) == pytest.approx(100, abs=1e-9)
    assert scaled_maxima([30, 70]) == [30.0, 70.0]
    assert scaled_maxima([1, 1, 1]) == [33.34, 33.33, 33.33]


def test_the_result_is_the_score_object_of_the_passport_snapshot():
    result = score_product(full_facts())
    data = result.as_dict()
    assert json.loads(json.dumps(data)) == data
    assert set(data) == {
        "overall",
        "grade",
        "band_colour",
        "methodology_version",
        "computed_at",
        "subscores",
        "criteria",
        "solingen",
    }
    assert data["methodology_version"] == METHODOLOGY_VERSION and data["computed_at"] is None
    assert list(data["subscores"]) == ["durability", "repairability", "supply_chain", "circularity"]
    assert set(data["criteria"][0]) == {
        "subscore",
        "key",
        "label",
        "points",
        "max_points",
        "status",
        "explanation",
        "hint",
        "hint_points",
    }
    for item in data["criteria"]:
        assert set(item["label"]) == set(item["explanation"]) == {"de", "en"}
        assert (item["hint"] is None) == (item["hint_points"] is None)
    assert set(data["solingen"]) == {"qualifies", "applicable", "reasons"}
    assert data["band_colour"] == {g: c for g, _m, c in m.GRADES}[data["grade"]]


def test_a_well_filled_but_unverified_knife():
    result = score_product(full_facts())
    # durability 20 + 16 + 0 + 15 + 10 + 5; repairability 20 + 10 + 10 + 8 + 20 + 8 + 10;
    # supply chain 30 + 15 + 0 + 36; circularity 9.6 + 16 + 9 + 16 + 16
    assert result.subscores == {"durability": 66.0, "repairability": 86.0, "supply_chain": 81.0, "circularity": 66.6}
    assert result.overall == 74.9  # (66 + 86 + 81 + 66.6) / 4 = 74.9
    assert result.grade == "B"


def test_an_empty_product_scores_nothing_and_says_not_disclosed():
    result = score_product(ProductFacts())
    assert result.overall == 0 and result.grade == "E"
    assert all(value == 0 for value in result.subscores.values())
    assert {item.status for item in result.criteria} == {"unknown", "not_applicable"}
    for item in result.criteria:
        if item.status == "unknown":
            assert item.explanation["en"].startswith("Not disclosed")
            assert item.explanation["de"].startswith("Nicht angegeben")
            assert item.hint_points == item.max_points


KNIFE_STAGES = ("forging", "hardening", "grinding", "finishing")

SOLINGEN_CASES = [
    (
        KNIVES,
        tuple(step(kind) for kind in KNIFE_STAGES),
        True,
        [
            "All 4 essential manufacturing stages of the category (forging or stamping, hardening, grinding, "
            "finishing / sharpening) happen in Solingen or Haan."
        ],
    ),
    # Stamping stands in for forging; raw material and packaging never count, wherever they happen.
    (
        KNIVES,
        (step("raw_material", region="world"), step("stamping"), *map(step, KNIFE_STAGES[1:]), step("packaging", "eu")),
        True,
        ["All 4 essential"],
    ),
    # The bread knife that discloses only its grinding: every other essential stage is missing.
    (
        KNIVES,
        (step("grinding"),),
        False,
        [
            "Forging or stamping: place not disclosed.",
            "Hardening: place not disclosed.",
            "Finishing / sharpening: place not disclosed.",
        ],
    ),
    (KNIVES, (), False, ["Forging or stamping", "Hardening", "Grinding", "Finishing / sharpening"]),
    (
        KNIVES,
        (*map(step, KNIFE_STAGES[:2]), step("grinding", region="eu", city="Thiers"), step("finishing")),
        False,
        ["Grinding: in Thiers (EU)."],
    ),
    (
        KNIVES,
        (*map(step, KNIFE_STAGES[:3]), step("finishing", region="bergisch", city="Wuppertal")),
        False,
        ["Finishing / sharpening: in Wuppertal (Bergisches Städtedreieck)."],
    ),
    (KNIVES, (step("forging", region="world"), *map(step, KNIFE_STAGES[1:])), False, ["in CN (outside the EU)"]),
    (KNIVES, (step("forging"), step("hardening", region=""), *map(step, KNIFE_STAGES[2:])), False, ["Hardening:"]),
    # A second step of a stage elsewhere counts against it even when another is in Solingen.
    (
        KNIVES,
        (*map(step, KNIFE_STAGES), step("stamping", region="germany", city="Köln")),
        False,
        ["Forging or stamping: in Köln (Germany)."],
    ),
    # Handle making is not essential for knives: it may happen anywhere.
    (KNIVES, (*map(step, KNIFE_STAGES), step("handle_making", region="world")), True, ["All 4"]),
    # Scissors add assembly.
    (SCISSORS, tuple(map(step, KNIFE_STAGES)), False, ["Assembly: place not disclosed."]),
    (SCISSORS, (*map(step, KNIFE_STAGES), step("assembly")), True, ["All 5 essential"]),
    # A covered category without its own stages gets the methodology's default (the knives' four).
    (replace(KNIVES, essential_stages=()), (step("grinding"),), False, ["Forging", "Hardening", "Finishing"]),
    # Outside the covered categories the designation is not applicable, however local the product is.
    (HONING_STEELS, tuple(map(step, KNIFE_STAGES)), False, ["Not applicable: the category “Honing steels”"]),
    (ProductFacts().category, (), False, ["Not applicable: the product's category"]),
]


@pytest.mark.parametrize(("category", "steps", "qualifies", "reasons"), SOLINGEN_CASES)
def test_solingen_designation(category, steps, qualifies, reasons):
    verdict = solingen_designation(category, steps)
    assert verdict.qualifies is qualifies
    assert verdict.applicable is category.solingen_covered
    english = [en for _de, en in verdict.reasons]
    assert len(english) == len(reasons)
    for text, expected in zip(english, reasons, strict=True):
        assert expected in text
    assert all(de and de != en for de, en in verdict.reasons)


def test_the_verdict_is_part_of_the_score():
    facts = full_facts(steps=(step("forging"), step("grinding", region="eu", city="Thiers")))
    assert score_product(facts).as_dict()["solingen"] == {
        "qualifies": False,
        "applicable": True,
        "reasons": [
            {"de": "Härten: Ort nicht angegeben.", "en": "Hardening: place not disclosed."},
            {"de": "Schleifen: in Thiers (EU).", "en": "Grinding: in Thiers (EU)."},
            {
                "de": "Feinschliff / Abziehen: Ort nicht angegeben.",
                "en": "Finishing / sharpening: place not disclosed.",
            },
        ],
    }
    honing_steel = score_product(full_facts(category=HONING_STEELS)).as_dict()["solingen"]
    assert (honing_steel["qualifies"], honing_steel["applicable"]) == (False, False)


def test_the_designation_never_changes_the_points():
    """Methodology 1.1 changed only the verdict: the same facts earn the same points in any category coverage."""
    covered = score_product(full_facts())
    not_covered = score_product(full_facts(category=replace(KNIVES, solingen_covered=False)))
    assert (covered.overall, covered.subscores) == (not_covered.overall, not_covered.subscores)
    assert covered.solingen.applicable and not not_covered.solingen.applicable


def test_hints_in_both_languages_name_the_points_and_the_subscore():
    documentation = next(
        item for item in score_product(full_facts(repair=None)).criteria if item.key == "documentation"
    )
    assert documentation.hint == {
        "de": "Reparaturanleitung öffentlich bereitstellen: +20 Punkte Reparierbarkeit",
        "en": "Publish the repair manual: +20 repairability points",
    }
    assert documentation.hint_points == 20
