"""``manage.py load_demo``: load the demo catalogue (idempotent) and print the demo logins."""

from django.conf import settings
from django.core.management.base import BaseCommand, CommandError

from catalogue.demo.loader import load_demo


class Command(BaseCommand):
    help = "Load the demo catalogue of fictional Solingen makers and print the demo logins. Safe to run again."

    def add_arguments(self, parser):
        parser.add_argument(
            "--force",
            action="store_true",
            help="Load even when DEBUG is off. The demo logins, including a superuser, have published passwords.",
        )

    def handle(self, *args, force=False, **options):
        if not settings.DEBUG and not force:
            raise CommandError(
                "load_demo creates logins with published passwords, including a superuser. "
                "Run it with DJANGO_DEBUG=1, or pass --force if this really is a demo installation."
            )
        summary = load_demo()
        for line in summary.report_lines():
            self.stdout.write(line)
