"""What changed between two passport snapshots, field by field, with rows added and removed (pure, no database).

``diff(old, new)`` compares any two snapshots of the same product (``docs/passport-snapshot.md``): the
last published version and the snapshot the product would publish now (the maker's "unpublished
changes"), or two published versions. Labels come in German and English, so the result can be shown in
either language without asking the snapshots again.
"""

from contextlib import suppress
from dataclasses import dataclass

from django.core.exceptions import FieldDoesNotExist
from django.utils.translation import gettext_lazy as _

from catalogue.passports.snapshot import bilingual
from products import parts
from products.models import EvidenceDocument, MakerOrganisation, Product

ADDED, REMOVED, CHANGED = "added", "removed", "changed"


@dataclass(frozen=True)
class Change:
    """One difference: a field that changed, or a row (a material, a step, …) that was added or removed.

    ``old`` and ``new`` are the snapshot's values (numbers, text, booleans, None for not disclosed, or a
    ``{"de": …, "en": …}`` label); for a row they are its label, None on the side where it is missing.
    """

    section: str  # the snapshot's key: "product", "materials", "durability.tests", …
    section_label: dict
    field: str | None  # None for a row added or removed
    field_label: dict | None
    row: str | None  # which row the field belongs to ("Olive wood"), None for a section's own fields
    old: object
    new: object
    kind: str


# Snapshot keys that are no data of the product: stamps of the publication, derived addresses.
IGNORED_TOP_LEVEL = {"schema", "version", "published_at", "urls"}
# Fields that repeat another field in another form (the label of a choice is shown instead of its code).
IGNORED_FIELDS = {"passport_code_display"}
# The label a choice field's value is shown by, when it is not ``<field>_label``.
LABEL_KEYS = {"step_type": "step_label", "property": "label", "service_type": "label"}
# What tells rows of a list apart between two snapshots (rows have no ids there).
ROW_KEYS = {
    "product.variants": ("code",),
    "materials": ("name", "part"),
    "components": ("name",),
    "supply_chain": ("step_type", "description"),
    "durability.tests": ("property",),
    "repairability.spare_parts": ("name",),
    "repairability.repair_services": ("service_type", "provider"),
    "evidence": ("title",),
}
# Where a section's field labels come from: the part of the parts registry, or a model.
SECTION_PARTS = {
    "product.variants": "variants",
    "materials": "materials",
    "components": "components",
    "supply_chain": "supply_chain_steps",
    "durability": "durability",
    "durability.tests": "durability_tests",
    "repairability": "repairability",
    "repairability.spare_parts": "spare_parts",
    "repairability.repair_services": "repair_services",
    "end_of_life": "end_of_life",
}
SECTION_MODELS = {"product": Product, "maker": MakerOrganisation, "evidence": EvidenceDocument}
SECTION_TITLES = {
    "product": _("Product"),
    "product.variants": _("Variants"),
    "maker": _("Maker"),
    "score": _("Score"),
    "materials": _("Materials"),
    "components": _("Components"),
    "supply_chain": _("Supply chain"),
    "durability": _("Durability"),
    "durability.tests": _("Durability tests"),
    "repairability": _("Repairability"),
    "repairability.spare_parts": _("Spare parts"),
    "repairability.repair_services": _("Repair services"),
    "end_of_life": _("End of life"),
    "evidence": _("Evidence"),
}
SCORE_FIELDS = {
    "overall": _("overall score"),
    "grade": _("grade"),
    "durability": _("durability"),
    "repairability": _("repairability"),
    "supply_chain": _("supply chain"),
    "circularity": _("circularity"),
    "methodology_version": _("methodology"),
}
EXTRA_FIELD_LABELS = {"evidence_verified": _("evidence verified"), "verified": _("verified by staff")}


def diff(old: dict | None, new: dict | None) -> list[Change]:
    """Every difference from snapshot ``old`` to snapshot ``new``, in the order of the passport."""
    old, new = old or {}, new or {}
    changes: list[Change] = []
    for key in [*new, *(key for key in old if key not in new)]:
        if key in IGNORED_TOP_LEVEL:
            continue
        if key == "score":
            changes += _score(old.get(key) or {}, new.get(key) or {})
        elif isinstance(new.get(key), list) or isinstance(old.get(key), list):
            changes += _rows(key, old.get(key) or [], new.get(key) or [])
        else:
            changes += _fields(key, old.get(key) or {}, new.get(key) or {})
    return changes


