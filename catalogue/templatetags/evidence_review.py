"""Review decisions on the maker's pages: which published passports a decision made out of date."""

from django import template

from catalogue.review.selectors import RepublishNotice, republish_notice, republish_notices
from products.models import Product

register = template.Library()


@register.simple_tag(name="republish_notice")
def republish_notice_tag(product: Product) -> RepublishNotice | None:
    """``{% republish_notice product as notice %}``: what the product's passport shows otherwise (two queries)."""
    return republish_notice(product)


@register.simple_tag
def with_republish_notices(products) -> list[Product]:
    """``{% with_republish_notices products as products %}``: each gets ``republish_notice`` (two queries in all)."""
    products = list(products)
    notices = republish_notices(product.pk for product in products)
    for product in products:
        product.republish_notice = notices.get(product.pk)
    return products
