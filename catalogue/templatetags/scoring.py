"""Template helpers for scores: pick the active language from bilingual texts, arrange a stored score."""

from django import template
from django.utils.formats import number_format
from django.utils.translation import get_language

from catalogue.scores.selectors import designation_change, score_overview

register = template.Library()


def active_language() -> str:
    return "en" if (get_language() or "de").startswith("en") else "de"


@register.filter
def in_language(texts):
    """The text of a {"de": …, "en": …} pair in the active language (German when that is missing)."""
    if not isinstance(texts, dict):
        return texts if texts is not None else ""
    return texts.get(active_language()) or texts.get("de") or texts.get("en") or ""


@register.filter
def score_number(value):
    """Points for display: at most two decimals, no trailing zeros, in the active locale's format."""
    if value is None:
        return ""
    value = round(float(value), 2)
    return number_format(int(value) if value == int(value) else value)


@register.simple_tag
def score_overview_of(score):
    """Sub-scores with their criteria, ranked improvement hints and the Solingen verdict of a stored score."""
    return score_overview(score.details or {})


@register.simple_tag
def designation_change_of(product):
    """``{% designation_change_of product as change %}``: how republishing would change the Solingen verdict."""
    return designation_change(product)
