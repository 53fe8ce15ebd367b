"""The ImportJob model: a bulk import that runs in the background, with its status, progress and result."""

import uuid

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ImportJob(models.Model):
    """One import file waiting for, running in or finished by a worker.

    django-tasks stores a task's return value only when it has finished; the progress a client polls for while
    the import runs, and who may read it, are kept here. The file itself waits in ``content`` (the database is
    the one store every worker machine shares) and is emptied once the job has run.
    """

    class Status(models.TextChoices):
        QUEUED = "queued", _("queued")
        RUNNING = "running", _("running")
        SUCCEEDED = "succeeded", _("succeeded")
        FAILED = "failed", _("failed")

    class Phase(models.TextChoices):
        WAITING = "", _("waiting")
        CHECKING = "checking", _("checking")
        SAVING = "saving", _("saving")

    # Random, so that a job's URL tells nothing about other jobs; reading one still needs membership.
    id = models.UUIDField(primary_key=True, default=uuid.uuid4, editable=False)
    organisation = models.ForeignKey(
        "products.MakerOrganisation", on_delete=models.CASCADE, related_name="import_jobs", verbose_name=_("maker")
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.SET_NULL, null=True, related_name="+", verbose_name=_("user")
    )
    filename = models.CharField(_("file name"), max_length=255, blank=True)
    dry_run = models.BooleanField(_("dry run"), default=False)
    # The language of the request that started the job: its messages are written in it.
    language = models.CharField(_("language"), max_length=10, blank=True)
    content = models.BinaryField(_("file content"), editable=False, default=b"")
    task_id = models.CharField(_("task id"), max_length=64, blank=True, editable=False)
    status = models.CharField(_("status"), max_length=10, choices=Status.choices, default=Status.QUEUED)
    phase = models.CharField(_("phase"), max_length=10, choices=Phase.choices, blank=True, default=Phase.WAITING)
    rows_done = models.PositiveIntegerField(_("rows done"), default=0)
    rows_total = models.PositiveIntegerField(_("rows in the file"), null=True, blank=True)
    result = models.JSONField(_("result"), null=True, blank=True)
    errors = models.JSONField(_("errors"), default=list, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    started_at = models.DateTimeField(_("started"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)

    class Meta:
        verbose_name = _("import job")
        verbose_name_plural = _("import jobs")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.filename or self.pk} ({self.status})"

    @property
    def finished(self) -> bool:
        return self.status in (self.Status.SUCCEEDED, self.Status.FAILED)
