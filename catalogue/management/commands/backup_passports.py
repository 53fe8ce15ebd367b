"""manage.py backup_passports --to DIR | --verify DIR: the backup copy of every published version (ESPR Art. 10(4))."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from catalogue.dpp.backup import verify_backup, write_backup


class Command(BaseCommand):
    help = "Write every published passport version into a folder tree with a manifest of hashes, or verify one."

    def add_arguments(self, parser):
        target = parser.add_mutually_exclusive_group(required=True)
        target.add_argument("--to", type=Path, help="Folder to write the backup into (existing versions are kept).")
        target.add_argument("--verify", type=Path, help="Folder of a backup to check against its manifest.")

    def handle(self, *args, **options):
        if options["verify"]:
            problems = verify_backup(options["verify"])
            if problems:
                for problem in problems:
                    self.stderr.write(problem)
                raise CommandError(f"The backup at {options['verify']} does not match its manifest.")
            self.stdout.write(self.style.SUCCESS(f"The backup at {options['verify']} matches its manifest."))
            return
        result = write_backup(options["to"])
        self.stdout.write(
            f"Wrote {len(result.written)} versions, skipped {result.skipped} already backed up, into {options['to']}."
        )
        if result.without_credential:
            self.stdout.write(f"{result.without_credential} versions without a credential (no signing key).")
