"""The "Solingen" designation check after SolingenV § 1: every essential stage in Solingen or Haan."""

from functools import lru_cache
from typing import NamedTuple

from .facts import StepFacts
from .text import REGION_LABELS, STEP_LABELS

SOLINGEN_REGION = "solingen"


class SolingenVerdict(NamedTuple):
    qualifies: bool
    reasons: tuple[tuple[str, str], ...]  # (de, en) sentences

    def as_dict(self) -> dict:
        return {"qualifies": self.qualifies, "reasons": [{"de": de, "en": en} for de, en in self.reasons]}


def _label(step: StepFacts) -> tuple[str, str]:
    return STEP_LABELS.get(step.step_type, (step.step_type, step.step_type))


def solingen_designation(steps: tuple[StepFacts, ...]) -> SolingenVerdict:
    """Whether the product may be called "Solingen", and which essential stage happens where if not.

    SolingenV § 1 allows the designation only when all essential manufacturing stages are processed and finished
    in the Solingen industrial area (Solingen and Haan). Stages whose place is not disclosed cannot count.
    """
    essential = [step for step in steps if step.essential]
    if not any(step.region for step in essential):
        return SolingenVerdict(
            False,
            (
                (
                    "Nicht angegeben: keine wesentliche Fertigungsstufe mit Ort.",
                    "Not disclosed: no essential manufacturing stage with its place.",
                ),
            ),
        )
    reasons = []
    for step in essential:
        label = _label(step)
        if not step.region:
            reasons.append(
                (f"Ort von „{label[0]}“ nicht angegeben.", f"The place of {label[1].lower()} is not disclosed.")
            )
        elif step.region != SOLINGEN_REGION:
            place = step.city or step.country
            region = REGION_LABELS.get(step.region, (step.region, step.region))
            reasons.append(
                (f"{label[0]} findet in {place} statt ({region[0]}).", f"{label[1]} happens in {place} ({region[1]}).")
            )
    if reasons:
        return SolingenVerdict(False, tuple(reasons))
    return SolingenVerdict(True, (_qualifying_sentence(tuple(step.step_type for step in essential)),))


@lru_cache(maxsize=256)
def _qualifying_sentence(step_types: tuple[str, ...]) -> tuple[str, str]:
    labels = [STEP_LABELS.get(step_type, (step_type, step_type)) for step_type in step_types]
    german = ", ".join(label[0] for label in labels)
    english = ", ".join(label[1].lower() for label in labels)
    if len(labels) == 1:
        return (
            f"Die einzige angegebene wesentliche Fertigungsstufe ({german}) findet in Solingen oder Haan statt.",
            f"The only disclosed essential stage ({english}) happens in Solingen or Haan.",
        )
    return (
        f"Alle {len(labels)} angegebenen wesentlichen Fertigungsstufen ({german}) finden in Solingen oder Haan statt.",
        f"All {len(labels)} disclosed essential stages ({english}) happen in Solingen or Haan.",
    )
