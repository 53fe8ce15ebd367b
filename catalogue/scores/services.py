"""Writes for scoring: compute a product's score with the methodology and store it."""

from django.db import transaction
from django.utils import timezone

from catalogue.models import ProductScore
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


def rescore_products(product_ids=None, batch_size: int = 500, progress: bool = False) -> int:
    """Recompute and store the scores of the given products (all products when None); returns how many.

    Works batch by batch, each batch its own transaction with a constant number of queries: bulk reads of the
    facts, then one bulk write. The write is an upsert (``bulk_create`` with ``update_conflicts``), which creates
    missing scores and updates existing ones in a single statement; Django's ``bulk_update`` builds a CASE
    expression per row and field, which made rescoring take twice as long (docs/scoring.md, "Commands").
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
    done = 0
    try:
        for start in range(0, len(ids), batch_size):
            batch = ids[start : start + batch_size]
            done += _rescore_batch(batch)
            if bar is not None:
                bar.update(len(batch))
    finally:
        if bar is not None:
            bar.close()
    return done


@transaction.atomic
def _rescore_batch(ids: list[int]) -> int:
    facts = scoring_facts_for(ids)
    computed_at = timezone.now()
    scores = [
        ProductScore(product_id=product_id, **_fields(score_product(product_facts), computed_at))
        for product_id, product_facts in facts.items()
    ]
    ProductScore.objects.bulk_create(
        scores, update_conflicts=True, unique_fields=["product"], update_fields=UPDATED_FIELDS
    )
    return len(scores)
