"""``manage.py rotate_signing_key``: a new passport signing key; the earlier public keys stay published."""

from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from catalogue.credentials.keys import key_file, rotate


class Command(BaseCommand):
    help = (
        "Make a new key for signing passport credentials in PASSPORT_SIGNING_KEY_FILE. The old key's public "
        "part stays in the file and in /.well-known/did.json, so credentials signed with it keep verifying."
    )

    # It only writes a file: it must work before collectstatic, which the deployment checks want first.
    requires_system_checks = []

    def add_arguments(self, parser):
        parser.add_argument(
            "--if-missing", action="store_true", help="Only create a key when there is none yet (`make run`)."
        )
        parser.add_argument("--file", help="The key file (default: PASSPORT_SIGNING_KEY_FILE).")

    def handle(self, *args, if_missing=False, file=None, **options):
        path = Path(file) if file else key_file()
        if path is None:
            raise CommandError("PASSPORT_SIGNING_KEY_FILE is not set: name the key file there or with --file.")
        if if_missing and path.exists():
            self.stdout.write(f"A signing key exists in {path}; nothing to do.")
            return
        kid, retired = rotate(path)
        if retired:
            self.stdout.write(f"New signing key {kid} in {path}; the earlier key {retired} stays published.")
        else:
            self.stdout.write(f"Created the signing key {kid} in {path}.")
