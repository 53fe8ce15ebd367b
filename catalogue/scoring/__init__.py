"""Scoring methodology: pure functions from a product's facts to its explainable score (never imports the ORM)."""

from .criteria import CRITERIA, CRITERIA_BY_SUBSCORE, Criterion
from .engine import CriterionResult, ScoreResult, score_product
from .facts import (
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
)
from .methodology import CHANGELOG, GRADES, METHODOLOGY_VERSION, SUBSCORE_LABELS, SUBSCORE_WEIGHTS, SUBSCORES
from .solingen import SolingenVerdict, solingen_designation

__all__ = [
    "CHANGELOG",
    "CRITERIA",
    "CRITERIA_BY_SUBSCORE",
    "GRADES",
    "METHODOLOGY_VERSION",
    "SUBSCORES",
    "SUBSCORE_LABELS",
    "SUBSCORE_WEIGHTS",
    "CategoryFacts",
    "ComponentFacts",
    "Criterion",
    "CriterionResult",
    "DurabilityFacts",
    "DurabilityTestFacts",
    "EndOfLifeFacts",
    "EvidenceFacts",
    "MaterialFacts",
    "ProductFacts",
    "RepairFacts",
    "RepairServiceFacts",
    "ScoreResult",
    "SolingenVerdict",
    "SparePartFacts",
    "StepFacts",
    "score_product",
    "solingen_designation",
]
