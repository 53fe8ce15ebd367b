"""Writes of a maker organisation's supplier directory: the one writer of a supplier and of the steps that use it."""

from django.db import transaction

from .models import MakerOrganisation, SupplyChainStep
from .suppliers import PLACE_FIELDS, Supplier

# What a step copies from its supplier; a change to any of these is carried into the steps.
COPIED_FIELDS = ("name", "name_confidential", *PLACE_FIELDS)


def _save(instance, user) -> None:
    instance._history_user = user  # read by django-simple-history for the history record's author
    instance.save()


@transaction.atomic
def save_supplier(supplier: Supplier, *, user=None) -> int:
    """Validate and save a supplier (new or changed); returns how many supply-chain steps were updated.

    A step that picks the supplier holds a copy of its name, place and confidential flag, so a change to
    them is written into every such step of the organisation's products in the same transaction. The steps
    are saved one by one (not with ``update()``), so that each change lands in the step's history, its region
    is derived again and the model signals rescore the products once, after the commit. Published passport
    versions are frozen snapshots and never change; the products show unpublished changes instead.
    """
    supplier.full_clean()
    before = None
    if supplier.pk is not None:
        before = Supplier.objects.filter(pk=supplier.pk).values(*COPIED_FIELDS).first()
    _save(supplier, user)
    if before is None or all(before[name] == getattr(supplier, name) for name in COPIED_FIELDS):
        return 0
    updated = 0
    steps = SupplyChainStep.objects.filter(supplier=supplier).select_related("supplier").select_for_update()
    for step in steps:
        step.supplier = supplier
        _save(step, user)  # save() takes the supplier's values (SupplyChainStep.take_from_supplier)
        updated += 1
    return updated


@transaction.atomic
def suppliers_from_steps(organisation: MakerOrganisation, *, user=None) -> int:
    """Create a directory entry for each supplier name the organisation's steps give, and link those steps.

    The first step with a name (ignoring case) gives the supplier its place and confidential flag. A step is
    linked only when its place and flag are the supplier's, because linking copies them into the step: a step
    elsewhere keeps its own values and stays unlinked. Returns how many suppliers were created.
    """
    known = {supplier.name.casefold(): supplier for supplier in organisation.suppliers.all()}
    created = 0
    steps = (
        SupplyChainStep.objects.filter(product__maker=organisation, supplier__isnull=True)
        .exclude(supplier_name="")
        .order_by("pk")
        .select_for_update()
    )
    for step in steps:
        key = step.supplier_name.strip().casefold()
        supplier = known.get(key)
        if supplier is None:
            supplier = Supplier(
                organisation=organisation,
                name=step.supplier_name.strip(),
                name_confidential=step.supplier_confidential,
                **{name: getattr(step, name) for name in PLACE_FIELDS},
            )
            supplier.full_clean()
            _save(supplier, user)
            known[key] = supplier
            created += 1
        same = supplier.place == {name: getattr(step, name) for name in PLACE_FIELDS}
        if same and supplier.name_confidential == step.supplier_confidential:
            step.supplier = supplier
            _save(step, user)
    return created
