"""Writes of the retailer workspace: the assortment and recorded print jobs; every write is atomic."""

from django.db import transaction
from django.utils.translation import gettext as _

from catalogue.models import AssortmentItem, PassportVersion, PrintJob, RetailerOrganisation
from catalogue.passports.printing import (
    DEFAULT_LABEL_LAYOUT,
    FORMAT_ALIASES,
    LABELS,
    MAX_BATCH,
    label_options_from,
    parse_identifiers,
)
from catalogue.passports.selectors import current_versions_of_products
from catalogue.printjobs import services as printjobs
from catalogue.retailers import selectors
from products.models import Product


class PrintRequestError(ValueError):
    """The print request names nothing printable or too much; ``str(error)`` says what to change."""


class PrintScope:
    ALL = "all"  # the whole assortment
    REPRINT = "reprint"  # every item whose printed passport is out of date
    SELECTED = "selected"  # the items named by id (the workspace) or by GTIN/passport code (the API)


def items_to_print(
    retailer: RetailerOrganisation, *, scope: str, item_ids=None, codes=None, output_format: str = ""
) -> list[AssortmentItem]:
    """The assortment items a print request means, ready to print; raises PrintRequestError.

    One rule for the workspace and the API: only the retailer's own items, at least one, and at most
    MAX_BATCH per request (larger runs belong to the render_passports command). Ids outside the
    assortment are left out, as if they did not exist. The reprint scope means what is out of date in
    ``output_format`` (in any format without one).
    """
    if scope == PrintScope.ALL:
        item_ids = list(AssortmentItem.objects.filter(retailer=retailer).values_list("pk", flat=True))
    elif scope == PrintScope.REPRINT:
        output_format = FORMAT_ALIASES.get(output_format, output_format)
        item_ids = [
            row.item.pk
            for row in selectors.assortment_rows(retailer)
            if (output_format in row.reprint_formats if output_format else row.reprint_needed)
        ]
    elif codes is not None:
        identifiers, errors = parse_identifiers(codes)
        if errors:
            raise PrintRequestError(" ".join(f"{raw}: {' '.join(messages)}" for raw, messages in errors.items()))
        found, missing = selectors.items_for_identifiers(retailer, identifiers)
        if missing:
            raise PrintRequestError(
                _("Not in your assortment: %(codes)s.")
                % {"codes": ", ".join(identifier.raw.strip() for identifier in missing)}
            )
        item_ids = [item.pk for item in found]
    item_ids = list(item_ids or [])
    if not item_ids:
        raise PrintRequestError(_("Select at least one product to print."))
    if len(item_ids) > MAX_BATCH:
        raise PrintRequestError(_("Print at most %(max)d products at a time.") % {"max": MAX_BATCH})
    return selectors.items_for_printing(retailer, item_ids)


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
def set_shelf_price(item: AssortmentItem, price) -> AssortmentItem:
    """The retailer's own label price of an item (None: the product's price); validated by the model."""
    item.shelf_price = price
    item.full_clean(exclude=["retailer", "product", "added_by"], validate_unique=False)
    item.save(update_fields=["shelf_price"])
    return item


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
    label_data: dict | None = None,
) -> tuple[PrintJob, bytes | None]:
    """Print the current passports of ``items`` as one PDF and record which versions went onto paper in this format.

    A small batch renders now and comes back with its PDF; a large one (printjobs.services.runs_in_background)
    is queued and comes back without (None): its job page shows the progress. ``label_data`` holds the label
    options (price, ean, start; see printing.label_options_from); the price on a label is the item's shelf price
    where the retailer set one. Raises ValidationError for a bad option."""
    output_format = FORMAT_ALIASES.get(output_format, output_format)
    versions_by_product = current_versions_of_products(item.product_id for item in items)
    unprintable = [item.product for item in items if item.product_id not in versions_by_product]
    if unprintable:
        raise NotPrintable(unprintable)
    versions = [versions_by_product[item.product_id] for item in items]
    layout = (layout or DEFAULT_LABEL_LAYOUT) if output_format == LABELS else ""
    options = None
    if output_format == LABELS:
        options = label_options_from(label_data or {}, layout, [i.shelf_price for i in items])
    arguments = {
        "user": user,
        "output_format": output_format,
        "language": language,
        "layout": layout,
        "label_options": options,
    }
    if printjobs.runs_in_background(output_format, len(versions)):
        return printjobs.queue_job(retailer, versions, **arguments), None
    return printjobs.print_now(retailer, versions, **arguments)


def record_print_job(
    retailer: RetailerOrganisation,
    versions: list[PassportVersion],
    *,
    user,
    output_format: str,
    language: str,
    layout: str = "",
) -> PrintJob:
    """Record versions as printed without keeping a PDF (the demo data); downloading it renders them again."""
    job = printjobs.new_job(
        retailer,
        versions,
        user=user,
        output_format=output_format,
        language=language,
        layout=layout,
        status=PrintJob.Status.RUNNING,
    )
    return printjobs.record_printed(job, versions, None)
