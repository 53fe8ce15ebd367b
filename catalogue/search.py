"""Full-text product search: PostgreSQL full-text search when available, word-by-word matching elsewhere."""

import re

from django.db import connections
from django.db.models import Q, QuerySet

from catalogue.filters import search as search_words
from products.models import Product

# Characters that are safe inside a PostgreSQL tsquery term.
_TERM = re.compile(r"[^\w]+", re.UNICODE)


def uses_full_text(queryset: QuerySet) -> bool:
    return connections[queryset.db].vendor == "postgresql"


def search_products(queryset: QuerySet[Product], text: str) -> QuerySet[Product]:
    """Products matching ``text``; on PostgreSQL ranked (``search_rank``), elsewhere every word must match.

    Both match GTINs and passport codes exactly, and name fragments (German compounds such as
    "Kochmesser" are found by "messer").
    """
    text = (text or "").strip()
    if not text:
        return queryset
    if not uses_full_text(queryset):
        return search_words(queryset, text)
    return _postgres_search(queryset, text)


def _postgres_search(queryset: QuerySet[Product], text: str) -> QuerySet[Product]:
    from django.contrib.postgres.search import SearchQuery, SearchRank, SearchVector

    terms = [term for term in (_TERM.sub("", word) for word in text.split()) if term]
    # Word-by-word matching keeps identifiers and the inside of compound words findable.
    word_matches = Q(pk__in=search_words(Product.objects.all(), text).values("pk"))
    if not terms:
        return queryset.filter(word_matches)
    vector = (
        SearchVector("name", weight="A", config="german")
        + SearchVector("model_number", weight="A", config="simple")
        + SearchVector("maker__name", weight="B", config="simple")
        + SearchVector("category__name_de", weight="B", config="german")
        + SearchVector("category__name_en", weight="B", config="english")
        + SearchVector("description", weight="C", config="german")
    )
    # Prefix matching, so that a half-typed word already finds something.
    query = SearchQuery(" & ".join(f"{term}:*" for term in terms), search_type="raw", config="german")
    return queryset.annotate(search_document=vector, search_rank=SearchRank(vector, query)).filter(
        Q(search_document=query) | word_matches
    )
