"""``manage.py send_reprint_digests``: queue the reprint digest of every retailer (run it from cron or a timer)."""

from django.core.management.base import BaseCommand
from django.db import transaction

from catalogue.digests.services import queue_scheduled_digests


class Command(BaseCommand):
    help = (
        "Queue one background task per retailer that e-mails its members the printed passports superseded "
        "since their last digest or the last print. A worker (manage.py db_worker) sends them."
    )

    def handle(self, *args, **options):
        with transaction.atomic():
            count = queue_scheduled_digests()
        self.stdout.write(f"Queued the reprint digest of {count} retailer(s).")
