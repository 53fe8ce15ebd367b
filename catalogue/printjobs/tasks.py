"""Background tasks of print jobs (django-tasks): the entry point a worker runs; the work is services.run_job."""

from django_tasks import task

from . import services


@task()
def run_print_job(job_id: int) -> str:
    """Render one queued print job; returns its final status."""
    return services.run_job(job_id)
