"""Writes of the maker workspace; each runs in one transaction."""

from django.db import transaction
from django.utils import timezone

from .models import EvidenceDocument, Product


@transaction.atomic
def save_product(product_form, formsets) -> Product:
    """Save a valid product form and its inline formsets together.

    The product row is written only when its own fields changed, so that the history shows real
    changes; a change to a part alone still moves the product's "last change" time.
    """
    product = product_form.instance
    is_new = product.pk is None
    if is_new or product_form.has_changed():
        product = product_form.save()
    parts_changed = False
    for formset in formsets:
        formset.instance = product
        formset.save()
        parts_changed = parts_changed or bool(formset.new_objects or formset.changed_objects or formset.deleted_objects)
    if parts_changed and not is_new:
        touch_product(product)
    return product


def touch_product(product: Product) -> None:
    """Move the product's last-change time without writing a history record for it."""
    product.updated_at = timezone.now()
    Product.objects.filter(pk=product.pk).update(updated_at=product.updated_at)


@transaction.atomic
def add_evidence(product: Product, evidence_form) -> EvidenceDocument:
    """Attach a document or link from a valid evidence form; it starts unverified."""
    evidence = evidence_form.save(commit=False)
    evidence.product = product
    evidence.verified = False
    evidence.verified_by = None
    evidence.verified_at = None
    evidence.save()
    touch_product(product)
    return evidence


@transaction.atomic
def mark_evidence_verified(queryset, user) -> int:
    """Staff confirm that documents back their claims; returns how many changed."""
    now = timezone.now()
    count = 0
    # Saved one by one (not queryset.update) so that every change lands in the history.
    for evidence in queryset.select_for_update(of=("self",)).filter(verified=False):
        evidence.verified = True
        evidence.verified_by = user
        evidence.verified_at = now
        evidence.save(update_fields=["verified", "verified_by", "verified_at"])
        count += 1
    return count
