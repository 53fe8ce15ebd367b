"""The registry of a product's parts: which model, which fields, list or section, and the rules across rows.

Every surface that reads or writes a product with its parts (the workspace editor, the API, the bulk
import, the demo loader and the passport snapshot) takes its field lists from here, so that a new
field is added in one place. ``products`` registers its own parts in ``ProductsConfig.ready()``;
apps that depend on ``products`` (``lifecycle``) register theirs in their own ``ready()``, so that
``products`` never imports them.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

from django.db import models
from django.utils.text import capfirst

# The product's own editable fields, in the order of the editor, the API and the import template.
PRODUCT_FIELDS = (
    "maker",
    "category",
    "name",
    "model_number",
    "gtin",
    "description",
    "price_eur",
    "mass_g",
    "commodity_code",
    "granularity",
)

# A rule over all rows of one list: takes the unsaved rows, returns {row index: {field: [messages]}}
# for per-row problems, or {None: [messages]} for a problem of the list as a whole.
RowsRule = Callable[[Sequence[models.Model]], dict]


@dataclass(frozen=True)
class Part:
    """One part of a product: a list of rows or a one-to-one section, as its model's ``product`` field says."""

    model: type[models.Model]
    fields: tuple[str, ...]  # editable fields, in the editor's and the API's order
    # A list's title and the label of one of its rows in the editor (default: the model's verbose names),
    # and the line that introduces it there.
    labels: tuple[str, str] | None = None
    intro: str = ""
    # The order of the "|"-separated fields of a CSV cell (lists) or of the columns (sections); default: fields.
    import_fields: tuple[str, ...] | None = None
    # CSV column names that differ from the field name (sections whose field names would clash).
    csv_renames: dict[str, str] = field(default_factory=dict)
    importable: bool = True  # offered by the bulk import
    # Fields pointing at another record of the maker's (a step's supplier): chosen in the editor and named by id
    # in the API, but no import cell names them, so they are not among ``cell_fields``.
    linked_fields: tuple[str, ...] = ()
    writable: bool = True  # written through the product in the API (else read only there)
    order_field: str | None = None  # a field numbering the rows 1, 2, 3 … in the order given
    # The most rows of a list: the one writer refuses more (so the editor, the API, the import and the demo do),
    # because every row is printed in the passport and its PDF.
    max_rows: int = 30
    rules: tuple[RowsRule, ...] = ()

    @property
    def name(self) -> str:
        """The reverse accessor on Product, e.g. "materials"; also the API and import key."""
        return self.model._meta.get_field("product").remote_field.related_name

    @property
    def many(self) -> bool:
        return not self.model._meta.get_field("product").one_to_one

    @property
    def title(self) -> str:
        return self.labels[0] if self.labels else capfirst(self.model._meta.verbose_name_plural)

    @property
    def row_label(self) -> str:
        return self.labels[1] if self.labels else capfirst(self.model._meta.verbose_name)

    def __post_init__(self):
        # Field lists may be written as one line of names: "name part mass_g".
        for name in ("fields", "import_fields", "linked_fields"):
            value = getattr(self, name)
            if isinstance(value, str):
                object.__setattr__(self, name, tuple(value.split()))

    @property
    def cell_fields(self) -> tuple[str, ...]:
        return self.import_fields or self.fields

    def check_rows(self, rows: Sequence[models.Model]) -> dict:
        """Every cross-row rule of this part over unsaved rows; empty when they all hold."""
        problems: dict = {}
        for rule in self.rules:
            for key, value in rule(rows).items():
                if key is None:
                    problems.setdefault(None, []).extend(value)
                else:
                    for name, messages in value.items():
                        problems.setdefault(key, {}).setdefault(name, []).extend(messages)
        return problems


@dataclass(frozen=True)
class EditorGroup:
    """One section of the workspace editor: an optional one-to-one section's form, then lists."""

    key: str  # the anchor of the section, e.g. "supply-chain"
    title: str
    parts: tuple[str, ...]  # part names shown in this section, in order
    intro: str = ""
    product_form: bool = False  # the product's own fields head this section


_REGISTRY: dict[str, Part] = {}
_GROUPS: dict[str, EditorGroup] = {}


def register(*parts: Part) -> None:
    """Add parts to the registry; registering the same name again replaces it (apps may reload in tests)."""
    for part in parts:
        _REGISTRY[part.name] = part


def register_groups(*groups: EditorGroup) -> None:
    """Add sections of the editor; they show in registration order."""
    for group in groups:
        _GROUPS[group.key] = group


def editor_groups() -> list[EditorGroup]:
    return list(_GROUPS.values())


def get(name: str) -> Part:
    return _REGISTRY[name]


def all_parts() -> list[Part]:
    """Every registered part in registration order (the products app first, then its dependants)."""
    return list(_REGISTRY.values())


def lists() -> list[Part]:
    return [part for part in _REGISTRY.values() if part.many]


def sections() -> list[Part]:
    return [part for part in _REGISTRY.values() if not part.many]
