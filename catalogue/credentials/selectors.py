"""Reads for credentials: one published version by passport code and number, with what its status needs."""

from django.db.models import Max

from catalogue.models import PassportVersion
from products.models import Product


def public_version(code: str, number: int | None = None) -> PassportVersion | None:
    """The version ``number`` (the current one when None) of a public passport, with its product and the
    newest number annotated as ``newest``; None when there is no such version."""
    versions = (
        PassportVersion.objects.public()
        .filter(product__passport_code=code)
        .select_related("product")
        .annotate(newest=Max("product__passport_versions__number"))
    )
    if number is None:
        return versions.order_by("-number").first()
    return versions.filter(number=number).first()


def version_status(version: PassportVersion) -> str:
    """``withdrawn`` when the passport was withdrawn, else ``superseded`` or ``current``."""
    if version.product.status == Product.Status.WITHDRAWN:
        return "withdrawn"
    return "superseded" if version.number < version.newest else "current"


def unsigned_versions():
    """Versions published before credentials existed (or redacted since): they are signed on demand."""
    return PassportVersion.objects.filter(credential_jwt="").order_by("pk")
