"""Keeps stored scores current: a change to a product or its data rescores it once, after the commit.

The same batch then refreshes whether each product differs from its published passport
(``catalogue.passports.drafts``), which reads the fresh score.
"""

from django.db import DEFAULT_DB_ALIAS, connections, transaction
from django.db.models.signals import post_delete, post_save

from catalogue.passports.drafts import refresh_unpublished_changes
from catalogue.scores import services
from lifecycle.models import Durability, DurabilityTest, EndOfLife, Repairability, RepairService, SparePart
from products.models import (
    Category,
    Component,
    EvidenceDocument,
    MakerOrganisation,
    Material,
    Product,
    SupplyChainStep,
)

# Models whose rows belong to one product (through ``product_id``) and feed its score.
PRODUCT_DATA_MODELS = (
    Material,
    Component,
    SupplyChainStep,
    EvidenceDocument,
    Durability,
    DurabilityTest,
    Repairability,
    SparePart,
    RepairService,
    EndOfLife,
)


class PendingRescore:
    """What one transaction changed; rescores it in one batch when the transaction commits.

    Registered with ``transaction.on_commit`` once per transaction. If the transaction rolls back, Django drops
    this callback together with everything it collected.
    """

    def __init__(self):
        self.product_ids: set[int] = set()
        self.category_ids: set[int] = set()
        self.done = False  # a batch that ran takes no more ids (tests run callbacks without committing)

    def __call__(self) -> None:
        self.done = True
        product_ids = set(self.product_ids)
        if self.category_ids:
            subtree = _category_subtree(self.category_ids)
            product_ids.update(Product.objects.filter(category_id__in=subtree).values_list("pk", flat=True))
        if product_ids:
            services.rescore_products(sorted(product_ids))
            refresh_unpublished_changes(product_ids)


def _category_subtree(category_ids: set[int]) -> set[int]:
    """The categories and all their descendants (they inherit reference values)."""
    children: dict[int | None, list[int]] = {}
    for pk, parent_id in Category.objects.values_list("pk", "parent_id"):
        children.setdefault(parent_id, []).append(pk)
    subtree, queue = set(), list(category_ids)
    while queue:
        pk = queue.pop()
        if pk not in subtree:
            subtree.add(pk)
            queue.extend(children.get(pk, ()))
    return subtree


def _schedule(product_id: int | None = None, category_id: int | None = None, using: str = DEFAULT_DB_ALIAS) -> None:
    """Remember what to rescore in this transaction's pending batch, registering the batch on first use.

    Inside an atomic block every change joins the same batch, so saving a product with 20 rows scores it once.
    Outside one (autocommit), Django runs the callback at once.
    """
    connection = connections[using]
    pending = None
    if connection.in_atomic_block:
        pending = next(
            (
                entry[1]
                for entry in connection.run_on_commit
                if isinstance(entry[1], PendingRescore) and not entry[1].done
            ),
            None,
        )
    register = pending is None
    if register:
        pending = PendingRescore()
    if product_id is not None:
        pending.product_ids.add(product_id)
    if category_id is not None:
        pending.category_ids.add(category_id)
    if register:
        transaction.on_commit(pending, using=using)


# Product fields that no criterion reads: a save of only these (publishing, withdrawing) keeps the score.
UNSCORED_PRODUCT_FIELDS = frozenset({"status", "updated_at"})


def _product_changed(sender, instance, using, update_fields=None, **kwargs) -> None:
    if kwargs.get("raw"):  # loading fixtures
        return
    if update_fields is not None and set(update_fields) <= UNSCORED_PRODUCT_FIELDS:
        return
    _schedule(product_id=instance.pk, using=using)


def _product_data_changed(sender, instance, using, **kwargs) -> None:
    if kwargs.get("raw"):
        return
    _schedule(product_id=instance.product_id, using=using)


def _maker_changed(sender, instance, using, **kwargs) -> None:
    # The maker's name, place and website are in every passport of its products.
    if kwargs.get("raw") or kwargs.get("created"):
        return
    for product_id in Product.objects.filter(maker_id=instance.pk).values_list("pk", flat=True):
        _schedule(product_id=product_id, using=using)


def _category_changed(sender, instance, using, **kwargs) -> None:
    if kwargs.get("raw"):
        return
    _schedule(category_id=instance.pk, using=using)


def connect() -> None:
    """Connects the receivers; called once from CatalogueConfig.ready()."""
    post_save.connect(_product_changed, sender=Product, dispatch_uid="score-product-save")
    for model in PRODUCT_DATA_MODELS:
        post_save.connect(_product_data_changed, sender=model, dispatch_uid=f"score-{model.__name__}-save")
        post_delete.connect(_product_data_changed, sender=model, dispatch_uid=f"score-{model.__name__}-delete")
    post_save.connect(_category_changed, sender=Category, dispatch_uid="score-category-save")
    post_save.connect(_maker_changed, sender=MakerOrganisation, dispatch_uid="score-maker-save")
