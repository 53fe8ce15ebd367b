"""Writes for scoring: compute a product's score with the methodology and store it."""

from typing import NamedTuple

from django.db import connection, transaction
from django.utils import timezone

from catalogue.models import ProductScore
from catalogue.scores import bulk_store
from catalogue.scores.selectors import scoring_facts_for
from catalogue.scoring import ScoreResult, score_product
from products.models import Product


def _details(result: ScoreResult, computed_at) -> dict:
    details = result.as_dict()
    details["computed_at"] = computed_at.isoformat()
    return details


def _fields(result: ScoreResult, computed_at) -> dict:
    """ProductScore's fields for a result."""
    return {
        "overall": result.overall,
        "grade": result.grade,
        "durability": result.subscores["durability"],
        "repairability": result.subscores["repairability"],
        "supply_chain": result.subscores["supply_chain"],
        "circularity": result.subscores["circularity"],
        "methodology_version": result.methodology_version,
        "computed_at": computed_at,
        "details": _details(result, computed_at),
    }


UPDATED_FIELDS = list(ProductScore.STORED_FIELDS)


def score_details(product: Product) -> dict:
    """Today's score of a product as the snapshot's ``score`` object, computed without storing it."""
    facts = scoring_facts_for([product.pk])[product.pk]
    return _details(score_product(facts), timezone.now())


@transaction.atomic
def refresh_score(product: Product) -> ProductScore:
    """Recompute and store the score of one product; returns the stored score."""
    facts = scoring_facts_for([product.pk])[product.pk]
    score, _created = ProductScore.objects.update_or_create(
        product_id=product.pk, defaults=_fields(score_product(facts), timezone.now())
    )
    return score


class Rescored(NamedTuple):
    """What a rescore did: how many products it scored, and which of them now score differently."""

    count: int
    # Products whose stored score changed in more than the time it was computed at (or that had none).
    changed: list[int]


def rescore_products(product_ids=None, batch_size: int = 500, progress: bool = False) -> int:
    """Recompute and store the scores of the given products (all products when None); returns how many."""
    return rescore(product_ids, batch_size=batch_size, progress=progress).count


def rescore(product_ids=None, batch_size: int = 500, progress: bool = False) -> Rescored:
    """Recompute and store the scores of the given products (all products when None), saying which changed.

    Works batch by batch, each batch its own transaction with a constant number of queries: bulk reads of the
    facts, then one bulk write (on PostgreSQL through COPY: ``bulk_store``).
    """
    if batch_size < 1:
        raise ValueError("batch_size should be at least 1.")
    if product_ids is None:
        ids = list(Product.objects.order_by("pk").values_list("pk", flat=True))
    else:
        # Ids of products that no longer exist are dropped batch by batch by the selector.
        ids = sorted(set(product_ids))
    bar = None
    if progress:
        from tqdm import tqdm  # only the management command shows a progress bar

        bar = tqdm(total=len(ids), unit="products", desc="Scoring")
    done, changed = 0, []
    try:
        for start in range(0, len(ids), batch_size):
            batch = ids[start : start + batch_size]
            count, batch_changed = _rescore_batch(batch)
            done += count
            changed.extend(batch_changed)
            if bar is not None:
                bar.update(len(batch))
    finally:
        if bar is not None:
            bar.close()
    return Rescored(done, changed)


@transaction.atomic
def _rescore_batch(ids: list[int]) -> tuple[int, list[int]]:
    facts = scoring_facts_for(ids)
    computed_at = timezone.now()
    rows = [
        (product_id, _fields(score_product(product_facts), computed_at)) for product_id, product_facts in facts.items()
    ]
    if connection.vendor == "postgresql":
        return len(rows), bulk_store.store(rows, UPDATED_FIELDS)
    stored = dict(
        ProductScore.objects.filter(product_id__in=[pk for pk, _ in rows]).values_list("product_id", "details")
    )
    changed = [
        pk for pk, fields in rows if pk not in stored or without_time(stored[pk]) != without_time(fields["details"])
    ]
    # An upsert creates missing scores and updates existing ones in one statement; Django's bulk_update builds a
    # CASE expression per row and field, which made rescoring take twice as long (docs/scoring.md, "Commands").
    ProductScore.objects.bulk_create(
        [ProductScore(product_id=pk, **fields) for pk, fields in rows],
        update_conflicts=True,
        unique_fields=["product"],
        update_fields=UPDATED_FIELDS,
    )
    return len(rows), changed


def without_time(details: dict) -> dict:
    """A score's details without the time they were computed at: what two computations of a score compare by."""
    return {key: value for key, value in details.items() if key != "computed_at"}
