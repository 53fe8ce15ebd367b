"""Print job pages of the retailer workspace: a job's progress (HTML and JSON) and its PDF, again and again."""

from django.contrib.auth.decorators import login_required
from django.http import Http404, JsonResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_safe

from catalogue.models import PrintJob
from catalogue.passports.pdf_views import pdf_response
from catalogue.retailers.selectors import retailer_for_user

from . import selectors, services


def _job_or_404(request, slug, pk) -> PrintJob:
    retailer = retailer_for_user(request.user, slug)
    job = selectors.job_of(retailer, pk) if retailer is not None else None
    if job is None:
        raise Http404(_("No such print job."))
    return job


def filename_of(job: PrintJob) -> str:
    return f"{job.format}-{job.retailer.slug}-{timezone.localtime(job.created_at):%Y%m%d-%H%M}-{job.pk}.pdf"


@login_required
@require_safe
def job_detail(request, slug, pk):
    """The job's progress; the page reloads itself without JavaScript (a refresh inside <noscript>)."""
    job = _job_or_404(request, slug, pk)
    context = {"retailer": job.retailer, "job": job, "status": selectors.status_data(job)}
    return render(request, "catalogue/retailers/print_job.html", context)


@login_required
@require_safe
def job_status(request, slug, pk):
    """The job's status as JSON, for static/js/retailer.js to show live progress."""
    job = _job_or_404(request, slug, pk)
    response = JsonResponse(selectors.status_data(job))
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
@require_safe
def job_pdf(request, slug, pk):
    """The job's PDF as it was printed (services.job_pdf)."""
    job = _job_or_404(request, slug, pk)
    if job.status != PrintJob.Status.DONE:
        raise Http404(_("This print job has no PDF."))
    return pdf_response(services.job_pdf(job), filename_of(job), cache_control="private, no-store")
