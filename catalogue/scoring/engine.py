"""Turns a product's facts into its explainable score: criteria, sub-scores, overall score, grade and verdict."""

from dataclasses import dataclass
from functools import lru_cache
from typing import NamedTuple

from . import methodology as m
from .criteria import CRITERIA_BY_SUBSCORE
from .facts import Derived, ProductFacts
from .solingen import SolingenVerdict, solingen_designation
from .text import join_hints


class CriterionResult(NamedTuple):
    """One criterion's result. Texts are (de, en) pairs, turned into {"de", "en"} dicts on access."""

    subscore: str
    key: str
    label: dict[str, str]
    points: float
    max_points: float
    status: str
    explanation_texts: tuple[str, str]
    # What to do to gain the missing points: (de, en) phrases, None entries skipped; joined only when shown.
    hint_parts: tuple[tuple[str, str] | None, ...] | None

    @property
    def explanation(self) -> dict[str, str]:
        return {"de": self.explanation_texts[0], "en": self.explanation_texts[1]}

    @property
    def hint_points(self) -> float | None:
        """How many sub-score points following the hint would gain; None when there is no hint."""
        if not self.hint_parts or not any(self.hint_parts):
            return None
        gain = round(self.max_points - self.points, 2)
        return gain if gain > 0 else None

    @property
    def hint(self) -> dict[str, str] | None:
        """The action with the points it gains: "Publish the repair manual: +8 repairability points"."""
        gain = self.hint_points
        return None if gain is None else dict(_hint_texts(self.subscore, self.hint_parts, gain))

    def as_dict(self) -> dict:
        gain = self.hint_points
        return {
            "subscore": self.subscore,
            "key": self.key,
            "label": dict(self.label),
            "points": self.points,
            "max_points": self.max_points,
            "status": self.status,
            "explanation": {"de": self.explanation_texts[0], "en": self.explanation_texts[1]},
            "hint": None if gain is None else dict(_hint_texts(self.subscore, self.hint_parts, gain)),
            "hint_points": gain,
        }


@lru_cache(maxsize=4096)
def _hint_texts(subscore: str, parts: tuple, gain: float) -> dict[str, str]:
    """The hint sentence in both languages; callers copy the dict, so the cached one is never changed."""
    action = join_hints(parts)
    points, name = _gain_text(gain), m.SUBSCORE_POINT_NAMES[subscore]
    return {
        "de": f"{action[0]}: +{points[0]} Punkte {name['de']}",
        "en": f"{action[1]}: +{points[1]} {name['en']} points",
    }


@dataclass(frozen=True, slots=True)
class ScoreResult:
    """A product's score: overall, grade and band, sub-scores, every criterion and the "Solingen" verdict."""

    overall: float
    grade: str
    band_colour: str
    subscores: dict[str, float]
    criteria: tuple[CriterionResult, ...]
    solingen: SolingenVerdict
    methodology_version: str = m.METHODOLOGY_VERSION
    computed_at: str | None = None  # ISO 8601; the pure core leaves it empty, the service that stores it fills it

    def as_dict(self) -> dict:
        """The ``score`` object of the passport snapshot (docs/passport-snapshot.md)."""
        return {
            "overall": self.overall,
            "grade": self.grade,
            "band_colour": self.band_colour,
            "methodology_version": self.methodology_version,
            "computed_at": self.computed_at,
            "subscores": dict(self.subscores),
            "criteria": [criterion.as_dict() for criterion in self.criteria],
            "solingen": self.solingen.as_dict(),
        }


def scaled_maxima(maxima: list[float]) -> list[float]:
    """Scales the applicable criteria's maxima to sum to exactly 100.00, rounded to cents by largest remainder."""
    total = sum(maxima)
    if total == 100:
        return [float(value) for value in maxima]
    exact = [value * 10000 / total for value in maxima]
    cents = [int(value) for value in exact]
    by_remainder = sorted(range(len(exact)), key=lambda index: (cents[index] - exact[index], index))
    for index in by_remainder[: 10000 - sum(cents)]:
        cents[index] += 1
    return [value / 100 for value in cents]


def _gain_text(gain: float) -> tuple[str, str]:
    """Points with up to two decimals, as stored: 8, 7.5, 16.67 (German with a decimal comma)."""
    text = f"{gain:.2f}".rstrip("0").rstrip(".")
    return text.replace(".", ","), text


# (sub-score, weight, ((key, label, evaluate), ...), maxima) in display order, resolved once.
_PLAN = tuple(
    (
        subscore,
        m.SUBSCORE_WEIGHTS[subscore],
        tuple((c.key, c.label, c.evaluate) for c in CRITERIA_BY_SUBSCORE[subscore]),
        tuple(float(c.max_points) for c in CRITERIA_BY_SUBSCORE[subscore]),
    )
    for subscore in m.SUBSCORES
)
_new_tuple = tuple.__new__  # builds the result tuples without the named tuple's Python-level __new__ (hot path)
_NOT_APPLICABLE = m.NOT_APPLICABLE


def _applicable_maxima(maxima: tuple[float, ...], outcomes: list) -> tuple[float, ...]:
    """Each criterion's maximum: 0 when not applicable, the others scaled so they sum to 100."""
    applicable = iter(
        scaled_maxima(
            [maximum for maximum, outcome in zip(maxima, outcomes, strict=True) if outcome[1] != _NOT_APPLICABLE]
        )
    )
    return tuple(0.0 if outcome[1] == _NOT_APPLICABLE else next(applicable) for outcome in outcomes)


def score_product(facts: ProductFacts) -> ScoreResult:
    """Scores one product. Pure and deterministic: the same facts always give the same result.

    Each criterion earns ``share * maximum`` points, rounded to cents (criteria return shares within 0..1); a
    sub-score is the sum of its criteria's points, so the criteria points add up to the sub-score exactly. The
    overall score is the weighted sum of the sub-scores, rounded to one decimal, and the grade follows from it.
    """
    derived = Derived(facts)
    subscores: dict[str, float] = {}
    criteria: list[CriterionResult] = []
    append = criteria.append
    overall = 0.0
    for subscore, weight, plan, maxima in _PLAN:
        outcomes = [evaluate(facts, derived) for _key, _label, evaluate in plan]
        if _NOT_APPLICABLE in [outcome[1] for outcome in outcomes]:
            maxima = _applicable_maxima(maxima, outcomes)
        total = 0.0
        for entry, outcome, maximum in zip(plan, outcomes, maxima):  # noqa: B905 (equal lengths; hot path)
            points = round(outcome[0] * maximum, 2)
            total += points
            append(_new_tuple(CriterionResult, (subscore, entry[0], entry[1], points, maximum, *outcome[1:])))
        total = round(total, 2)
        subscores[subscore] = total
        overall += weight * total
    overall = round(overall, 1)
    grade, colour = m.grade_for(overall)
    verdict = solingen_designation(facts.category, facts.steps)
    return ScoreResult(overall, grade, colour, subscores, tuple(criteria), verdict)
