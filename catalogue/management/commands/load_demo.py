"""``manage.py load_demo``: load the demo catalogue (idempotent) and print the demo logins."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from catalogue.demo.loader import foreign_rows, load_demo


class Command(BaseCommand):
    help = (
        "Load the demo catalogue of fictional Solingen makers and print the demo logins. Safe to run again. "
        "Refuses a database that holds anything but the demo."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--force",
            action="store_true",
            help="Load into a database that holds more than the demo (development settings only). The demo "
            "logins, including a superuser, have published passwords.",
        )

    def handle(self, *args, force=False, **options):
        foreign = foreign_rows()
        if foreign:
            held = ", ".join(f"{count} {kind}" for kind, count in foreign.items())
            if not force:
                raise CommandError(
                    f"This database holds more than the demo ({held} that are not part of it). load_demo creates "
                    "logins with published passwords, including a superuser, so it runs only on an empty database "
                    "or one that holds just the demo. Use a new database, or pass --force in development."
                )
            if not settings.DEBUG:
                raise CommandError(
                    "--force is never allowed with production settings (DJANGO_DEBUG is off): the demo's published "
                    "passwords would open a real installation."
                )
            self.stderr.write(f"Loading the demo beside other data ({held}) because of --force.")
        summary = load_demo()
        for line in summary.report_lines():
            self.stdout.write(line)
