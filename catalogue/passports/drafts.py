"""Draft against published: whether a product's data says something its last passport version does not.

The question is the one :func:`catalogue.passports.services.publish` asks before it makes a version
(``same_content``): the snapshot the product would publish now, compared with the newest version. The
answer is stored on the product (``Product.has_unpublished_changes``), so that lists, filters and the API
read a column; it is refreshed after every change to a product's data (``catalogue.scores.signals``, once
per transaction, after the rescore) and set to False by publishing.
"""

import json
from collections.abc import Iterable

from django.db import connection
from django.db.models import Max
from django.utils import timezone

from catalogue.models import PassportVersion, ProductScore
from catalogue.passports.selectors import JsonParts, products_for_snapshot
from catalogue.passports.services import same_content
from catalogue.passports.snapshot import build_snapshot
from catalogue.scores.services import score_details, without_time
from products.models import Product


def _newest_numbers(product_ids: Iterable[int]) -> dict[int, int]:
    newest = (
        PassportVersion.objects.filter(product_id__in=list(product_ids))
        .values("product_id")
        .annotate(number=Max("number"))
        .values_list("product_id", "number")
    )
    return dict(newest)


def latest_versions(product_ids: Iterable[int]) -> dict[int, PassportVersion]:
    """The newest passport version of each product that has one (two queries)."""
    wanted = _newest_numbers(product_ids)
    if not wanted:
        return {}
    versions = PassportVersion.objects.filter(product_id__in=wanted).filter(number__in=set(wanted.values()))
    return {version.product_id: version for version in versions if wanted[version.product_id] == version.number}


def draft_snapshot(product: Product, *, score: dict | None = None, version: PassportVersion | None = None) -> dict:
    """The snapshot ``product`` (loaded through ``products_for_snapshot``) would publish now.

    ``score`` is the snapshot's score object; by default today's score, as publishing computes it. The
    version number and time are those the next version would get, so the snapshot reads like one.
    """
    number = (version.number if version is not None else 0) + 1
    details = score if score is not None else score_details(product)
    return build_snapshot(product, score=details, version=number, published_at=timezone.now())


def has_unpublished_changes(product: Product) -> bool:
    """Whether publishing ``product`` now would make a new version; False when it was never published."""
    version = latest_versions([product.pk]).get(product.pk)
    if version is None:
        return False
    loaded = products_for_snapshot().get(pk=product.pk)
    return not same_content(draft_snapshot(loaded, version=version), version)


def refresh_unpublished_changes(product_ids: Iterable[int], batch_size: int = 500) -> None:
    """Store for each product whether it differs from its last published version, in queries per batch.

    Called after rescoring, so the stored score is today's and no score is computed again. Written with
    ``update()``: the flag is bookkeeping, neither a change of the product (``updated_at``, history) nor a
    reason to rescore it.
    """
    ids = sorted(set(product_ids))
    for start in range(0, len(ids), batch_size):
        _refresh_batch(ids[start : start + batch_size])


def _refresh_batch(ids: list[int]) -> None:
    versions = latest_versions(ids)
    changed, unchanged = [], [pk for pk in ids if pk not in versions]
    if versions:
        for product in products_for_snapshot().filter(pk__in=versions):
            version = versions[product.pk]
            stored = getattr(product, "score", None)
            snapshot = draft_snapshot(product, score=stored.details if stored is not None else None, version=version)
            (unchanged if same_content(snapshot, version) else changed).append(product.pk)
    if changed:
        Product.objects.filter(pk__in=changed, has_unpublished_changes=False).update(has_unpublished_changes=True)
    if unchanged:
        Product.objects.filter(pk__in=unchanged, has_unpublished_changes=True).update(has_unpublished_changes=False)


def refresh_after_rescore(product_ids: Iterable[int], batch_size: int = 500) -> None:
    """``refresh_unpublished_changes`` for products whose score, and nothing else, has just changed.

    The draft carries the stored score, so a stored score that differs from the newest version's (both without
    the time they were computed at) makes the draft differ, whatever else it holds: the product is flagged
    without building its draft. A product whose flag is False said, when the flag was last refreshed, what its
    newest version says, and only its score has changed since: a score equal to the version's leaves it
    False. That compares two JSON parts instead of building a draft snapshot, which was two thirds of a rescore
    after a methodology change (docs/performance.md, "Scale"). Only a flagged product whose score is the
    version's again (the flag may clear), and versions whose snapshot staff redacted, are compared in full.
    """
    ids = sorted(set(product_ids))
    for start in range(0, len(ids), batch_size):
        batch = ids[start : start + batch_size]
        flags = dict(Product.objects.filter(pk__in=batch).values_list("pk", "has_unpublished_changes"))
        wanted = _newest_numbers(flags)
        differs = _scores_differ(wanted) if wanted else {}
        changed = [pk for pk, different in differs.items() if different and not flags[pk]]
        if changed:
            Product.objects.filter(pk__in=changed).update(has_unpublished_changes=True)
        settled = {pk for pk, different in differs.items() if different or not flags[pk]}
        # Never published: nothing to differ from, and the flag stays False.
        settled |= {pk for pk, flag in flags.items() if not flag and pk not in wanted}
        _refresh_batch([pk for pk in batch if pk not in settled])


def _scores_differ(wanted: dict[int, int]) -> dict[int, bool]:
    """For each product with a stored score whose newest version (number ``wanted[pk]``) was not redacted:
    whether the stored score differs from the version's, the times they were computed at left out."""
    if connection.vendor == "postgresql":
        # Compared in the database: the two JSON documents (about 10 kB each) never travel, nor are decoded.
        score = "v.snapshot -> 'score'"
        with connection.cursor() as cursor:
            cursor.execute(
                f"SELECT v.product_id, v.number, "
                f"(CASE WHEN jsonb_typeof({score}) = 'object' THEN ({score}) - 'computed_at' ELSE {score} END) "
                "IS DISTINCT FROM (s.details - 'computed_at') "
                f'FROM "{PassportVersion._meta.db_table}" v JOIN "{ProductScore._meta.db_table}" s '
                "ON s.product_id = v.product_id "
                "WHERE v.product_id = ANY(%s) AND v.number = ANY(%s) AND v.redaction_count = 0",
                [list(wanted), sorted(set(wanted.values()))],
            )
            return {pk: different for pk, number, different in cursor.fetchall() if wanted[pk] == number}
    # Two parts, so that SQLite's json_extract answers an array as PostgreSQL's does.
    parts = JsonParts("snapshot", ("score",), ("version",))
    versions = PassportVersion.objects.filter(
        product_id__in=wanted, number__in=set(wanted.values()), redaction_count=0
    ).values_list("product_id", "number", parts)
    published = {pk: json.loads(found)[0] for pk, number, found in versions if wanted[pk] == number}
    stored = dict(ProductScore.objects.filter(product_id__in=published).values_list("product_id", "details"))
    return {
        pk: without_time(score or {}) != without_time(stored[pk]) for pk, score in published.items() if pk in stored
    }
