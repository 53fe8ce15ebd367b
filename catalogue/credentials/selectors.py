"""Reads for credentials: one published version by passport code and number, with what its status needs."""

from django.db.models import Max

from catalogue.credentials.status_list import LIST_SIZE
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


def status_list_exists(number: int) -> bool:
    """Whether status list ``number`` covers any product (a list per LIST_SIZE primary keys)."""
    return Product.objects.filter(pk__gte=number * LIST_SIZE, pk__lt=(number + 1) * LIST_SIZE).exists()


def withdrawn_positions(number: int) -> list[int]:
    """The bits of status list ``number`` to set: the withdrawn products among its primary keys."""
    start = number * LIST_SIZE
    withdrawn = Product.objects.filter(status=Product.Status.WITHDRAWN, pk__gte=start, pk__lt=start + LIST_SIZE)
    return [pk - start for pk in withdrawn.values_list("pk", flat=True)]
