"""Running queued background tasks inside a test: the real ``db_worker`` command, once over the queue."""

import signal
from unittest import mock

from django.core.management import call_command
from django_tasks_db.models import DBTaskResult


def run_queued_tasks() -> list[DBTaskResult]:
    """Run every task waiting in the database queue, as ``manage.py db_worker`` does, then return to the test.

    Two things of the worker's process are the test's: the worker closes "old" connections between tasks, which
    outside a test drops a broken connection but here would close the test's own transaction (on PostgreSQL),
    so it is left open; and the worker's handlers for Ctrl-C and SIGTERM are replaced by the test process's.
    """
    handlers = {number: signal.getsignal(number) for number in (signal.SIGINT, signal.SIGTERM, signal.SIGQUIT)}
    waiting = list(DBTaskResult.objects.ready().values_list("pk", flat=True))
    try:
        with mock.patch("django_tasks_db.management.commands.db_worker.close_old_connections"):
            call_command("db_worker", "--batch", "--no-reload", "--no-startup-delay", "--interval", "0", verbosity=0)
    finally:
        for number, handler in handlers.items():
            signal.signal(number, handler)
    return list(DBTaskResult.objects.filter(pk__in=waiting))
