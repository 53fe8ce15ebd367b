"""Helpers for the public-page tests: published versions made from sample snapshots, without scoring."""

from datetime import timedelta

from django.utils import timezone

from catalogue.models import PassportVersion
from catalogue.passports.hashing import snapshot_hash
from catalogue.passports.services import record_published_facets
from products.models import Product
from tests.catalogue.passports.snapshots import complete_snapshot


def snapshot_for(product: Product, base: dict | None = None, **product_fields) -> dict:
    """A sample snapshot carrying the identity of ``product`` (name, codes, maker, category)."""
    snapshot = base if base is not None else complete_snapshot()
    snapshot["product"].update(
        name=product.name,
        gtin=product.gtin,
        passport_code=product.passport_code,
        passport_code_display=product.passport_code_display,
        category={
            "slug": product.category.slug,
            "name": {"de": product.category.name_de, "en": product.category.name_en},
        },
        **product_fields,
    )
    snapshot["maker"].update(name=product.maker.name, slug=product.maker.slug)
    base_url = "http://testserver"
    passport = f"{base_url}/p/{product.passport_code}"
    digital_link = f"{base_url}/01/{product.gtin}" if product.gtin else None
    snapshot["urls"] = {"passport": passport, "digital_link": digital_link, "qr": digital_link or passport}
    return snapshot


def publish_snapshot(product: Product, snapshot: dict | None = None, **product_fields) -> PassportVersion:
    """Insert the next passport version of ``product`` directly and mark the product published."""
    number = PassportVersion.objects.filter(product=product).count() + 1
    snapshot = snapshot if snapshot is not None else snapshot_for(product, **product_fields)
    snapshot["version"] = number
    published_at = timezone.now() - timedelta(days=10) + timedelta(hours=number)
    snapshot["published_at"] = published_at.isoformat()
    version = PassportVersion.objects.create(
        product=product,
        number=number,
        snapshot=snapshot,
        methodology_version=snapshot["score"]["methodology_version"],
        content_hash=snapshot_hash(snapshot),
        published_at=published_at,
    )
    record_published_facets(version)
    if product.status != Product.Status.PUBLISHED:
        Product.objects.filter(pk=product.pk).update(status=Product.Status.PUBLISHED)
        product.status = Product.Status.PUBLISHED
    return version


def withdraw(product: Product) -> None:
    Product.objects.filter(pk=product.pk).update(status=Product.Status.WITHDRAWN)
    product.status = Product.Status.WITHDRAWN
