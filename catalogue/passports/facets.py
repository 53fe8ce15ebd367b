"""Derives the searchable, filterable facets of a published passport from its snapshot."""

from decimal import Decimal

from django.contrib.postgres.search import SearchVector
from django.db import connections
from django.db.models import QuerySet

from products.regions import Region

_RANK = {region.value: region.rank for region in Region}


def designation_flag(solingen: dict | None) -> bool | None:
    """The "Solingen" verdict of a snapshot's score as True/False, or None when it does not apply or is missing.

    Snapshots scored before methodology 1.1 have no ``applicable``: the designation applied to every product then.
    """
    if not solingen or "qualifies" not in solingen or solingen.get("applicable", True) is False:
        return None
    return bool(solingen["qualifies"])


def facets_from_snapshot(snapshot: dict) -> dict:
    """Field values for ``PublishedFacets`` (without the relations), from a snapshot dict."""
    product = snapshot["product"]
    score = snapshot["score"]
    materials = [material["name"] for material in snapshot["materials"]]
    steps = snapshot["supply_chain"]
    ranks = [_RANK.get(step["region"]) for step in steps]
    farthest = max(ranks) if steps and None not in ranks else None
    search_text = "\n".join(
        part
        for part in (
            product["name"],
            product["model_number"],
            snapshot["maker"]["name"],
            product["category"]["name"]["de"],
            product["category"]["name"]["en"],
            *materials,
            product["description"],
        )
        if part
    )
    price = product["price_eur"]
    return {
        "name": product["name"],
        "grade": score["grade"],
        "overall": score["overall"],
        "price_eur": Decimal(str(price)) if price is not None else None,
        "materials": "\n".join(materials),
        "search_text": search_text,
        "farthest_region_rank": farthest,
        "solingen": designation_flag(score.get("solingen")),
    }


def search_document() -> SearchVector:
    """The stored full-text document of a facets row: its name (weight A) and search text (weight B), German stems."""
    return SearchVector("name", weight="A", config="german") + SearchVector("search_text", weight="B", config="german")


def refresh_search_documents(facets: QuerySet) -> None:
    """Store the full-text document of ``facets`` rows; only PostgreSQL has one (elsewhere search matches words)."""
    if connections[facets.db].vendor == "postgresql":
        facets.update(search_document=search_document())
