"""Template tags of the public browse pages: the lookup box's example codes."""

from django import template

from catalogue.public.home_box import lookup_examples as _lookup_examples

register = template.Library()


@register.simple_tag
def lookup_examples() -> dict:
    """``{% lookup_examples as examples %}``: a real published GTIN and passport code, or {}."""
    return _lookup_examples()
