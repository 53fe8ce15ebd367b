"""Writes of the retailer workspace: the assortment and recorded print jobs; every write is atomic."""

from django.db import transaction

from catalogue.models import AssortmentItem, PassportVersion, PrintJob, RetailerOrganisation
from catalogue.passports.print_selectors import current_versions_of_products
from catalogue.passports.printing import LABELS, render_versions
from products.models import Product


class NotPrintable(Exception):
    """Some products have no public passport (a draft), so nothing is printed."""

    def __init__(self, products: list[Product]):
        super().__init__(", ".join(product.name for product in products))
        self.products = products


@transaction.atomic
def add_to_assortment(retailer: RetailerOrganisation, product: Product, user=None) -> tuple[AssortmentItem, bool]:
    """Add a product to the assortment; adding it twice keeps the first entry."""
    return AssortmentItem.objects.get_or_create(
        retailer=retailer,
        product=product,
        defaults={"added_by": user if user is not None and user.is_authenticated else None},
    )


@transaction.atomic
def remove_from_assortment(item: AssortmentItem) -> None:
    """Remove an item; what was printed for it stays in the print history."""
    item.delete()


def print_items(
    retailer: RetailerOrganisation,
    items: list[AssortmentItem],
    *,
    user,
    output_format: str,
    language: str,
    layout: str = "",
) -> tuple[PrintJob, bytes]:
    """Render the current passports of ``items`` into one PDF and record which versions went onto paper."""
    versions_by_product = current_versions_of_products(item.product_id for item in items)
    unprintable = [item.product for item in items if item.product_id not in versions_by_product]
    if unprintable:
        raise NotPrintable(unprintable)
    versions = [versions_by_product[item.product_id] for item in items]
    layout = layout if output_format == LABELS else ""
    # Render first: a failed rendering must not be recorded as printed.
    content = render_versions(versions, format=output_format, language=language, layout=layout)
    return record_print_job(
        retailer, versions, user=user, output_format=output_format, language=language, layout=layout
    ), content


@transaction.atomic
def record_print_job(
    retailer: RetailerOrganisation,
    versions: list[PassportVersion],
    *,
    user,
    output_format: str,
    language: str,
    layout: str = "",
) -> PrintJob:
    job = PrintJob.objects.create(
        retailer=retailer,
        created_by=user if user is not None and user.is_authenticated else None,
        format=output_format,
        label_layout=layout,
        language=language,
    )
    job.versions.set(versions)
    return job
