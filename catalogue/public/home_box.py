"""The home page's lookup box: product names fall through to search, and the hint's example codes are real."""

import re

from django.core.cache import cache
from django.urls import reverse
from django.utils.http import urlencode

from catalogue.models import PassportVersion
from catalogue.public.lookup import InvalidCode
from products.identifiers import format_passport_code
from products.models import Product

EXAMPLES_CACHE_KEY = "lookup-box-examples"
EXAMPLES_CACHE_SECONDS = 10 * 60
# A passport code's own mistakes (length, characters): the ones a product name also makes.
_NOT_A_CODE = {"passport_code_length", "passport_code_characters"}
_SEPARATORS = re.compile(r"[\s\-‐‑]")


def search_url_for(raw: str, error: InvalidCode) -> str | None:
    """Where text that is no code goes: the catalogue search, or None when it looks like a mistyped code.

    Text without a digit ("Santoku"), or far longer or shorter than a code ("Kochmesser 20 cm"), is a search;
    "K7QX-2M9" (a code missing a character) keeps its explanation.
    """
    text = (raw or "").strip()
    if error.code not in _NOT_A_CODE or not text:
        return None
    compact = _SEPARATORS.sub("", text)
    if any(char.isdigit() for char in text) and 6 <= len(compact) <= 10:
        return None
    return f"{reverse('catalogue:browse')}?{urlencode({'q': text})}"


def _pick_examples() -> dict:
    # The oldest published passports first: the likeliest to stay; a few rows, not the catalogue.
    rows = (
        PassportVersion.objects.current()
        .filter(product__status=Product.Status.PUBLISHED)
        .order_by("product_id")
        .values_list("product__passport_code", "snapshot__product__gtin")[:20]
    )
    rows = list(rows)
    if not rows:
        return {}
    gtin = next((gtin for _code, gtin in rows if gtin), None)
    examples = {"passport_code": format_passport_code(rows[0][0]).replace("-", "\u2011")}  # no line break inside
    if gtin:
        # Stored as GTIN-14; an EAN-13 printed on the pack has no leading zero.
        examples["gtin"] = gtin[1:] if len(gtin) == 14 and gtin.startswith("0") else gtin
    return examples


def lookup_examples() -> dict:
    """A real published passport code and GTIN for the hint ({} when the catalogue is empty), cached briefly."""
    examples = cache.get(EXAMPLES_CACHE_KEY)
    if examples is None:
        examples = _pick_examples()
        cache.set(EXAMPLES_CACHE_KEY, examples, EXAMPLES_CACHE_SECONDS)
    return examples
