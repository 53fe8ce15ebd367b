"""Builders of scoring facts for the pure-core tests: one well-filled product, changed field by field."""

from dataclasses import replace

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

KNIVES = CategoryFacts(
    "chefs-knives",
    name=("Kochmesser", "Chef's knives"),
    resharpenable=True,
    reference_lifetime_years=20,
    reference_warranty_years=5,
    solingen_covered=True,
    essential_stages=("forming", "hardening", "grinding", "finishing"),
)
SCISSORS = CategoryFacts(
    "household-scissors",
    name=("Haushaltsscheren", "Household scissors"),
    resharpenable=True,
    solingen_covered=True,
    essential_stages=("forming", "hardening", "grinding", "assembly", "finishing"),
)
CLIPPERS = CategoryFacts("nail-clippers", resharpenable=False, reference_lifetime_years=10, reference_warranty_years=2)
HONING_STEELS = CategoryFacts("honing-steels", name=("Wetzstähle", "Honing steels"), solingen_covered=False)


def step(step_type="forging", region="solingen", performed_by="maker", **kwargs) -> StepFacts:
    """A disclosed step in Solingen unless told otherwise."""
    values = {
        "city": "Solingen" if region == "solingen" else "",
        "country": "DE" if region in {"solingen", "bergisch", "germany"} else ("FR" if region == "eu" else "CN"),
    }
    if not region:
        values["country"] = ""
    values.update(kwargs)
    return StepFacts(step_type=step_type, performed_by=performed_by, region=region, **values)


def full_facts(**changes) -> ProductFacts:
    """A chef's knife with every section filled in and nothing verified."""
    facts = ProductFacts(
        product_id=1,
        category=KNIVES,
        materials=(
            MaterialFacts("X50CrMoV15", 80, None, 30, True, False),
            MaterialFacts("Olivenholz", 20, None, 0, True, False),
        ),
        components=(ComponentFacts("Griff", True, True),),
        steps=tuple(step(kind) for kind in ("forging", "hardening", "grinding", "assembly")),
        evidence=(),
        durability=DurabilityFacts(5, False, 25, True, True, 20, True),
        tests=(),
        repair=RepairFacts("public", 2, "reusable", "basic"),
        spare_parts=(SparePartFacts("Griffschalen", 10, 5, 20),),
        repair_services=(RepairServiceFacts("resharpening"),),
        end_of_life=EndOfLifeFacts(True, 90, "moderate"),
    )
    return replace(facts, **changes)


def criterion(facts: ProductFacts, key: str):
    """The result of one criterion for these facts."""
    return next(item for item in score_product(facts).criteria if item.key == key)


__all__ = [
    "CLIPPERS",
    "HONING_STEELS",
    "KNIVES",
    "SCISSORS",
    "CategoryFacts",
    "ComponentFacts",
    "DurabilityFacts",
    "DurabilityTestFacts",
    "EndOfLifeFacts",
    "EvidenceFacts",
    "MaterialFacts",
    "ProductFacts",
    "RepairFacts",
    "RepairServiceFacts",
    "SparePartFacts",
    "StepFacts",
    "criterion",
    "full_facts",
    "replace",
    "step",
]
