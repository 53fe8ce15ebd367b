"""Builds the frozen, public JSON snapshot of a product (schema in docs/passport-snapshot.md)."""

from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ObjectDoesNotExist
from django.utils import translation

from catalogue.dpp.access import restricted_fields, seal
from catalogue.dpp.identifiers import snapshot_identifiers
from catalogue.passports.evidence import evidence_file_url
from products import parts
from products.identifiers import format_passport_code
from products.models import Product, SupplyChainStep
from products.regions import Region

SNAPSHOT_SCHEMA = "gw-passport/1"
LANGUAGES = ("de", "en")


def bilingual(label) -> dict[str, str]:
    """A lazily translated label rendered in every language the passport is printed in."""
    result = {}
    for language in LANGUAGES:
        with translation.override(language):
            result[language] = str(label)
    return result


def choice_label(choices, value) -> dict[str, str] | None:
    if not value:
        return None
    return bilingual(choices(value).label)


def number(value):
    """JSON-friendly number: decimals become floats, unknown stays None."""
    if value is None:
        return None
    if isinstance(value, Decimal):
        return float(value)
    return value


def passport_urls(product: Product) -> dict[str, str | None]:
    base = settings.SITE_BASE_URL
    passport = f"{base}/p/{product.passport_code}"
    digital_link = f"{base}/01/{product.gtin}" if product.gtin else None
    return {"passport": passport, "digital_link": digital_link, "qr": digital_link or passport}


def public_fields(part_name: str, row, *, skip=()) -> dict:
    """A row's registered fields as the snapshot stores them: numbers as floats, a choice with its label.

    A choice left empty is undisclosed (None) and gets the key ``<field>_label`` beside it.
    """
    result = {}
    # Fields of legitimate interest go into the restricted part instead (catalogue.dpp.access).
    skip = (*skip, *restricted_fields(part_name))
    for name in parts.get(part_name).fields:
        if name in skip:
            continue
        value = getattr(row, name)
        choices = row._meta.get_field(name).choices
        if choices:
            result[name] = value or None
            result[f"{name}_label"] = bilingual(dict(choices)[value]) if value else None
        else:
            result[name] = number(value)
    return result


def _one_to_one(product: Product, name: str):
    try:
        return getattr(product, name)
    except ObjectDoesNotExist:  # the section was never filled in
        return None


def _supply_chain(product: Product) -> list[dict]:
    steps = []
    for step in product.supply_chain_steps.all():
        confidential = step.supplier_confidential
        steps.append(
            {
                "position": step.position,
                "step_type": step.step_type,
                "step_label": choice_label(SupplyChainStep.StepType, step.step_type),
                "description": step.description,
                "performed_by": step.performed_by,
                # A confidential supplier name never enters the public snapshot.
                "supplier_name": step.supplier_name
                if step.performed_by == SupplyChainStep.Performer.SUPPLIER and not confidential
                else None,
                "supplier_confidential": confidential,
                "city": step.city,
                "postcode": step.postcode,
                "country": step.country,
                "region": step.region or None,
                "region_label": choice_label(Region, step.region),
                # New in 2026 (older snapshots have no key): the maker's own site where it did the step.
                "facility": _step_facility(step),
            }
        )
    return steps


def _step_facility(step: SupplyChainStep) -> dict | None:
    """The step's facility by name and GLN; None without one, and always for a supplier's step."""
    facility = step.facility if step.facility_id else None
    if facility is None or step.performed_by == SupplyChainStep.Performer.SUPPLIER:
        return None
    return {"name": facility.name, "gln": facility.gln or None}


def _durability(product: Product) -> dict | None:
    durability = _one_to_one(product, "durability")
    tests = [
        {
            "property": test.property,
            "label": choice_label(type(test).Property, test.property),
            "method": test.method,
            "result": test.result,
            "evidence_verified": test.evidence.verified if test.evidence else None,
        }
        for test in product.durability_tests.all()
    ]
    if durability is None and not tests:
        return None
    # Tests without the section: the section's fields as a new, empty one has them (not disclosed).
    fields = public_fields("durability", durability or parts.get("durability").model())
    return {**fields, "tests": tests}


