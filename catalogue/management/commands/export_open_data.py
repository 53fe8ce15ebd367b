"""Export every published passport as open data (CSV or JSON-LD, CC BY 4.0) to a file."""

import os
import sys
import tempfile
from pathlib import Path

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.urls import reverse
from django.utils import timezone

from catalogue.passports.open_data import LICENSE_NAME, LICENSE_URL, iter_csv, iter_jsonld, parse_since
from catalogue.passports.selectors import CSV_FIELDS, SNAPSHOT_FIELDS, changed_snapshots, published_snapshots


class Command(BaseCommand):
    help = (
        "Export the current version of every published (not withdrawn) passport as CSV or JSON-LD, the same "
        f"files as /api/v1/export/, under {LICENSE_NAME} ({LICENSE_URL})."
    )

    def add_arguments(self, parser):
        parser.add_argument("--format", choices=["csv", "jsonld"], required=True)
        parser.add_argument("--out", required=True, help="the file to write, or - for standard output")
        parser.add_argument("--lang", choices=["de", "en"], default="de", help="JSON-LD language; default: de")
        parser.add_argument(
            "--since", help="a delta: only passports published or withdrawn since this ISO 8601 date or date and time"
        )

    def handle(self, *args, format, out, lang, since=None, **options):
        fields = CSV_FIELDS if format == "csv" else SNAPSHOT_FIELDS
        if since is None:
            counted = _Counter(published_snapshots(fields))
        else:
            try:
                counted = _Counter(changed_snapshots(parse_since(since), fields))
            except ValidationError as error:
                raise CommandError(f"--since: {error.message_dict['since'][0]}") from error
        if format == "csv":
            chunks = iter_csv(counted, with_status=since is not None)
        else:
            chunks = iter_jsonld(
                counted,
                generated_at=timezone.now().isoformat(timespec="seconds"),
                url=settings.SITE_BASE_URL + reverse("api:export-jsonld"),
                language=lang,
            )
        if out == "-":
            for chunk in chunks:
                sys.stdout.write(chunk)
            sys.stdout.flush()
            return
        path = Path(out)
        if not path.parent.is_dir():
            raise CommandError(f"The directory {path.parent} does not exist.")
        # Written next to the target and renamed, so that a reader never sees half an export.
        handle, temporary = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
        try:
            with os.fdopen(handle, "w", encoding="utf-8", newline="") as file:
                for chunk in chunks:
                    file.write(chunk)
            os.chmod(temporary, 0o644)  # open data: readable by a web server, unlike mkstemp's default
            os.replace(temporary, path)
        except BaseException:
            Path(temporary).unlink(missing_ok=True)
            raise
        self.stdout.write(f"Exported {counted.count} passports to {path} ({LICENSE_NAME}).")


class _Counter:
    """Counts the entries as they stream past."""

    def __init__(self, entries):
        self.entries = entries
        self.count = 0

    def __iter__(self):
        for entry in self.entries:
            self.count += 1
            yield entry
