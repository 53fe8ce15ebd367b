"""Render and store the public API texts of passport versions that have none (or, with --all, of every one)."""

from django.core.management.base import BaseCommand

from catalogue.models import PassportVersion, PublishedFacets
from catalogue.passports.public_json import store_missing, store_missing_list_rows


class Command(BaseCommand):
    help = "Store the public API list row and detail JSON of published passport versions (see docs/performance.md)."

    def add_arguments(self, parser):
        parser.add_argument("--all", action="store_true", help="Render every version again, not only missing ones.")

    def handle(self, *args, **options):
        count = store_missing(PassportVersion.objects, everything=options["all"])
        rows = store_missing_list_rows(PublishedFacets.objects, everything=options["all"])
        self.stdout.write(f"Stored the public JSON of {count} passport versions and {rows} list rows.")
