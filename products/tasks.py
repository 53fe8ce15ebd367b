"""Background tasks of products (django-tasks): each is a thin entry point that a worker runs; the work is a service."""

from django_tasks import task

from . import import_queue


@task()
def run_import_job(job_id: str) -> str:
    """Run one queued bulk import (products.import_queue.run_import); returns the job's final status."""
    return import_queue.run_import(job_id)
