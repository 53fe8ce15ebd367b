"""The passport panel of the maker workspace, so the products app needs no import of catalogue."""

from dataclasses import dataclass

from django import template
from django.template.defaultfilters import floatformat
from django.utils.translation import get_language
from django.utils.translation import gettext as _

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
    has_unpublished_changes: bool = False

    @property
    def can_publish(self) -> bool:
        """Publishing would do something: a first version, a changed one, or a withdrawn passport restored."""
        return self.current is None or self.has_unpublished_changes or self.product.status != Product.Status.PUBLISHED

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
    versions = versions_of_product(product)
    return PassportPanel(
        product=product,
        versions=versions,
        missing=missing_for_publication(product),
        # The stored flag (catalogue.passports.drafts), as the list and the API say it; the changes page asks afresh.
        has_unpublished_changes=bool(versions) and product.has_unpublished_changes,
    )


@register.filter
def snapshot_value(value) -> str:
    """A value of a passport snapshot in the current language: labels by language, yes/no, numbers, "–"."""
    if value is None or value == "":
        return _("not disclosed")
    if isinstance(value, dict):
        language = (get_language() or "de")[:2]
        return str(value.get(language) or value.get("de") or next(iter(value.values()), ""))
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, float):
        return floatformat(value, -2)
    return str(value)
