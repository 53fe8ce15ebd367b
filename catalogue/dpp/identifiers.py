"""The passport's identifiers: the unique product identifier, the operator, the facilities, the commodity code."""

from django.conf import settings

from products.models import Product, SupplyChainStep

UPI_SCHEME_DIGITAL_LINK = "gs1_digital_link"
UPI_SCHEME_PASSPORT_URL = "iec_61406"


def unique_product_identifier(*, gtin: str | None, passport_code: str, base_url: str | None = None) -> dict:
    """The UPI (ESPR Art. 10(1)(a), Annex III (b)): the GS1 Digital Link URI with a GTIN, else the passport URL.

    The passport URL is an identification link in the style of IEC 61406: a stable HTTPS URL that both
    identifies the product and leads to its information. A batch or an item would add ``/10/<batch>`` or
    ``/21/<serial>`` to the Digital Link; the catalogue publishes per model, batch or item passports under
    one URI each.
    """
    base = base_url if base_url is not None else settings.SITE_BASE_URL
    if gtin:
        return {"scheme": UPI_SCHEME_DIGITAL_LINK, "value": f"{base}/01/{gtin}"}
    return {"scheme": UPI_SCHEME_PASSPORT_URL, "value": f"{base}/p/{passport_code}"}


def facilities_of(product: Product) -> list[dict]:
    """The maker's sites where the product's steps were done, once each, in step order."""
    seen, result = set(), []
    for step in product.supply_chain_steps.all():
        facility = step.facility
        if facility is None or facility.pk in seen or step.performed_by == SupplyChainStep.Performer.SUPPLIER:
            continue
        seen.add(facility.pk)
        result.append(
            {
                "name": facility.name,
                "city": facility.city,
                "postcode": facility.postcode,
                "country": facility.country,
                "gln": facility.gln or None,
            }
        )
    return result


def snapshot_identifiers(product: Product) -> dict:
    """The snapshot's ``identifiers`` key (new in 2026: older snapshots have none)."""
    maker = product.maker
    return {
        "upi": unique_product_identifier(gtin=product.gtin, passport_code=product.passport_code),
        "operator": maker.operator_identifier,
        "operator_identifiers": {"eori": maker.eori or None, "gln": maker.gln or None},
        "facilities": facilities_of(product),
        "commodity_code": product.effective_commodity_code or None,
        "granularity": product.granularity,
    }
