"""Full-text search over published passports: a stored PostgreSQL full-text document, word matching elsewhere."""

import contextlib
import re

from django.contrib.postgres.search import SearchQuery, SearchRank
from django.core.exceptions import ValidationError
from django.db import connections
from django.db.models import F, Q, QuerySet

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


def _word_condition(text: str) -> Q:
    """Every word must appear in the published search text, or be the product's GTIN or passport code."""
    condition = Q()
    for term in text.split():
        word = Q(published_facets__search_text__icontains=term)
        identifier = _identifier_match(term)
        condition &= word | identifier if identifier is not None else word
    return condition


def match_words(queryset: QuerySet[Product], text: str) -> QuerySet[Product]:
    """Products whose published search text holds every word of ``text`` (or whose GTIN or code it is)."""
    return queryset.filter(_word_condition(text))


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
    terms = [term for term in (_TERM.sub("", word) for word in text.split()) if term]
    # Word-by-word matching keeps identifiers and the inside of compound words findable (a trigram index
    # serves it); both conditions read the facets row, so PostgreSQL combines their indexes.
    word_matches = _word_condition(text)
    if not terms:
        return queryset.filter(word_matches)
    # Whole words, stemmed ("Messern" finds "Messer"), from the stored document and its GIN index; fragments
    # and half-typed words come from the word matching, because a stemmed prefix ("mess:*") would also find
    # "Messing".
    query = SearchQuery(" ".join(terms), search_type="plain", config="german")
    return queryset.annotate(search_rank=SearchRank(F("published_facets__search_document"), query)).filter(
        Q(published_facets__search_document=query) | word_matches
    )
