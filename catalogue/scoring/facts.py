"""Frozen input of the scoring core: plain facts about one product, free of the ORM."""

from dataclasses import dataclass

# Unknown values are None (numbers, booleans) or "" (choices); they earn no points.


@dataclass(frozen=True, slots=True)
class CategoryFacts:
    """The category's reference data, already resolved up the category tree."""

    slug: str = ""
    resharpenable: bool = False
    # Whether SolingenV covers the category, and its essential stages (keys of methodology.SOLINGEN_STAGES).
    solingen_covered: bool = False
    essential_stages: tuple[str, ...] = ()
    name: tuple[str, str] = ("", "")  # (de, en), for the verdict's sentences
    reference_lifetime_years: float | None = None
    reference_warranty_years: float | None = None


@dataclass(frozen=True, slots=True)
class MaterialFacts:
    name: str = ""
    share_percent: float | None = None
    mass_g: float | None = None
    recycled_content_percent: float | None = None
    recyclable: bool | None = None
    # True: contains substances of concern; False: declared free of them; None: not disclosed.
    has_substances_of_concern: bool | None = None


@dataclass(frozen=True, slots=True)
class ComponentFacts:
    name: str = ""
    replaceable: bool | None = None
    spare_part_available: bool | None = None


@dataclass(frozen=True, slots=True)
class StepFacts:
    """One supply-chain step; ``region`` is "" when the place is not disclosed."""

    step_type: str
    performed_by: str = ""  # "maker", "supplier" or ""
    supplier_name: str = ""
    supplier_confidential: bool = False
    city: str = ""
    country: str = ""
    region: str = ""


@dataclass(frozen=True, slots=True)
class EvidenceFacts:
    claim: str
    verified: bool = False


@dataclass(frozen=True, slots=True)
class DurabilityFacts:
    warranty_years: float | None = None
    lifetime_warranty: bool = False
    expected_lifetime_years: float | None = None
    has_maintenance_instructions: bool = False
    resharpenable: bool | None = None
    resharpening_cycles: int | None = None
    refurbishable: bool | None = None


@dataclass(frozen=True, slots=True)
class DurabilityTestFacts:
    property: str
    has_evidence: bool = False
    evidence_verified: bool = False


@dataclass(frozen=True, slots=True)
class RepairFacts:
    documentation: str = ""  # "public", "professionals", "none" or ""
    disassembly_steps: int | None = None
    fasteners: str = ""  # "reusable", "removable", "not_removable" or ""
    tools: str = ""  # "none", "basic", "product_specific", "proprietary" or ""


@dataclass(frozen=True, slots=True)
class SparePartFacts:
    name: str = ""
    years_available: int | None = None
    delivery_days: int | None = None
    price_percent_of_product: float | None = None


@dataclass(frozen=True, slots=True)
class RepairServiceFacts:
    service_type: str  # "resharpening", "new_handle", "general_repair", "refurbishment"


@dataclass(frozen=True, slots=True)
class EndOfLifeFacts:
    take_back_offered: bool | None = None
    recyclable_share_percent: float | None = None
    separability: str = ""  # "easy", "moderate", "hard" or ""


@dataclass(frozen=True, slots=True)
class ProductFacts:
    """Everything the methodology looks at for one product; sections not filled in are None."""

    product_id: int | None = None
    category: CategoryFacts = CategoryFacts()
    materials: tuple[MaterialFacts, ...] = ()
    components: tuple[ComponentFacts, ...] = ()
    steps: tuple[StepFacts, ...] = ()
    evidence: tuple[EvidenceFacts, ...] = ()
    durability: DurabilityFacts | None = None
    tests: tuple[DurabilityTestFacts, ...] = ()
    repair: RepairFacts | None = None
    spare_parts: tuple[SparePartFacts, ...] = ()
    repair_services: tuple[RepairServiceFacts, ...] = ()
    end_of_life: EndOfLifeFacts | None = None


def material_weights(materials: tuple[MaterialFacts, ...]) -> tuple[float, ...]:
    """Weight of each material: its share of mass if all have one, else its mass if all have one, else equal."""
    if all(item.share_percent is not None for item in materials) and sum(i.share_percent for i in materials) > 0:
        return tuple(item.share_percent for item in materials)
    if all(item.mass_g is not None for item in materials) and sum(item.mass_g for item in materials) > 0:
        return tuple(item.mass_g for item in materials)
    return (1.0,) * len(materials)


class Derived:
    """Figures derived once per product and shared by the criteria: evidence per claim and material totals.

    Material figures are weighted by ``material_weights``; a material that does not disclose a value adds nothing.
    """

    __slots__ = (
        "documented",
        "materials_containing_substances",
        "materials_declared_free",
        "recyclable_disclosed",
        "recyclable_share",
        "recycled_content",
        "recycled_content_disclosed",
        "substances_disclosed",
        "verified",
    )

    def __init__(self, facts: ProductFacts):
        self.documented = {item.claim for item in facts.evidence}
        self.verified = {item.claim for item in facts.evidence if item.verified}
        materials = facts.materials
        weights = material_weights(materials)
        total = sum(weights) or 1.0
        recycled = recyclable = 0.0
        recycled_disclosed = recyclable_disclosed = recyclable_count = substances_disclosed = free_count = 0
        containing = []
        for weight, item in zip(weights, materials, strict=True):
            if item.recycled_content_percent is not None:
                recycled_disclosed += 1
                recycled += weight * item.recycled_content_percent
            if item.recyclable is not None:
                recyclable_disclosed += 1
                if item.recyclable:
                    recyclable_count += 1
                    recyclable += weight
            if item.has_substances_of_concern is not None:
                substances_disclosed += 1
                if item.has_substances_of_concern:
                    containing.append(item.name)
                else:
                    free_count += 1
        count = len(materials)
        self.recycled_content_disclosed = recycled_disclosed  # number of materials that disclose it
        self.recycled_content = recycled / total  # weighted mean, in %
        self.recyclable_disclosed = recyclable_disclosed
        self.recyclable_share = 1.0 if count and recyclable_count == count else recyclable / total
        self.substances_disclosed = substances_disclosed
        self.materials_containing_substances = tuple(containing)
        self.materials_declared_free = free_count
