"""``manage.py rescore``: recompute and store the scores of all products (or some), in batches."""

import multiprocessing
import time
from concurrent.futures import ProcessPoolExecutor

from django.core.management.base import BaseCommand, CommandError
from django.db import connections

from catalogue.passports.drafts import refresh_after_rescore, refresh_unpublished_changes
from catalogue.scores.services import rescore
from catalogue.scoring import METHODOLOGY_VERSION
from products.models import Product


def rescore_and_refresh(ids: list[int] | None, batch_size: int, progress: bool, all_flags: bool) -> tuple[int, int]:
    """Score ``ids`` (all products when None) and refresh the flags that follow; returns (scored, changed)."""
    result = rescore(ids, batch_size=batch_size, progress=progress)
    # A new methodology changes what publishing would freeze, so the flags of the products whose score changed
    # follow it; a score that stayed the same leaves the draft, and so its flag, as it was.
    if all_flags:
        everything = ids if ids is not None else Product.objects.values_list("pk", flat=True)
        refresh_unpublished_changes(everything, batch_size=batch_size)
    else:
        refresh_after_rescore(result.changed, batch_size=batch_size)
    return result.count, len(result.changed)


def _in_processes(ids: list[int], jobs: int, batch_size: int, all_flags: bool) -> tuple[int, int]:
    # Contiguous shares, so that each process reads and writes its own part of the tables' indexes.
    share = -(-len(ids) // jobs)
    parts = [ids[start : start + share] for start in range(0, len(ids), share)]
    # The processes are forked from this one: none may inherit its database connections, each opens its own.
    connections.close_all()
    with ProcessPoolExecutor(len(parts), mp_context=multiprocessing.get_context("fork")) as pool:
        done = [
            future.result()
            for future in [pool.submit(rescore_and_refresh, part, batch_size, False, all_flags) for part in parts]
        ]
    return sum(count for count, _changed in done), sum(changed for _count, changed in done)


class Command(BaseCommand):
    help = "Recompute every product's score with the current methodology, in batches, with a progress bar."

    def add_arguments(self, parser):
        parser.add_argument("--batch-size", type=int, default=500, help="Products per batch (default 500).")
        parser.add_argument(
            "--product",
            type=int,
            action="append",
            dest="product_ids",
            metavar="ID",
            help="Only this product id (repeatable).",
        )
        parser.add_argument("--no-progress", action="store_true", help="Do not show the progress bar.")
        parser.add_argument(
            "--all-flags",
            action="store_true",
            help="Compare every product's draft with its passport again, also where the score stayed the same "
            "(after product data was changed outside the application).",
        )
        parser.add_argument(
            "--jobs",
            type=int,
            default=1,
            help="Processes that score shares of the products side by side (default 1; about the number of "
            "cores the database server leaves free). More than one shows no progress bar.",
        )

    def handle(self, *args, batch_size=500, product_ids=None, no_progress=False, all_flags=False, jobs=1, **options):
        if batch_size < 1:
            raise CommandError(f"--batch-size should be a whole number of at least 1, not {batch_size}.")
        if jobs < 1:
            raise CommandError(f"--jobs should be a whole number of at least 1, not {jobs}.")
        started = time.perf_counter()
        if jobs == 1:
            count, changed = rescore_and_refresh(product_ids, batch_size, not no_progress, all_flags)
        else:
            ids = (
                sorted(set(product_ids))
                if product_ids is not None
                else list(Product.objects.order_by("pk").values_list("pk", flat=True))
            )
            count, changed = _in_processes(ids, jobs, batch_size, all_flags) if ids else (0, 0)
        seconds = time.perf_counter() - started
        self.stdout.write(
            f"Scored {count} products with methodology {METHODOLOGY_VERSION} in {seconds:.1f} s; "
            f"{changed} scores changed."
        )
