"""Render published passports (current versions) as shelf or detailed passports, or shelf labels, into one PDF."""

import sys
from pathlib import Path

from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError

from catalogue.passports import selectors as print_selectors
from catalogue.passports.pdf.label_formats import LABEL_FORMATS
from catalogue.passports.printing import (
    DETAILED,
    FORMAT_ALIASES,
    FORMATS,
    LABELS,
    SHELF,
    label_options_from,
    parse_identifiers,
    render_versions,
)


class Command(BaseCommand):
    help = (
        "Render the current versions of published passports into one PDF: one-page shelf passports, detailed "
        "passports or shelf labels. "
        "Without codes, every published passport is rendered."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "codes", nargs="*", help="passport codes or GTINs (any spelling: K7QX-2M9C, k7qx2m9c, EAN-13)"
        )
        parser.add_argument(
            "--format",
            choices=[*FORMATS, *FORMAT_ALIASES],
            default=DETAILED,
            help="shelf (one page each), detailed (also: passport) or labels; default: detailed",
        )
        parser.add_argument("--lang", choices=["de", "en"], default="de", help="default: de")
        parser.add_argument("--layout", choices=list(LABEL_FORMATS), default="3x8", help="label sheet; default: 3x8")
        parser.add_argument("--price", action="store_true", help="labels: print the product's price")
        parser.add_argument("--ean", action="store_true", help="labels: print the EAN-13 of products with a GTIN")
        parser.add_argument("--start", type=int, default=1, help="labels: first free position on the sheet; default 1")
        parser.add_argument("--out", required=True, help="the PDF file to write, or - for standard output")

    def handle(self, *args, codes, format, lang, layout, out, price, ean, start, **options):
        format = FORMAT_ALIASES.get(format, format)
        label_options = None
        if format == LABELS:
            try:
                label_options = label_options_from({"price": price, "ean": ean, "start": start}, layout)
            except ValidationError as error:
                raise CommandError(" ".join(" ".join(messages) for messages in error.message_dict.values())) from error
        if codes:
            versions = self._versions_for(codes)
        else:
            versions = list(print_selectors.current_versions())
            if not versions:
                raise CommandError("There are no published passports to render.")
        content = render_versions(
            versions,
            format=format,
            language=lang,
            layout=layout if format == LABELS else "",
            label_options=label_options,
        )
        if out == "-":
            sys.stdout.buffer.write(content)
            sys.stdout.buffer.flush()
            return
        path = Path(out)
        if not path.parent.exists():
            raise CommandError(f"--out: the folder {path.parent} does not exist.")
        path.write_bytes(content)
        noun = {LABELS: "label", SHELF: "shelf passport"}.get(format, "passport")
        plural = "" if len(versions) == 1 else "s"
        self.stdout.write(
            self.style.SUCCESS(
                f"Rendered {len(versions)} {noun}{plural} ({lang}) to {path} ({len(content) / 1024:.0f} KB)."
            )
        )

    def _versions_for(self, codes: list[str]):
        identifiers, errors = parse_identifiers(codes)
        if errors:
            lines = "".join(f"\n  {raw}: {' '.join(messages)}" for raw, messages in errors.items())
            raise CommandError(f"Not valid passport codes or GTINs:{lines}")
        ordered, missing = print_selectors.current_versions_named(identifiers)
        if missing:
            raise CommandError(
                "No published passport for: "
                + ", ".join(identifier.raw for identifier in missing)
                + " (unknown, or still a draft)."
            )
        return ordered
