"""Builds the frozen, public JSON snapshot of a product (schema in docs/passport-snapshot.md)."""

from decimal import Decimal

from django.conf import settings
from django.core.exceptions import ObjectDoesNotExist
from django.utils import translation

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
            }
        )
    return steps


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
    fields = {
        "warranty_years": None,
        "lifetime_warranty": False,
        "expected_lifetime_years": None,
        "maintenance_instructions": "",
        "resharpenable": None,
        "resharpening_cycles": None,
        "refurbishable": None,
    }
    if durability is not None:
        fields = {name: number(getattr(durability, name)) for name in fields}
    return {**fields, "tests": tests}


def _repairability(product: Product) -> dict | None:
    repairability = _one_to_one(product, "repairability")
    spare_parts = [
        {
            "name": part.name,
            "years_available": part.years_available,
            "delivery_days": part.delivery_days,
            "price_percent_of_product": number(part.price_percent_of_product),
        }
        for part in product.spare_parts.all()
    ]
    services = [
        {
            "service_type": service.service_type,
            "label": choice_label(type(service).ServiceType, service.service_type),
            "provider": service.provider,
            "price_eur": number(service.price_eur),
            "description": service.description,
        }
        for service in product.repair_services.all()
    ]
    if repairability is None and not spare_parts and not services:
        return None
    result = dict.fromkeys(
        (
            "documentation",
            "documentation_label",
            "documentation_url",
            "disassembly_steps",
            "fasteners",
            "fasteners_label",
            "tools",
            "tools_label",
        ),
    )
    if repairability is not None:
        model = type(repairability)
        result = {
            "documentation": repairability.documentation or None,
            "documentation_label": choice_label(model.Documentation, repairability.documentation),
            "documentation_url": repairability.documentation_url,
            "disassembly_steps": repairability.disassembly_steps,
            "fasteners": repairability.fasteners or None,
            "fasteners_label": choice_label(model.Fasteners, repairability.fasteners),
            "tools": repairability.tools or None,
            "tools_label": choice_label(model.Tools, repairability.tools),
        }
    return {**result, "spare_parts": spare_parts, "repair_services": services}


def _end_of_life(product: Product) -> dict | None:
    end_of_life = _one_to_one(product, "end_of_life")
    if end_of_life is None:
        return None
    return {
        "take_back_offered": end_of_life.take_back_offered,
        "take_back_details": end_of_life.take_back_details,
        "recyclable_share_percent": number(end_of_life.recyclable_share_percent),
        "separability": end_of_life.separability or None,
        "separability_label": choice_label(type(end_of_life).Separability, end_of_life.separability),
        "disposal_instructions": end_of_life.disposal_instructions,
    }


def build_snapshot(product: Product, *, score: dict, version: int, published_at) -> dict:
    """The public snapshot of ``product`` (loaded through ``products_for_snapshot``)."""
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
            "variants": [{"code": variant.code, "name": variant.name} for variant in product.variants.all()],
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
        "materials": [
            {
                "name": material.name,
                "part": material.part,
                "mass_g": number(material.mass_g),
                "share_percent": number(material.share_percent),
                "recycled_content_percent": number(material.recycled_content_percent),
                "renewable": material.renewable,
                "recyclable": material.recyclable,
                "substances_of_concern": material.substances_of_concern,
            }
            for material in product.materials.all()
        ],
        "components": [
            {
                "name": component.name,
                "replaceable": component.replaceable,
                "spare_part_available": component.spare_part_available,
            }
            for component in product.components.all()
        ],
        "supply_chain": _supply_chain(product),
        "durability": _durability(product),
        "repairability": _repairability(product),
        "end_of_life": _end_of_life(product),
        "evidence": [
            {
                "title": document.title,
                "claim": document.claim,
                "url": document.url or (f"{settings.SITE_BASE_URL}{document.file.url}" if document.file else ""),
                "verified": document.verified,
            }
            for document in product.evidence.all()
        ],
        "urls": passport_urls(product),
    }
