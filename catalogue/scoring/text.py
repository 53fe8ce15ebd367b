"""Bilingual text pieces of the scoring core: labels, number formats and how outcomes are phrased."""

from functools import cache, lru_cache
from typing import NamedTuple

from .methodology import KNOWN, NOT_APPLICABLE, UNKNOWN


class Label(NamedTuple):
    """A German and an English label (indexable as ``[0]`` and ``[1]`` like any text pair of the core)."""

    de: str
    en: str


# The pure core keeps its own German and English labels: it must not depend on Django's translations.
STEP_LABELS = {
    "raw_material": Label("Rohmaterial", "Raw material"),
    "forging": Label("Schmieden", "Forging"),
    "stamping": Label("Stanzen / Schneiden", "Stamping / cutting"),
    "hardening": Label("Härten", "Hardening"),
    "grinding": Label("Schleifen", "Grinding"),
    "handle_making": Label("Griffherstellung", "Handle making"),
    "assembly": Label("Montage", "Assembly"),
    "finishing": Label("Feinschliff / Abziehen", "Finishing / sharpening"),
    "packaging": Label("Verpackung", "Packaging"),
    "other": Label("Sonstiger Schritt", "Other step"),
}
REGION_LABELS = {
    "solingen": Label("Solingen/Haan", "Solingen/Haan"),
    "bergisch": Label("Bergisches Städtedreieck", "Bergisches Städtedreieck"),
    "germany": Label("Deutschland", "Germany"),
    "eu": Label("EU", "EU"),
    "world": Label("außerhalb der EU", "outside the EU"),
}
STAGE_GROUP_LABELS = {
    "forming": Label("Schmieden/Stanzen", "forging/stamping"),
    "hardening": Label("Härten", "hardening"),
    "grinding": Label("Schleifen", "grinding"),
    "assembly": Label("Griff und Montage", "handle and assembly"),
    "finishing": Label("Feinschliff", "finishing"),
}
# The stages of the "Solingen" designation (methodology.SOLINGEN_STAGES).
SOLINGEN_STAGE_LABELS = {
    "forming": Label("Schmieden oder Stanzen", "Forging or stamping"),
    "hardening": Label("Härten", "Hardening"),
    "grinding": Label("Schleifen", "Grinding"),
    "handle_making": Label("Griffherstellung", "Handle making"),
    "assembly": Label("Montage", "Assembly"),
    "finishing": Label("Feinschliff / Abziehen", "Finishing / sharpening"),
}
SERVICE_LABELS = {
    "resharpening": Label("Nachschleifen", "resharpening"),
    "new_handle": Label("neuer Griff", "new handle"),
    "general_repair": Label("Reparatur", "repair"),
    "refurbishment": Label("Aufarbeitung", "refurbishment"),
}

VERIFIED_NOTE = ("vom Projektteam geprüft", "verified by staff")
DECLARED_NOTE = ("Herstellerangabe, nicht geprüft", "declared by the maker, not verified")


class Outcome(NamedTuple):
    """What a criterion function returns: the share of its maximum it earns, and why."""

    share: float
    status: str
    explanation: tuple[str, str]  # (de, en)
    # What to do, as (de, en) imperative phrases (None entries are skipped); joined only when the hint is shown.
    hints: tuple[tuple[str, str] | None, ...] | None = None


_new_tuple = tuple.__new__  # skips the named tuple's Python-level __new__: known() runs for most criteria


def known(share: float, explanation: tuple[str, str], *hints: tuple[str, str] | None) -> Outcome:
    """A disclosed value; the hints say how to gain what the share misses."""
    return _new_tuple(Outcome, (share, KNOWN, explanation, hints if share < 1.0 else None))


@cache  # called with constant texts only, so the cache stays small
def unknown(what: tuple[str, str], hint: tuple[str, str]) -> Outcome:
    """Not disclosed: earns nothing and says so."""
    return Outcome(0.0, UNKNOWN, (f"Nicht angegeben: {what[0]}.", f"Not disclosed: {what[1]}."), (hint,))


def graded(section, choice: str, credit: dict[str, float], texts: dict, hints: dict, missing: tuple) -> Outcome:
    """A criterion that grades one disclosed choice: the field ``choice`` of a facts ``section`` (None when the
    section is not filled in), such as the repair documentation level or the kind of fasteners.

    ``credit``, ``texts`` and ``hints`` give each choice its share, explanation and hint; a choice not in ``credit``
    is not disclosed, and ``missing`` holds what ``unknown`` says then: what is missing and how to disclose it.
    """
    level = getattr(section, choice) if section is not None else ""
    if level not in credit:
        return unknown(*missing)
    return known(credit[level], texts[level], hints[level])


NOT_RELEVANT = Outcome(0.0, NOT_APPLICABLE, ("Für diese Kategorie nicht relevant.", "Not relevant for this category."))


def phrased(function):
    """Memoises a function from a few figures (numbers, flags) to its Outcome.

    Outcomes are immutable and depend only on those figures, and catalogues repeat the same figures (5 years of
    warranty, 4 disclosed steps) over and over, so phrasing each combination once keeps the core fast.
    """
    return lru_cache(maxsize=4096)(function)


def join_hints(parts: tuple[tuple[str, str] | None, ...] | None) -> tuple[str, str] | None:
    """Joins hint phrases ("extend the warranty", "have it verified") into one sentence pair, or None."""
    present = [part for part in parts or () if part]
    if not present:
        return None
    if len(present) == 1:
        german, english = present[0]
    else:
        german = " und ".join(part[0] for part in present)
        english = " and ".join(part[1] for part in present)
    return german[0].upper() + german[1:], english[0].upper() + english[1:]


def num(value: float) -> tuple[str, str]:
    """A number with at most one decimal, German with a decimal comma."""
    if value.__class__ is int:
        text = str(value)
        return text, text
    text = f"{value:.1f}"
    if text[-2:] == ".0":
        return text[:-2], text[:-2]
    return text.replace(".", ","), text


@lru_cache(maxsize=512)
def years(value: float) -> tuple[str, str]:
    de, en = num(value)
    if value == 1:
        return f"{de} Jahr", f"{en} year"
    return f"{de} Jahre", f"{en} years"


def evidence_note(verified: bool) -> tuple[str, str]:
    return VERIFIED_NOTE if verified else DECLARED_NOTE


def listing(items: list[tuple[str, str]]) -> tuple[str, str]:
    return ", ".join(item[0] for item in items), ", ".join(item[1] for item in items)
