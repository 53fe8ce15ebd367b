"""manage.py load_postcodes FILE: the centres of German postcode areas for the repair finder (GeoNames DE.txt)."""

from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from catalogue.repair.postcodes import load_postcodes


class Command(BaseCommand):
    help = (
        "Load or update postcode centres from GeoNames' tab-separated postal-code table "
        "(https://download.geonames.org/export/zip/DE.zip, CC BY 4.0); all or nothing."
    )

    def add_arguments(self, parser):
        parser.add_argument("file", type=Path, help="DE.txt from GeoNames' DE.zip")

    def handle(self, *args, **options):
        try:
            text = options["file"].read_text(encoding="utf-8")
            count = load_postcodes(text)
        except OSError as error:
            raise CommandError(f"Cannot read {options['file']}: {error.strerror}.") from error
        except ValidationError as error:
            raise CommandError(" ".join(error.messages)) from error
        self.stdout.write(f"Loaded {count} postcode centres.")
