"""Reads for the maker workspace: what a user may see, with the joins each page needs."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any

from django.db import models
from django.db.models import QuerySet
from django.template.defaultfilters import floatformat
from django.utils import formats
from django.utils.translation import gettext_lazy as _

from .models import EvidenceDocument, MakerMembership, MakerOrganisation, Product, Supplier

# Bookkeeping fields that say nothing a maker would call a change.
HISTORY_IGNORED_FIELDS = frozenset({"id", "product", "created_at", "updated_at", "uploaded_at", "passport_code"})

HISTORY_KINDS = {"+": "created", "~": "changed", "-": "deleted"}
HISTORY_KIND_LABELS = {"created": _("created"), "changed": _("changed"), "deleted": _("deleted")}


def organisations_for_user(user) -> QuerySet[MakerOrganisation]:
    """The maker organisations the user is a member of."""
    if not user.is_authenticated:
        return MakerOrganisation.objects.none()
    return MakerOrganisation.objects.filter(memberships__user=user).order_by("name")


# The maker organisation a member of several works on now: pages about one organisation (the team, a new
# product) use it; lists of products still show every organisation's.
CURRENT_ORGANISATION_SESSION_KEY = "current_maker_organisation"


def current_organisation(session, organisations: list[MakerOrganisation]) -> MakerOrganisation | None:
    """The organisation chosen in this session among ``organisations``; the first one when none (or a gone one) is."""
    chosen = session.get(CURRENT_ORGANISATION_SESSION_KEY)
    for organisation in organisations:
        if organisation.pk == chosen:
            return organisation
    return organisations[0] if organisations else None


def remember_current_organisation(session, organisation: MakerOrganisation) -> None:
    session[CURRENT_ORGANISATION_SESSION_KEY] = organisation.pk


def suppliers_of(organisation: MakerOrganisation) -> QuerySet[Supplier]:
    """The organisation's supplier directory, each with how many supply-chain steps use it (one query)."""
    return organisation.suppliers.annotate(step_count=models.Count("steps")).order_by("name", "pk")


def supplier_for_editing(user, pk: int) -> QuerySet[Supplier]:
    """The supplier ``pk`` if it is in the directory of one of the user's organisations (else empty)."""
    return Supplier.objects.filter(pk=pk, organisation__in=_organisation_ids(user)).select_related("organisation")


def _organisation_ids(user) -> QuerySet:
    return MakerMembership.objects.filter(user=user).values("organisation_id")


def products_for_user(user) -> QuerySet[Product]:
    """Every product of the user's organisations; the base of every workspace lookup (others answer 404)."""
    if not user.is_authenticated:
        return Product.objects.none()
    return Product.objects.filter(maker_id__in=_organisation_ids(user))


def workspace_products(user, *, archived: bool = False) -> QuerySet[Product]:
    """The workspace list: products with maker and category in one query.

    Archived products (withdrawn passports) are left out of the active list and are the whole archived one.
    """
    products = products_for_user(user).select_related("maker", "category").order_by("-updated_at", "pk")
    withdrawn = Product.Status.WITHDRAWN
    return products.filter(status=withdrawn) if archived else products.exclude(status=withdrawn)


def product_for_editing(user, pk: int) -> QuerySet[Product]:
    """The queryset to fetch one product from for the detail and edit pages."""
    return products_for_user(user).filter(pk=pk).select_related("maker", "category", "category__parent")


def product_detail_queryset(user) -> QuerySet[Product]:
    """Products with every part the detail page shows, in a fixed number of queries."""
    return products_for_user(user).with_parts()


def evidence_file_for_user(user, pk: int, file_name: str) -> EvidenceDocument | None:
    """An evidence file the user may open before it is published: their organisations' files; staff see all."""
    if not user.is_authenticated:
        return None
    documents = EvidenceDocument.objects.exclude(file="")
    if not user.is_staff:
        documents = documents.filter(product__maker_id__in=_organisation_ids(user))
    document = documents.filter(pk=pk).first()
    return document if document is not None and document.file_name == file_name else None


# ---------- History ----------


@dataclass
class FieldChange:
    """One field of one history entry, as old and new display values."""

    label: str
    old: str
    new: str


@dataclass
class HistoryEntry:
    """One historical record of the product or one of its parts, ready for display."""

    date: Any
    user: Any
    kind: str
    model_label: str
    object_label: str
    changes: list[FieldChange] = field(default_factory=list)

    @property
    def kind_label(self) -> str:
        return HISTORY_KIND_LABELS[self.kind]


@dataclass
class HistoryGroup:
    """Entries written by one save: the same user within a few seconds."""

    date: Any
    user: Any
    entries: list[HistoryEntry]


def group_history(entries: list[HistoryEntry], window_seconds: float = 5) -> list[HistoryGroup]:
    """Group newest-first entries into saves, so that one edit reads as one change."""
    groups: list[HistoryGroup] = []
    for entry in entries:
        current = groups[-1] if groups else None
        if (
            current is not None
            and entry.user == current.user
            and (current.date - entry.date).total_seconds() <= window_seconds
        ):
            current.entries.append(entry)
        else:
            groups.append(HistoryGroup(date=entry.date, user=entry.user, entries=[entry]))
    return groups