def _section_label(section: str) -> dict:
    return bilingual(SECTION_TITLES.get(section, section))


def _field_label(section: str, name: str) -> dict:
    if section == "score":
        return bilingual(SCORE_FIELDS.get(name, name))
    model = parts.get(SECTION_PARTS[section]).model if section in SECTION_PARTS else SECTION_MODELS.get(section)
    label = EXTRA_FIELD_LABELS.get(name, name.replace("_", " "))
    if model is not None:
        with suppress(FieldDoesNotExist):  # a snapshot key that is no model field
            label = model._meta.get_field(name).verbose_name
    return bilingual(label)


def _shown(values: dict, name: str):
    """A field's value as the passport shows it: a choice by its label, a category by its name."""
    label_key = LABEL_KEYS.get(name, f"{name}_label")
    if label_key in values and values.get(name) is not None:
        return values[label_key]
    value = values.get(name)
    if isinstance(value, dict) and "name" in value:
        return value["name"]
    return value


def _is_label_key(values: dict, name: str) -> bool:
    if name in LABEL_KEYS.values() and any(LABEL_KEYS.get(other) == name for other in values):
        return True
    return name.endswith("_label") and name[: -len("_label")] in values


def _fields(section: str, old: dict, new: dict, row: str | None = None) -> list[Change]:
    changes = []
    names = [*new, *(name for name in old if name not in new)]
    for name in names:
        if name in IGNORED_FIELDS or _is_label_key(new or old, name):
            continue
        if isinstance(new.get(name), list) or isinstance(old.get(name), list):
            changes += _rows(f"{section}.{name}", old.get(name) or [], new.get(name) or [])
            continue
        before, after = _shown(old, name), _shown(new, name)
        if old.get(name) != new.get(name) or before != after:
            changes.append(
                Change(section, _section_label(section), name, _field_label(section, name), row, before, after, CHANGED)
            )
    return changes


def _key(section: str, row: dict) -> tuple:
    return tuple(row.get(name) for name in ROW_KEYS.get(section, ())) or (repr(sorted(row.items())),)


def row_label(section: str, row: dict) -> str | dict:
    """What a row is called in the list of changes: its name, or its type's label with its description."""
    for name in ("name", "title"):
        if row.get(name):
            return f"{row[name]} ({row['code']})" if section == "product.variants" and row.get("code") else row[name]
    label = row.get("step_label") or row.get("label")
    extra = row.get("description") or row.get("provider") or ""
    if isinstance(label, dict):
        return {language: f"{text} – {extra}" if extra else text for language, text in label.items()}
    return label or extra or "–"


def _rows(section: str, old_rows: list, new_rows: list) -> list[Change]:
    """Rows added and removed, and the fields of rows that stayed (matched by ``ROW_KEYS``) that changed."""
    unmatched_old = list(old_rows)
    unmatched_new = []
    for row in new_rows:
        if row in unmatched_old:  # unchanged, wherever it moved
            unmatched_old.remove(row)
        else:
            unmatched_new.append(row)
    label = _section_label(section)
    changes = []
    for row in unmatched_new:
        match = next((old for old in unmatched_old if _key(section, old) == _key(section, row)), None)
        if match is None:
            changes.append(Change(section, label, None, None, None, None, row_label(section, row), ADDED))
            continue
        unmatched_old.remove(match)
        changes += _fields(section, match, row, row=row_label(section, row))
    for row in unmatched_old:
        changes.append(Change(section, label, None, None, None, row_label(section, row), None, REMOVED))
    return changes


def _score(old: dict, new: dict) -> list[Change]:
    flat_old = {**(old.get("subscores") or {}), **old}
    flat_new = {**(new.get("subscores") or {}), **new}
    label = _section_label("score")
    return [
        Change("score", label, name, _field_label("score", name), None, flat_old.get(name), flat_new.get(name), CHANGED)
        for name in SCORE_FIELDS
        if flat_old.get(name) != flat_new.get(name)
    ]
