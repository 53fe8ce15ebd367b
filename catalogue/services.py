"""Writes for scoring: compute a product's score with the methodology and store it."""

from django.db import transaction
from django.utils import timezone

from catalogue.models import ProductScore
from catalogue.scoring import ScoreResult, score_product
from catalogue.selectors import scoring_facts_for
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


UPDATED_FIELDS = [
    "overall",
    "grade",
    "durability",
    "repairability",
    "supply_chain",
    "circularity",
    "methodology_version",
    "computed_at",
    "details",
]


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

    Works batch by batch: bulk reads (a constant number of queries per batch), then one ``bulk_update`` and one
    ``bulk_create``. Each batch is its own transaction, so a long run never holds one huge transaction open.
    """
    if batch_size < 1:
        raise ValueError("batch_size should be at least 1.")
    queryset = Product.objects.order_by("pk")
    if product_ids is not None:
        queryset = queryset.filter(pk__in=list(product_ids))
    ids = list(queryset.values_list("pk", flat=True))
    bar = None
    if progress:
        from tqdm import tqdm  # only the management command shows a progress bar

        bar = tqdm(total=len(ids), unit="products", desc="Scoring")
    done = 0
    try:
        for start in range(0, len(ids), batch_size):
            done += _rescore_batch(ids[start : start + batch_size])
            if bar is not None:
                bar.update(min(batch_size, len(ids) - start))
    finally:
        if bar is not None:
            bar.close()
    return done


@transaction.atomic
def _rescore_batch(ids: list[int]) -> int:
    facts = scoring_facts_for(ids)
    computed_at = timezone.now()
    # Only the keys: every other field is overwritten, and reading the old details would be wasted work.
    existing = {
        score.product_id: score
        for score in ProductScore.objects.filter(product_id__in=list(facts)).only("pk", "product")
    }
    updated, created = [], []
    for product_id, product_facts in facts.items():
        fields = _fields(score_product(product_facts), computed_at)
        score = existing.get(product_id)
        if score is None:
            created.append(ProductScore(product_id=product_id, **fields))
        else:
            for name, value in fields.items():
                setattr(score, name, value)
            updated.append(score)
    if updated:
        ProductScore.objects.bulk_update(updated, UPDATED_FIELDS)
    if created:
        # An upsert, so a score another process created meanwhile is updated instead of failing the batch.
        ProductScore.objects.bulk_create(
            created, update_conflicts=True, unique_fields=["product"], update_fields=UPDATED_FIELDS
        )
    return len(updated) + len(created)
