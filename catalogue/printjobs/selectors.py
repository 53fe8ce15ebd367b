"""Reads of print jobs: one job of a retailer, its status as JSON, the retailer's job history."""

from django.db.models import QuerySet
from django.urls import reverse

from catalogue.models import PrintJob, RetailerOrganisation


def jobs_of(retailer: RetailerOrganisation) -> QuerySet[PrintJob]:
    return PrintJob.objects.filter(retailer=retailer).select_related("created_by")


def job_of(retailer: RetailerOrganisation, pk: int) -> PrintJob | None:
    """The retailer's job with this id; None for another retailer's, as if it did not exist."""
    return jobs_of(retailer).filter(pk=pk).first()


def percent(job: PrintJob) -> int:
    if job.status == PrintJob.Status.DONE:
        return 100
    return round(100 * job.progress / job.total) if job.total else 0


def status_data(job: PrintJob) -> dict:
    """What the job page and the API say about a job: status, progress, the reason of a failure, the PDF link."""
    slug = job.retailer.slug
    done = job.status == PrintJob.Status.DONE
    return {
        "id": job.pk,
        "status": job.status,
        "status_display": str(job.get_status_display()),
        "format": job.format,
        "total": job.total,
        "progress": job.progress,
        "percent": percent(job),
        "finished": job.status in (PrintJob.Status.DONE, PrintJob.Status.FAILED),
        "error": job.error,
        "pdf": reverse("retailer:job-pdf", args=[slug, job.pk]) if done else None,
        "url": reverse("retailer:job", args=[slug, job.pk]),
    }
