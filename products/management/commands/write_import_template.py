"""Write docs/import-template.xlsx from the column registry (run after adding or renaming an import column)."""

from pathlib import Path

from django.core.management.base import BaseCommand

from products.xlsx_workbooks import TEMPLATE_PATH, write_template


class Command(BaseCommand):
    help = "Write the XLSX import template (docs/import-template.xlsx) from the column registry."

    def add_arguments(self, parser):
        parser.add_argument("--output", type=Path, default=TEMPLATE_PATH, help="where to write it")

    def handle(self, *args, output: Path, **options):
        path = write_template(output)
        self.stdout.write(f"Wrote {path}")
