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
    """Published products matching ``text`` (``order_by_relevance`` ranks them): on PostgreSQL its stemmed words or
    every word, elsewhere every word.

    Both match GTINs and passport codes exactly, and name fragments (German compounds such as
    "Kochmesser" are found by "messer").
    """
    text = (text or "").strip()
    if not text:
        return queryset
    if not uses_full_text(queryset):
        return match_words(queryset, text)
    return _postgres_search(queryset, text)


def _terms(text: str) -> list[str]:
    return [term for term in (_TERM.sub("", word) for word in text.split()) if term]


def _document_query(terms: list[str]) -> SearchQuery:
    return SearchQuery(" ".join(terms), search_type="plain", config="german")


def _postgres_search(queryset: QuerySet[Product], text: str) -> QuerySet[Product]:
    terms = _terms(text)
    # Word-by-word matching keeps identifiers and the inside of compound words findable (a trigram index
    # serves it); both conditions read the facets row, so PostgreSQL combines their indexes.
    word_matches = _word_condition(text)
    if not terms:
        return queryset.filter(word_matches)
    # Whole words, stemmed ("Messern" finds "Messer"), from the stored document and its GIN index; fragments
    # and half-typed words come from the word matching, because a stemmed prefix ("mess:*") would also find
    # "Messing".
    return queryset.filter(Q(published_facets__search_document=_document_query(terms)) | word_matches)


def ranks_by_relevance(matches: QuerySet[Product], text: str) -> bool:
    """Whether ``order_by_relevance`` ranks ``matches`` for ``text``: there is full text and a word to rank by."""
    return bool(_terms((text or "").strip())) and uses_full_text(matches)


def order_by_relevance(
    matches: QuerySet[Product], text: str, *, limit: int | None = None, base: QuerySet[Product] | None = None
) -> QuerySet[Product]:
    """``matches`` (the search for ``text`` already applied) most relevant first, then by name; by name alone where
    there is no full text (SQLite) or no word to rank by.

    ``limit``: rank only the ``limit`` best-scored matches, read from ``base`` (the unfiltered queryset, for its
    prefetches). Ranking reads every match's stored document, which for a word that half of a million passports
    hold took seconds (docs/performance.md, "Scale"); the best scores are found in their index and are what a
    visitor looks for first.
    """
    by_name = ("published_facets__name", "pk")
    if not ranks_by_relevance(matches, text):
        return matches.order_by(*by_name)
    if limit is not None:
        best = matches.order_by("-published_facets__overall", "-pk").values("pk")[:limit]
        matches = (base if base is not None else matches.model.objects.all()).filter(pk__in=best)
    rank = SearchRank(F("published_facets__search_document"), _document_query(_terms(text.strip())))
    return matches.annotate(search_rank=rank).order_by("-search_rank", *by_name)
