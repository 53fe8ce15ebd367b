"""``manage.py sign_passports``: sign every version that has no credential yet (published before signing)."""

from django.core.management.base import BaseCommand, CommandError

from catalogue.credentials.keys import SigningKeyMissing
from catalogue.credentials.selectors import unsigned_versions
from catalogue.credentials.services import signed_credential


class Command(BaseCommand):
    help = (
        "Sign the passport versions that have no credential yet with the current key. The API signs such a "
        "version on its first request anyway; this does all of them ahead, for example before a backup."
    )

    def handle(self, *args, **options):
        signed = 0
        try:
            for version in unsigned_versions().iterator(chunk_size=200):
                signed_credential(version)
                signed += 1
        except SigningKeyMissing as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"Signed {signed} passport version(s).")
