"""Writes for lifecycle data; the product editor saves the product and its lifecycle in one go."""

from django.db import transaction

from products.models import Product
from products.services import save_product, touch_product


@transaction.atomic
def save_product_editor(editor) -> Product:
    """Save every form of a valid ProductEditor in one transaction: all of it, or nothing.

    A section (durability, repairability, end of life) the maker has never filled in stays absent,
    so that the passport can say "not disclosed" instead of showing an empty section.
    """
    if not editor.is_valid():
        raise ValueError("save_product_editor() needs a valid editor; check editor.is_valid() first.")
    product = save_product(editor.product_form, editor.product_formsets)
    changed = False
    for form in editor.section_forms:
        if not form.has_changed():
            continue
        section = form.save(commit=False)
        section.product = product
        section.save()
        changed = True
    for formset in editor.lifecycle_formsets:
        formset.instance = product
        formset.save()
        changed = changed or bool(formset.new_objects or formset.changed_objects or formset.deleted_objects)
    if changed:
        touch_product(product)
    return product
