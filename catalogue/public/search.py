"""Full-text search over published passports: PostgreSQL full-text search when available, word matching elsewhere."""

import contextlib
import re

from django.core.exceptions import ValidationError
from django.db import connections
from django.db.models import Q, QuerySet

from products.identifiers import looks_like_gtin, normalise_passport_code
from products.models import Product

# Characters that are safe inside a PostgreSQL tsquery term.
_TERM = re.compile(r"[^\w]+", re.UNICODE)


def uses_full_text(queryset: QuerySet) -> bool:
    return connections[queryset.db].vendor == "postgresql"


def _identifier_match(term: str) -> Q | None:
    """An exact GTIN or passport-code match for a typed term, when it can be one."""
    condition = None
    if looks_like_gtin(term):
        condition = Q(gtin__endswith="".join(char for char in term if char.isdigit()))
    with contextlib.suppress(ValidationError):  # not a passport code
        code = Q(passport_code=normalise_passport_code(term))
        condition = code if condition is None else condition | code
    return condition


def match_words(queryset: QuerySet[Product], text: str) -> QuerySet[Product]:
    """Every word must appear in the published search text, or be the product's GTIN or passport code."""
    for term in text.split():
        condition = Q(published_facets__search_text__icontains=term)
        identifier = _identifier_match(term)
        queryset = queryset.filter(condition | identifier if identifier is not None else condition)
    return queryset


def search_products(queryset: QuerySet[Product], text: str) -> QuerySet[Product]:
    """Published products matching ``text``; on PostgreSQL ranked (``search_rank``), elsewhere every word must match.

    Both match GTINs and passport codes exactly, and name fragments (German compounds such as
    "Kochmesser" are found by "messer").
    """
    text = (text or "").strip()
    if not text:
        return queryset
    if not uses_full_text(queryset):
        return match_words(queryset, text)
    return _postgres_search(queryset, text)


def _postgres_search(queryset: QuerySet[Product], text: str) -> QuerySet[Product]:
    from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector

    terms = [term for term in (_TERM.sub("", word) for word in text.split()) if term]
    # Word-by-word matching keeps identifiers and the inside of compound words findable.
    word_matches = Q(pk__in=match_words(Product.objects.all(), text).values("pk"))
    if not terms:
        return queryset.filter(word_matches)
    vector = SearchVector("published_facets__name", weight="A", config="german") + SearchVector(
        "published_facets__search_text", weight="B", config="german"
    )
    # Whole words, stemmed ("Messern" finds "Messer"); fragments and half-typed words come from the
    # word matching above, because a stemmed prefix ("mess:*") would also find "Messing".
    query = SearchQuery(" ".join(terms), search_type="plain", config="german")
    return queryset.annotate(search_document=vector, search_rank=SearchRank(vector, query)).filter(
        Q(search_document=query) | word_matches
    )
