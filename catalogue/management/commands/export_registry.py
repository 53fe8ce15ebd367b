"""manage.py export_registry --out FILE [--format json|csv]: the entries for the EU registry (docs/espr.md)."""

from pathlib import Path

from django.core.management.base import BaseCommand

from catalogue.dpp.registry import render_registry


class Command(BaseCommand):
    help = "Write one registry entry per published passport (UPI, operator, facilities, commodity code, URLs, hash)."

    def add_arguments(self, parser):
        parser.add_argument("--out", type=Path, required=True, help="File to write; '-' for standard output.")
        parser.add_argument("--format", choices=["json", "csv"], help="Default: from the file's extension, else json.")

    def handle(self, *args, **options):
        out = options["out"]
        file_format = options["format"] or ("csv" if out.suffix.lower() == ".csv" else "json")
        text = render_registry(file_format)
        if str(out) == "-":
            self.stdout.write(text, ending="")
            return
        out.write_text(text, encoding="utf-8")
        self.stdout.write(f"Wrote the registry export ({file_format}) to {out}.")
