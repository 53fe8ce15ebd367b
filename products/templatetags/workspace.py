"""Template filters for showing maker data honestly: unknown values read "not disclosed"."""

from decimal import Decimal

from django import template
from django.template.defaultfilters import floatformat
from django.utils.html import format_html
from django.utils.translation import gettext as _

register = template.Library()


@register.filter
def disclosed(value, unit: str = ""):
    """A value for display; None and empty text become "not disclosed", booleans yes/no."""
    if value is None or value == "":
        return format_html('<span class="not-disclosed">{}</span>', _("not disclosed"))
    if isinstance(value, bool):
        return _("yes") if value else _("no")
    if isinstance(value, Decimal | float):
        value = floatformat(value, "-2")
    if unit:
        return format_html("{}\u00a0{}", value, unit)
    return value


@register.filter
def field_is_wide(bound_field) -> bool:
    """Text areas span the whole row of the form grid."""
    return bound_field.widget_type == "textarea"
