"""The passport panel of the maker workspace, so the products app needs no import of catalogue."""

from dataclasses import dataclass

from django import template

from catalogue.models import PassportVersion
from catalogue.passports.selectors import versions_of_product
from catalogue.passports.services import missing_for_publication
from products.models import Product

register = template.Library()


@dataclass
class PassportPanel:
    """What the maker sees about a product's passport: status, versions and what blocks publishing."""

    product: Product
    versions: list[PassportVersion]
    missing: list[str]

    @property
    def current(self) -> PassportVersion | None:
        return self.versions[0] if self.versions else None

    @property
    def is_public(self) -> bool:
        return self.current is not None and self.product.status != Product.Status.DRAFT

    @property
    def can_withdraw(self) -> bool:
        return self.product.status == Product.Status.PUBLISHED and self.current is not None


@register.simple_tag
def passport_panel(product: Product) -> PassportPanel:
    """``{% passport_panel product as passport %}``: the product's passport state, in a fixed number of queries."""
    return PassportPanel(
        product=product, versions=versions_of_product(product), missing=missing_for_publication(product)
    )
