"""Import products from a CSV or JSON file for one maker: all rows or none."""

import sys
from pathlib import Path

from django.core.management.base import BaseCommand, CommandError
from tqdm import tqdm

from products.importing import ImportFileError, import_products, read_rows
from products.models import MakerOrganisation


class Command(BaseCommand):
    help = (
        "Import products from a CSV or JSON file (format: docs/import.md). Every row is checked first; "
        "if any row has an error, nothing is saved and every problem is listed by row and field."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", help="CSV or JSON file; the extension decides the format.")
        parser.add_argument("--maker", required=True, help="Slug of the maker organisation the products belong to.")
        parser.add_argument("--dry-run", action="store_true", help="Only check the file; save nothing.")

    def handle(self, *args, file, maker, dry_run, verbosity, **options):
        path = Path(file)
        if not path.is_file():
            raise CommandError(f"No file at {path}.")
        try:
            organisation = MakerOrganisation.objects.get(slug=maker)
        except MakerOrganisation.DoesNotExist as error:
            known = ", ".join(MakerOrganisation.objects.values_list("slug", flat=True)[:20]) or "none"
            raise CommandError(f"No maker organisation has the slug {maker!r}. Known slugs: {known}.") from error
        try:
            rows, label = read_rows(path.read_bytes(), path.name)
        except ImportFileError as error:
            raise CommandError(f"{path}: {error}") from error

        def progress(iterable, total, desc):
            # The bar goes to stderr so that the summary on stdout stays clean for scripts.
            return tqdm(iterable, total=total, desc=str(desc), unit="row", file=sys.stderr, disable=verbosity == 0)

        result = import_products(rows, organisation, label=label, dry_run=dry_run, progress=progress)
        if not result.ok:
            for error in result.errors:
                self.stderr.write(f"{path.name}: {error}")
            raise CommandError(f"Nothing was imported: {len(result.errors)} problem(s) in {path.name}.")
        for warning in result.warnings:
            self.stderr.write(self.style.WARNING(f"{path.name}: {warning}"))
        if dry_run:
            self.stdout.write(self.style.SUCCESS(f"{len(result.rows)} product(s) are valid; nothing was saved."))
            return
        self.stdout.write(self.style.SUCCESS(f"Imported {len(result.rows)} product(s) for {organisation.name}."))
        if verbosity >= 2:
            for row in result.rows:
                self.stdout.write(f"row {row.row}: {row.product.passport_code_display} {row.product.name}")
