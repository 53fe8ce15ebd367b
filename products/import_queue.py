"""Imports as background jobs: which files go to the queue, starting and running a job, its progress, its readers."""

from __future__ import annotations

import logging
from collections.abc import Iterable, Iterator

from django.conf import settings
from django.db import connection, connections, transaction
from django.db.models import QuerySet
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from .import_jobs import ImportJob
from .importing import ImportFileError, ImportResult, import_products, read_rows
from .models import MakerOrganisation

logger = logging.getLogger(__name__)

# How often a running job writes its progress: about every hundredth of a pass over the rows.
PROGRESS_STEPS = 100


def runs_in_background(size: int) -> bool:
    """Whether a file of ``size`` bytes is imported by a worker rather than within the request."""
    return size > settings.IMPORT_BACKGROUND_THRESHOLD_BYTES


def result_summary(result: ImportResult) -> dict:
    """What a successful import (or dry run) reports: the same shape within the request and from a job."""
    return {
        "dry_run": result.dry_run,
        "count": len(result.rows),
        "products": [
            {"row": row.row, "passport_code": row.product.passport_code or None, "name": row.product.name}
            for row in result.rows
        ],
        "warnings": [warning.as_dict() for warning in result.warnings],
    }


def start_import_job(
    content: bytes, filename: str, maker: MakerOrganisation, *, user=None, dry_run: bool = False
) -> ImportJob:
    """Queue the import of ``content``; the job and its task are stored together or not at all."""
    from .tasks import run_import_job  # the task module imports this one

    with transaction.atomic():
        job = ImportJob.objects.create(
            organisation=maker,
            user=user,
            filename=filename[:255],
            dry_run=dry_run,
            language=translation.get_language() or settings.LANGUAGE_CODE,
            content=content,
        )
        job.task_id = str(run_import_job.enqueue(str(job.pk)).id)
        job.save(update_fields=["task_id"])
    return job


def run_import(job_id: str) -> str:
    """Run a queued job: the whole import in one transaction, so it saves every row or none. Returns the status."""
    job = ImportJob.objects.select_related("organisation", "user").get(pk=job_id)
    if job.status != ImportJob.Status.QUEUED:
        return job.status  # already run (a task delivered twice runs once)
    job.status, job.started_at = ImportJob.Status.RUNNING, timezone.now()
    job.save(update_fields=["status", "started_at"])
    with translation.override(job.language or settings.LANGUAGE_CODE):
        try:
            _run(job)
        except Exception:
            logger.exception("Import job %s stopped", job.pk)
            # Whatever the import wrote is rolled back by its transaction; the job must not stay "running".
            message = _("The import stopped because of an internal error; nothing was imported.")
            _finish(job, ImportJob.Status.FAILED, errors=[{"row": None, "field": "", "message": message}])
            raise
    return job.status


def _run(job: ImportJob) -> None:
    try:
        rows, label = read_rows(bytes(job.content), job.filename)
    except ImportFileError as error:
        _finish(job, ImportJob.Status.FAILED, errors=[{"row": None, "field": "file", "message": str(error)}])
        return
    progress = JobProgress(job)
    result = import_products(
        rows, job.organisation, user=job.user, label=label, dry_run=job.dry_run, progress=progress.wrap
    )
    if result.ok:
        _finish(job, ImportJob.Status.SUCCEEDED, result=result_summary(result))
    else:
        _finish(job, ImportJob.Status.FAILED, errors=[error.as_dict() for error in result.errors])


def _finish(job: ImportJob, status: str, *, result: dict | None = None, errors: list | None = None) -> None:
    job.status, job.result, job.errors = status, result, errors or []
    job.content = b""  # the file is not needed any more, and may be large
    job.finished_at = timezone.now()
    job.save(update_fields=["status", "result", "errors", "content", "finished_at", "rows_done", "phase"])


class JobProgress:
    """Records how far a job's passes over the rows (checking, then saving) have come.

    ``import_products`` saves inside one transaction, and what is written there stays invisible to everyone
    else until the end. So progress made inside a transaction is written through a connection of its own,
    which commits at once. SQLite allows one writer at a time and the import is it: there, the saving pass
    shows its start and its end only.
    """

    def __init__(self, job: ImportJob):
        self.job = job
        # The transaction depth outside the import: deeper means "inside the import's transaction".
        self.depth = len(connection.atomic_blocks)
        self.own_connection = None

    def wrap(self, rows: list, *, total: int, desc: str) -> Iterator:
        """The ``progress`` hook of ``import_products``: called once per pass, before the pass begins."""
        phase = ImportJob.Phase.SAVING if self.job.phase == ImportJob.Phase.CHECKING else ImportJob.Phase.CHECKING
        self.job.phase, self.job.rows_done, self.job.rows_total = phase, 0, total
        self.job.save(update_fields=["phase", "rows_done", "rows_total"])
        return self._counted(rows, total)

    def _counted(self, rows: Iterable, total: int) -> Iterator:
        step = max(1, total // PROGRESS_STEPS)
        try:
            for done, row in enumerate(rows, start=1):
                yield row
                if done % step == 0 or done == total:
                    self.job.rows_done = done
                    self._write(done)
        finally:
            if self.own_connection is not None:
                self.own_connection.close()
                self.own_connection = None

    def _write(self, done: int) -> None:
        if len(connection.atomic_blocks) <= self.depth:
            ImportJob.objects.filter(pk=self.job.pk).update(rows_done=done)
            return
        if connection.vendor == "sqlite":
            return
        if self.own_connection is None:
            self.own_connection = connections.create_connection(connection.alias)
        ops, pk = self.own_connection.ops, ImportJob._meta.pk
        table, column = ops.quote_name(ImportJob._meta.db_table), ops.quote_name("rows_done")
        with self.own_connection.cursor() as cursor:
            cursor.execute(
                f"UPDATE {table} SET {column} = %s WHERE {ops.quote_name(pk.column)} = %s",
                [done, pk.get_db_prep_value(self.job.pk, self.own_connection)],
            )


def import_jobs_for_user(user) -> QuerySet[ImportJob]:
    """The import jobs a user may read: those of the user's maker organisations; staff read every job."""
    if not user.is_authenticated:
        return ImportJob.objects.none()
    if user.is_staff:
        return ImportJob.objects.all()
    return ImportJob.objects.filter(organisation__memberships__user=user).distinct()