def _repairability(product: Product) -> dict | None:
    repairability = _one_to_one(product, "repairability")
    spare_parts = [public_fields("spare_parts", part) for part in product.spare_parts.all()]
    services = [
        {
            "service_type": service.service_type,
            "label": choice_label(type(service).ServiceType, service.service_type),
            "provider": service.provider,
            "price_eur": number(service.price_eur),
            "description": service.description,
            "phone": service.phone,
            "email": service.email,
            "website": service.website,
        }
        for service in product.repair_services.all()
    ]
    if repairability is None and not spare_parts and not services:
        return None
    if repairability is not None:
        result = public_fields("repairability", repairability)
    else:
        result = dict.fromkeys(public_fields("repairability", parts.get("repairability").model()))
    return {**result, "spare_parts": spare_parts, "repair_services": services}


def _end_of_life(product: Product) -> dict | None:
    end_of_life = _one_to_one(product, "end_of_life")
    if end_of_life is None:
        return None
    return public_fields("end_of_life", end_of_life)


def restricted_content(product: Product) -> dict:
    """The fields of legitimate interest (catalogue.dpp.access), lists row by row as in the public snapshot."""

    def rows(part_name: str, items) -> list[dict]:
        return [{name: getattr(row, name) for name in restricted_fields(part_name)} for row in items]

    repairability = _one_to_one(product, "repairability")
    return {
        "materials": rows("materials", product.materials.all()),
        "repairability": rows("repairability", [repairability])[0] if repairability is not None else None,
        "spare_parts": rows("spare_parts", product.spare_parts.all()),
    }


def predecessor_link(passport_code: str, predecessor) -> dict | None:
    """The previous version as the next one names it (ESPR Art. 11(d)); the successor is read from the database."""
    if predecessor is None:
        return None
    return {
        "version": predecessor.number,
        "content_hash": predecessor.content_hash,
        "url": f"{settings.SITE_BASE_URL}/p/{passport_code}/v/{predecessor.number}",
    }


def build_snapshot(product: Product, *, score: dict, version: int, published_at, predecessor=None) -> dict:
    """The public snapshot of ``product`` (loaded through ``products_for_snapshot``).

    ``predecessor`` is the version this one follows (None for the first). The restricted part is only named
    by its hash here; ``catalogue.dpp.services.store_restricted_part`` keeps it beside the version.
    """
    maker = product.maker
    category = product.category
    return {
        "schema": SNAPSHOT_SCHEMA,
        "version": version,
        "published_at": published_at.isoformat(),
        "product": {
            "name": product.name,
            "description": product.description,
            "model_number": product.model_number,
            "gtin": product.gtin,
            "passport_code": product.passport_code,
            "passport_code_display": format_passport_code(product.passport_code),
            "category": {"slug": category.slug, "name": {"de": category.name_de, "en": category.name_en}},
            "price_eur": number(product.price_eur),
            "mass_g": product.mass_g,
            "variants": [public_fields("variants", variant) for variant in product.variants.all()],
        },
        "maker": {
            "name": maker.name,
            "slug": maker.slug,
            "city": maker.city,
            "postcode": maker.postcode,
            "country": maker.country,
            "website": maker.website,
        },
        "score": score,
        "materials": [public_fields("materials", material) for material in product.materials.all()],
        "components": [public_fields("components", component) for component in product.components.all()],
        "supply_chain": _supply_chain(product),
        "durability": _durability(product),
        "repairability": _repairability(product),
        "end_of_life": _end_of_life(product),
        "evidence": [
            {
                "title": document.title,
                "claim": document.claim,
                "url": document.url or (evidence_file_url(document) if document.file else ""),
                "verified": document.verified,
            }
            for document in product.evidence.all()
        ],
        "urls": passport_urls(product),
        "identifiers": snapshot_identifiers(product),
        "predecessor": predecessor_link(product.passport_code, predecessor),
        "restricted_part": {"sha256": seal(restricted_content(product))[1]},
    }