def _tracked_child_models() -> list[type[models.Model]]:
    """History-tracked models that point at Product, found by reflection.

    Reflection keeps products free of imports from the apps that depend on it (lifecycle, catalogue)
    while still showing their changes.
    """
    found = []
    for relation in Product._meta.related_objects:
        model = relation.related_model
        if (
            relation.field.name == "product"
            and getattr(model._meta, "simple_history_manager_attribute", None)
            and model not in found
        ):
            found.append(model)
    return found


def _history_manager(model):
    return getattr(model, model._meta.simple_history_manager_attribute)


def _display_value(model_field, value, related_names: dict) -> str:
    """How a stored value reads for a person: labels for choices, names for relations."""
    if value is None or value == "":
        if isinstance(model_field, models.BooleanField) or model_field.null:
            return str(_("not disclosed"))
        return "–"
    if model_field.choices:
        return str(dict(model_field.flatchoices).get(value, value))
    if isinstance(model_field, models.BooleanField):
        return str(_("yes") if value else _("no"))
    if model_field.is_relation:
        return related_names.get((model_field.related_model, value), f"#{value}")
    if isinstance(value, Decimal | float):
        return floatformat(value, -2)
    return str(formats.localize(value))


def _object_label(record) -> str:
    for name in ("name", "title"):
        value = getattr(record, name, None)
        if value:
            return str(value)
    for model_field in record.instance_type._meta.fields:
        if model_field.choices and not model_field.blank:
            return str(dict(model_field.flatchoices).get(getattr(record, model_field.attname), ""))
    return ""


def _diff_fields(record) -> list:
    # Fields left out of the history (excluded_fields, e.g. Product.has_unpublished_changes) have no
    # column on the historical model and are no user edit.
    recorded = {f.name for f in record._meta.fields}
    return [
        f
        for f in record.instance_type._meta.fields
        if f.name not in HISTORY_IGNORED_FIELDS and not f.primary_key and f.name in recorded
    ]


def _changed_values(record, previous, fields) -> list[tuple[models.Field, Any, Any]]:
    """Fields whose value differs between two consecutive records of one object, in model order."""
    # diff_against compares editable fields only; status and region are derived but matter to a maker.
    delta = record.diff_against(previous, included_fields=[f.name for f in fields if f.editable])
    changed = {change.field: (change.old, change.new) for change in delta.changes}
    for model_field in fields:
        if not model_field.editable:
            old, new = getattr(previous, model_field.attname), getattr(record, model_field.attname)
            if old != new:
                changed[model_field.name] = (old, new)
    return [(f, *changed[f.name]) for f in fields if f.name in changed]


def product_history(product: Product, limit: int = 500) -> list[HistoryEntry]:
    """Merged history of the product and all its parts, newest first.

    One query per history-tracked model plus one per related model named in a change, whatever the
    number of records; differences are computed in memory from consecutive records.
    """
    batches = [Product.history.filter(id=product.pk)]
    for model in _tracked_child_models():
        batches.append(_history_manager(model).filter(product_id=product.pk))

    raw_entries = []  # (record, previous record of the same object or None)
    related_wanted: dict[type[models.Model], set] = defaultdict(set)
    for queryset in batches:
        # Newest records only, then oldest first so that each record follows its predecessor.
        records = list(queryset.select_related("history_user").order_by("-history_date", "-history_id")[:limit])
        records.reverse()
        previous_by_object: dict[Any, Any] = {}
        fields = _diff_fields(records[0]) if records else []
        for record in records:
            previous = previous_by_object.get(record.id)
            previous_by_object[record.id] = record
            raw_entries.append((record, previous, fields))
            if previous is not None:
                for model_field in fields:
                    if model_field.is_relation:
                        for value in (getattr(record, model_field.attname), getattr(previous, model_field.attname)):
                            if value is not None:
                                related_wanted[model_field.related_model].add(value)

    related_names = {}
    for related_model, pks in related_wanted.items():
        for pk, obj in related_model._default_manager.in_bulk(pks).items():
            related_names[(related_model, pk)] = str(obj)

    entries = []
    for record, previous, fields in raw_entries:
        kind = HISTORY_KINDS[record.history_type]
        changes = []
        if kind == "changed" and previous is not None:
            changes = [
                FieldChange(
                    label=str(model_field.verbose_name),
                    old=_display_value(model_field, old, related_names),
                    new=_display_value(model_field, new, related_names),
                )
                for model_field, old, new in _changed_values(record, previous, fields)
            ]
            if not changes:
                continue  # saved without a visible difference
        entries.append(
            HistoryEntry(
                date=record.history_date,
                user=record.history_user,
                kind=kind,
                model_label=str(record.instance_type._meta.verbose_name),
                object_label=_object_label(record),
                changes=changes,
            )
        )
    entries.sort(key=lambda entry: entry.date, reverse=True)
    return entries[:limit]
