"""The "Solingen" designation after SolingenV § 1: every essential stage of the category in Solingen or Haan."""

from functools import lru_cache
from typing import NamedTuple

from . import methodology as m
from .facts import CategoryFacts, StepFacts
from .text import REGION_LABELS, SOLINGEN_STAGE_LABELS

SOLINGEN_REGION = "solingen"
STEP_TYPES_OF_STAGE = dict(m.SOLINGEN_STAGES)


class SolingenVerdict(NamedTuple):
    """``applicable`` is False for products outside the cutlery SolingenV covers; they never qualify."""

    qualifies: bool
    applicable: bool
    reasons: tuple[tuple[str, str], ...]  # (de, en) sentences

    def as_dict(self) -> dict:
        return {
            "qualifies": self.qualifies,
            "applicable": self.applicable,
            "reasons": [{"de": de, "en": en} for de, en in self.reasons],
        }


def essential_stages_of(category: CategoryFacts) -> tuple[str, ...]:
    """The category's essential stages in methodology order, or the methodology's default when it sets none."""
    chosen = set(category.essential_stages) or set(m.DEFAULT_SOLINGEN_STAGES)
    return tuple(stage for stage, _types in m.SOLINGEN_STAGES if stage in chosen)


def solingen_designation(category: CategoryFacts, steps: tuple[StepFacts, ...]) -> SolingenVerdict:
    """Whether the product may be called "Solingen" and, if not, which essential stage is missing or elsewhere.

    SolingenV § 1 allows the designation only for cutlery processed and finished in all essential manufacturing
    stages within the Solingen industrial area (Solingen and Haan). A stage counts only when it is disclosed with
    its place: an undisclosed stage cannot be shown to happen there, so it rules the designation out.
    """
    if not category.solingen_covered:
        return SolingenVerdict(False, False, (_not_applicable_sentence(category.name),))
    stages = essential_stages_of(category)
    reasons = []
    for stage in stages:
        label = SOLINGEN_STAGE_LABELS[stage]
        performed = [step for step in steps if step.step_type in STEP_TYPES_OF_STAGE[stage]]
        if not performed or any(not step.region for step in performed):
            reasons.append((f"{label.de}: Ort nicht angegeben.", f"{label.en}: place not disclosed."))
        for step in performed:
            if step.region and step.region != SOLINGEN_REGION:
                place = step.city or step.country
                region = REGION_LABELS.get(step.region, (step.region, step.region))
                reasons.append((f"{label.de}: in {place} ({region[0]}).", f"{label.en}: in {place} ({region[1]})."))
    if reasons:
        return SolingenVerdict(False, True, tuple(reasons))
    return SolingenVerdict(True, True, (_qualifying_sentence(stages),))


@lru_cache(maxsize=64)
def _qualifying_sentence(stages: tuple[str, ...]) -> tuple[str, str]:
    german = ", ".join(SOLINGEN_STAGE_LABELS[stage].de for stage in stages)
    english = ", ".join(SOLINGEN_STAGE_LABELS[stage].en.lower() for stage in stages)
    return (
        f"Alle {len(stages)} wesentlichen Fertigungsstufen der Kategorie ({german}) finden in Solingen oder Haan "
        "statt.",
        f"All {len(stages)} essential manufacturing stages of the category ({english}) happen in Solingen or Haan.",
    )


@lru_cache(maxsize=64)
def _not_applicable_sentence(name: tuple[str, str]) -> tuple[str, str]:
    if not name[0]:
        return (
            "Nicht anwendbar: Die Kategorie des Produkts fällt nicht unter die Solingen-Verordnung.",
            "Not applicable: the product's category is not covered by the Solingen regulation.",
        )
    return (
        f"Nicht anwendbar: Die Kategorie „{name[0]}“ fällt nicht unter die Solingen-Verordnung.",
        f"Not applicable: the category “{name[1]}” is not covered by the Solingen regulation.",
    )
