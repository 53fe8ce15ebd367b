"""Writes of products: the one writer of a product with all its parts, deleting drafts, and evidence.

Every caller (the workspace editor, the API, the bulk import and the demo loader) writes a product
through :func:`save_product`, so that validation, history (with its author), ``updated_at``,
rescoring (through the model signals, once per transaction) and the parts' rules are the same for
all of them.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass, field

from django.core.exceptions import NON_FIELD_ERRORS, ValidationError
from django.db import IntegrityError, models, transaction
from django.db.models import ProtectedError
from django.utils import timezone
from django.utils.translation import gettext as _

from . import parts
from .edit_versions import edit_token, editable_state
from .limits import too_many_rows
from .models import EvidenceDocument, Product
from .unique_violations import unique_violation_errors


@dataclass
class ProductWrite:
    """What to write: the product's own fields and any of its parts; a part left out stays as it is.

    - ``fields``: product field → value (model instances for the maker and the category).
    - ``lists``: part name → rows (field → value). The rows replace the stored list. With
      ``keyed`` a row names the stored row it updates by ``"pk"``, and rows without one are new
      (the editor's formsets); otherwise stored rows are reused in order (the API, the import).
    - ``sections``: part name → field → value, updating the stored section; ``None`` removes it.
    """

    fields: dict = field(default_factory=dict)
    lists: dict[str, list[dict]] = field(default_factory=dict)
    sections: dict[str, dict | None] = field(default_factory=dict)
    keyed: bool = False


class ProductInvalid(Exception):
    """The write breaks a rule; nothing was saved.

    ``errors`` mirrors the write: ``{field: [messages]}`` for the product, ``{part: {index: {field:
    [messages]}}}`` for lists (index ``None`` for the list as a whole) and ``{part: {field: [messages]}}``
    for sections. ``""`` stands for errors of a whole object.
    """

    def __init__(self, errors: dict):
        super().__init__(errors)
        self.errors = errors

    def messages(self) -> list[str]:
        """Every message once, in the order of the write (for a page that has no field to show it at)."""
        found: list[str] = []
        for _path, messages in flat_errors(self.errors):
            found.extend(str(message) for message in messages if str(message) not in found)
        return found


def flat_errors(errors: dict, prefix: str = "") -> Iterator[tuple[str, list]]:
    """A write's nested errors as (path, messages), rows numbered from 1: ``materials[2].share_percent``."""
    for key, value in errors.items():
        if isinstance(key, int):
            path = f"{prefix}[{key + 1}]"
        elif key is None:
            path = prefix
        else:
            path = f"{prefix}.{key}" if prefix and key else (prefix or key)
        if isinstance(value, dict):
            yield from flat_errors(value, path)
        else:
            yield path, value


@dataclass
class _Plan:
    """The validated objects of a write, ready to be saved."""

    product: Product
    product_changed: bool
    lists: dict[str, tuple[list[tuple[models.Model, bool]], list[models.Model]]] = field(default_factory=dict)
    sections: dict[str, tuple[models.Model | None, bool, models.Model | None]] = field(default_factory=dict)


def _values(instance: models.Model, names) -> dict:
    return {name: getattr(instance, instance._meta.get_field(name).attname) for name in names}


def _apply(instance: models.Model, values: dict) -> None:
    for name, value in values.items():
        setattr(instance, name, value)


def _model_errors(instance: models.Model, exclude=()) -> dict:
    """The model's own validation (fields, clean(), uniqueness) as {field: [messages]}."""
    try:
        instance.full_clean(exclude=list(exclude))
    except ValidationError as error:
        return {"" if name == NON_FIELD_ERRORS else name: messages for name, messages in error.message_dict.items()}
    return {}


def _build_row(
    part: parts.Part, values: dict, instance: models.Model | None = None, product: Product | None = None
) -> tuple[models.Model, dict]:
    """A row of a part with ``values`` applied, validated by its model; returns it with its errors.

    The row is attached to ``product`` first, so that its rules may read the product (a step's supplier
    must be in the product maker's directory), also when both are new.
    """
    row = instance if instance is not None else part.model()
    if product is not None:
        row.product = product
    _apply(row, values)
    return row, _model_errors(row, exclude=["product"])


def _stored_values(product: Product, names) -> dict | None:
    """The product's stored values of these fields (None for a new product).

    Read from the database, because a caller's form may already have applied the new values to the
    instance it passes.
    """
    if product.pk is None:
        return None
    if not names:
        return {}
    attnames = [Product._meta.get_field(name).attname for name in names]
    stored = Product.objects.filter(pk=product.pk).values(*attnames).first() or {}
    return {name: stored.get(attname) for name, attname in zip(names, attnames, strict=True)}


def _stored_rows(product: Product, part: parts.Part) -> list[models.Model]:
    if product.pk is None:
        return []
    return list(part.model.objects.filter(product=product).order_by("pk"))


def _plan_list(product, part, rows, keyed, errors) -> tuple[list, list]:
    if len(rows) > part.max_rows:
        # Refused before any row is built: a list far over the limit costs no validation time.
        errors[part.name] = {None: [too_many_rows(part.title, part.max_rows, len(rows))]}
        return [], []
    stored = _stored_rows(product, part)
    by_pk = {row.pk: row for row in stored}
    reusable = [] if keyed else list(stored)
    planned, claimed, row_errors = [], set(), {}
    for index, values in enumerate(rows):
        values = dict(values)
        pk = values.pop("pk", None)
        if part.order_field and values.get(part.order_field) is None:
            values[part.order_field] = index + 1
        instance = by_pk.get(pk) if pk is not None else (reusable.pop(0) if reusable else None)
        if pk is not None and instance is None:
            row_errors[index] = {"": [_("This row no longer exists; reload the page.")]}
            continue
        before = _values(instance, part.fields) if instance is not None else None
        instance, problems = _build_row(part, values, instance, product)
        if problems:
            row_errors[index] = problems
        if instance.pk is not None:
            claimed.add(instance.pk)
        planned.append((instance, before is None or before != _values(instance, part.fields)))
    if not row_errors:
        # Rules across rows need every row's values converted, so they wait for the rows to be valid.
        row_errors = part.check_rows([instance for instance, _changed in planned])
    if row_errors:
        errors[part.name] = row_errors
    return planned, [row for row in stored if row.pk not in claimed]


def _plan_section(product, part, values, errors):
    stored = _stored_rows(product, part)
    existing = stored[0] if stored else None
    if values is None:
        return None, False, existing
    before = _values(existing, part.fields) if existing is not None else None
    instance, problems = _build_row(part, values, existing)
    if problems:
        errors[part.name] = problems
    return instance, before is None or before != _values(instance, part.fields), None


def _plan(product: Product | None, write: ProductWrite) -> _Plan:
    errors: dict = {}
    product = product if product is not None else Product()
    unknown = [name for name in [*write.lists, *write.sections] if name not in {p.name for p in parts.all_parts()}]
    if unknown:
        raise ValueError(f"Unknown product parts: {', '.join(unknown)}")
    before = _stored_values(product, write.fields)
    _apply(product, write.fields)
    errors.update(_model_errors(product, exclude=["passport_code"]))
    plan = _Plan(product=product, product_changed=before is None or before != _values(product, write.fields))
    for name, rows in write.lists.items():
        plan.lists[name] = _plan_list(product, parts.get(name), rows, write.keyed, errors)
    for name, values in write.sections.items():
        plan.sections[name] = _plan_section(product, parts.get(name), values, errors)
    if errors:
        raise ProductInvalid(errors)
    return plan


def validate_product(product: Product | None, write: ProductWrite) -> dict:
    """The errors the write would meet, without saving anything (empty when it is valid).

    It applies the write's values to ``product``; callers that keep using the instance pass a copy.
    """
    try:
        _plan(product, write)
    except ProductInvalid as invalid:
        return invalid.errors
    return {}


def _save(instance: models.Model, user) -> None:
    instance._history_user = user  # read by django-simple-history for the history record's author
    instance.save()


class ProductChanged(Exception):
    """The product changed since the editor read it (``based_on``); nothing was saved.

    ``current`` is the product's editable state now (``products.edit_versions.editable_state``).
    """

    def __init__(self, current: dict):
        super().__init__("The product changed since it was read.")
        self.current = current


@transaction.atomic
def save_product(product: Product | None, write: ProductWrite, *, user=None, based_on: str | None = None) -> Product:
    """Validate and save a product with the given parts, all of it or nothing; returns the product.

    Raises :class:`ProductInvalid` when any rule is broken, also when the database refuses a value that another
    transaction took after the checks passed (a GTIN saved at the same moment). With ``based_on`` (the
    ``edit_token`` of the state the caller's form showed) it raises :class:`ProductChanged` when the product
    is no longer in that state. Only rows that really change are written, so the history shows real changes; a
    change to a part alone still moves the product's ``updated_at``. Scores follow through the model signals,
    once per transaction.
    """
    if based_on is not None and product is not None and product.pk is not None:
        _require_unchanged(product, based_on)
    plan = _plan(product, write)
    is_new = plan.product.pk is None
    try:
        # A savepoint: when the database refuses a row, the caller's transaction stays usable (PostgreSQL).
        with transaction.atomic():
            _write_plan(plan, user)
    except IntegrityError as error:
        if is_new:
            # The insert was rolled back: the instance must not look saved.
            plan.product.pk = None
            plan.product._state.adding = True
        raise ProductInvalid(_clash_errors(plan.product, write, error)) from error
    return plan.product


def _require_unchanged(product: Product, based_on: str) -> None:
    # Locked until the write commits, so that nobody changes the product between this check and the save.
    locked = Product.objects.select_for_update().get(pk=product.pk)
    current = editable_state(locked)
    if edit_token(current) != based_on:
        raise ProductChanged(current)


def _clash_errors(product: Product, write: ProductWrite, error: IntegrityError) -> dict:
    """Errors for a write the database refused after the checks had passed; re-raises what is no clash.

    Checked again first: the other transaction has committed by now, so the models' own uniqueness checks
    name the field with their usual message. When they find nothing (the clash was inside this write, or the
    other row is gone again), the database's report names the field.
    """
    candidate = Product.objects.get(pk=product.pk) if product.pk is not None else None
    errors = validate_product(candidate, write)
    if errors:
        return errors
    errors = unique_violation_errors(error)
    if errors is None:
        raise error
    return errors


def _write_plan(plan: _Plan, user) -> None:
    product = plan.product
    is_new = product.pk is None
    if plan.product_changed:
        _save(product, user)
    parts_changed = False
    for planned, leftovers in plan.lists.values():
        for row in leftovers:
            row._history_user = user
            row.delete()
            parts_changed = True
        for row, changed in planned:
            if changed:
                row.product = product
                _save(row, user)
                parts_changed = True
    for instance, changed, removed in plan.sections.values():
        if removed is not None:
            removed._history_user = user
            removed.delete()
            parts_changed = True
        elif instance is not None and changed:
            instance.product = product
            _save(instance, user)
            parts_changed = True
    if parts_changed and not is_new and not plan.product_changed:
        touch_product(product)


def touch_product(product: Product) -> None:
    """Move the product's last-change time without writing a history record for it."""
    product.updated_at = timezone.now()
    Product.objects.filter(pk=product.pk).update(updated_at=product.updated_at)


class ProductInUse(Exception):
    """The product cannot be deleted; ``str(error)`` says why and what to do instead."""


@transaction.atomic
def delete_product(product: Product, *, user=None) -> None:
    """Delete a draft that was never published, with all its parts; anything else raises ProductInUse.

    A passport that was published once has permanent URLs that consumers and printed labels point
    at, so its product stays (withdrawn) instead of disappearing. Publishing moves a product out of
    the draft status for good, so the status alone tells.
    """
    locked = Product.objects.select_for_update().get(pk=product.pk)
    if locked.status != Product.Status.DRAFT:
        raise ProductInUse(_("This product has a published passport; withdraw it instead of deleting it."))
    locked._history_user = user
    try:
        with transaction.atomic():
            locked.delete()
    except ProtectedError as error:
        raise ProductInUse(_("Something else still refers to this product, so it cannot be deleted.")) from error


@transaction.atomic
def duplicate_product(product: Product, *, user=None) -> Product:
    """A new draft with every part of ``product`` as a template: no GTIN, "(copy)" in the name.

    Its evidence is copied too, awaiting review again (a decision is about one product's claim), and rows
    that pointed at a document point at its copy; other links (a step's supplier) stay as they are.
    """
    suffix = " " + _("(copy)")
    name_limit = Product._meta.get_field("name").max_length
    fields = {name: getattr(product, name) for name in parts.PRODUCT_FIELDS}
    fields.update(gtin=None, name=product.name[: name_limit - len(suffix)] + suffix)
    write = ProductWrite(fields=fields)
    links: dict[str, list[dict]] = {}  # part → per row: field → the original document's id
    for part in parts.all_parts():
        stored = _stored_rows(product, part)
        evidence_fields = [
            name for name in part.fields if part.model._meta.get_field(name).related_model is EvidenceDocument
        ]
        if part.order_field:
            stored.sort(key=lambda row: (getattr(row, part.order_field), row.pk))
        rows = [{name: getattr(row, name) for name in part.fields if name not in evidence_fields} for row in stored]
        if part.many:
            write.lists[part.name] = rows
            links[part.name] = [{name: getattr(row, f"{name}_id") for name in evidence_fields} for row in stored]
        elif rows:
            write.sections[part.name] = rows[0]
    copy = save_product(None, write, user=user)
    documents = {}
    for document in product.evidence.order_by("pk"):
        documents[document.pk] = EvidenceDocument(
            product=copy,
            **{name: getattr(document, name) for name in EVIDENCE_COPIED_FIELDS},
        )
        documents[document.pk].return_to_review()
        _save(documents[document.pk], user)
    for name, row_links in links.items():
        # The copy's rows were written in the original's order, so their ids ascend in it.
        for row, row_link in zip(_stored_rows(copy, parts.get(name)), row_links, strict=True):
            linked = {field: documents[pk] for field, pk in row_link.items() if pk in documents}
            if linked:
                _apply(row, linked)
                row._history_user = user
                row.save(update_fields=list(linked))
    return copy


# What a copy of an evidence document keeps: the same stored file or link, as the maker sent it.
EVIDENCE_COPIED_FIELDS = ("title", "claim", "file", "original_name", "content_type", "legacy_name", "url")


@transaction.atomic
def add_evidence(product: Product, evidence: EvidenceDocument, *, user=None, backs=None) -> EvidenceDocument:
    """Attach an unsaved document or link to the product; it starts unverified, whoever sent it.

    ``backs`` is a row of the product (a durability test, see :func:`evidence_link_row`) that the document
    backs: it points at the new document from then on.
    """
    evidence.product = product
    evidence.return_to_review()
    evidence.full_clean()
    _save(evidence, user)
    if backs is not None:
        field_name = evidence_link_field(type(backs))
        setattr(backs, field_name, evidence)
        backs._history_user = user
        backs.save(update_fields=[field_name])
    touch_product(product)
    return evidence


def evidence_link_field(model) -> str | None:
    """The field by which rows of ``model`` point at the evidence that backs them, if they have one."""
    return next(
        (
            field.name
            for field in model._meta.get_fields()
            if getattr(field, "related_model", None) is EvidenceDocument and field.many_to_one
        ),
        None,
    )


def evidence_link_row(product: Product, reference: str):
    """The product's row named by ``"<part>:<pk>"`` (``durability_tests:12``) if its part links evidence, else None."""
    name, _sep, pk = reference.partition(":")
    if not pk.isdigit() or name not in {part.name for part in parts.lists()}:
        return None
    model = parts.get(name).model
    if evidence_link_field(model) is None:
        return None
    return model.objects.filter(product=product, pk=int(pk)).first()


@transaction.atomic
def mark_evidence_verified(queryset, user) -> int:
    """Staff approve documents in bulk (the admin's action, the demo); returns how many changed.

    No mail: the review queue (catalogue.review.services) is where staff decide one by one and makers hear of it.
    """
    now = timezone.now()
    count = 0
    # Saved one by one (not queryset.update) so that every change lands in the history.
    approved = EvidenceDocument.ReviewStatus.APPROVED
    for evidence in queryset.select_for_update(of=("self",)).exclude(review_status=approved, verified=True):
        evidence.record_decision(approved, user=user, at=now)
        evidence._history_user = user
        evidence.save(update_fields=EvidenceDocument.REVIEW_FIELDS)
        count += 1
    return count
