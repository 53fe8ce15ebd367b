"""The scoring engine and its tables: grades, result shape, the Solingen check, and agreement with the models."""

import json

import pytest

from catalogue import scoring
from catalogue.scoring import CRITERIA, METHODOLOGY_VERSION, ProductFacts, score_product, solingen_designation
from catalogue.scoring import methodology as m
from catalogue.scoring.engine import scaled_maxima
from catalogue.scoring.text import REGION_LABELS, SERVICE_LABELS, STEP_LABELS
from lifecycle.models import EndOfLife, Repairability, RepairService
from products.models import EvidenceDocument, SupplyChainStep
from products.regions import Region
from tests.catalogue.scoring.scoring_helpers import full_facts, step


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
    assert groups == {str(stage) for stage in SupplyChainStep.ESSENTIAL_STAGES}
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
    assert set(data["solingen"]) == {"qualifies", "reasons"}
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


SOLINGEN_CASES = [
    ((), False, ["Not disclosed: no essential manufacturing stage with its place."]),
    ((step("raw_material", region="world"), step("packaging")), False, ["Not disclosed"]),
    (
        (step("forging"), step("hardening"), step("grinding")),
        True,
        ["All 3 disclosed essential stages (forging, hardening, grinding) happen in Solingen or Haan."],
    ),
    ((step("forging"),), True, ["The only disclosed essential stage (forging) happens in Solingen or Haan."]),
    ((step("raw_material", region="world"), step("forging"), step("packaging", region="eu")), True, ["forging"]),
    ((step("forging"), step("grinding", region="eu", city="Thiers")), False, ["Grinding happens in Thiers (EU)."]),
    (
        (step("forging"), step("grinding", region="bergisch", city="Wuppertal")),
        False,
        ["Grinding happens in Wuppertal (Bergisches Städtedreieck)."],
    ),
    ((step("forging", region="world"),), False, ["Forging happens in CN (outside the EU)."]),
    ((step("forging"), step("hardening", region="")), False, ["The place of hardening is not disclosed."]),
    (
        (step("forging", region="germany", city="Köln"), step("assembly", region="eu", city="Thiers")),
        False,
        ["Forging happens in Köln (Germany).", "Assembly happens in Thiers (EU)."],
    ),
]


@pytest.mark.parametrize(("steps", "qualifies", "reasons"), SOLINGEN_CASES)
def test_solingen_designation(steps, qualifies, reasons):
    verdict = solingen_designation(steps)
    assert verdict.qualifies is qualifies
    english = [en for _de, en in verdict.reasons]
    assert len(english) == len(reasons)
    for text, expected in zip(english, reasons, strict=True):
        assert expected in text
    assert all(de and de != en for de, en in verdict.reasons)


def test_the_verdict_is_part_of_the_score():
    data = score_product(full_facts(steps=(step("forging"), step("grinding", region="eu", city="Thiers")))).as_dict()
    assert data["solingen"] == {
        "qualifies": False,
        "reasons": [{"de": "Schleifen findet in Thiers statt (EU).", "en": "Grinding happens in Thiers (EU)."}],
    }


def test_hints_in_both_languages_name_the_points_and_the_subscore():
    documentation = next(
        item for item in score_product(full_facts(repair=None)).criteria if item.key == "documentation"
    )
    assert documentation.hint == {
        "de": "Reparaturanleitung öffentlich bereitstellen: +20 Punkte Reparierbarkeit",
        "en": "Publish the repair manual: +20 repairability points",
    }
    assert documentation.hint_points == 20
