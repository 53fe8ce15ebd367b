"""``manage.py rescore``: recompute and store the scores of all products (or some), in batches."""

import time

from django.core.management.base import BaseCommand, CommandError

from catalogue.passports.drafts import refresh_unpublished_changes
from catalogue.scores.services import rescore
from catalogue.scoring import METHODOLOGY_VERSION
from products.models import Product


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

    def handle(self, *args, batch_size=500, product_ids=None, no_progress=False, all_flags=False, **options):
        if batch_size < 1:
            raise CommandError(f"--batch-size should be a whole number of at least 1, not {batch_size}.")
        started = time.perf_counter()
        result = rescore(product_ids, batch_size=batch_size, progress=not no_progress)
        # A new methodology changes what publishing would freeze, so the flags of the products whose score
        # changed follow it; a score that stayed the same leaves the draft, and so its flag, as it was.
        if all_flags:
            refreshed = product_ids if product_ids is not None else Product.objects.values_list("pk", flat=True)
        else:
            refreshed = result.changed
        refresh_unpublished_changes(refreshed, batch_size=batch_size)
        seconds = time.perf_counter() - started
        self.stdout.write(
            f"Scored {result.count} products with methodology {METHODOLOGY_VERSION} in {seconds:.1f} s; "
            f"{len(result.changed)} scores changed."
        )
