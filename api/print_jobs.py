"""API of retailers' print jobs: a job's status and progress, and its PDF for downloading again."""

from django.http import Http404
from django.urls import reverse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import (
    OpenApiExample,
    OpenApiParameter,
    OpenApiResponse,
    extend_schema,
    extend_schema_serializer,
)
from rest_framework import serializers
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response
from rest_framework.views import APIView

from catalogue.models import PrintJob
from catalogue.passports.pdf_views import pdf_response
from catalogue.printjobs import selectors as jobs
from catalogue.printjobs import services as job_services
from catalogue.printjobs.views import filename_of
from catalogue.retailers.selectors import retailer_for_user

from . import samples
from .base import FirstRenderer, ScopedViewMixin

SLUG = OpenApiParameter("slug", OpenApiTypes.STR, OpenApiParameter.PATH, description="Your retailer's slug.")
JOB = OpenApiParameter("job_id", OpenApiTypes.INT, OpenApiParameter.PATH, description="The print job's id.")


@extend_schema_serializer(
    examples=[
        OpenApiExample("Queued", value=samples.PRINT_JOB_QUEUED, response_only=True, status_codes=[202, 200]),
        OpenApiExample("Rendering", value=samples.PRINT_JOB_RUNNING, response_only=True, status_codes=[200]),
        OpenApiExample("Done", value=samples.PRINT_JOB_DONE, response_only=True, status_codes=[200]),
    ]
)
class PrintJobSerializer(serializers.Serializer):
    """A print job: kept for downloading again; a large one runs in the background (poll ``url``)."""

    id = serializers.IntegerField()
    url = serializers.URLField(help_text="This job in the API (the Location of a 202 answer).")
    status = serializers.ChoiceField(choices=PrintJob.Status.values)
    format = serializers.ChoiceField(choices=PrintJob.Format.values)
    total = serializers.IntegerField(help_text="Products in the job.")
    progress = serializers.IntegerField(help_text="Products rendered so far.")
    percent = serializers.IntegerField()
    error = serializers.CharField(help_text="Why it failed; empty otherwise. A failed job recorded nothing as printed.")
    pdf = serializers.URLField(allow_null=True, help_text="The PDF once the job is done; null before.")


def job_data(request, job: PrintJob) -> dict:
    slug = job.retailer.slug
    data = jobs.status_data(job)
    done = job.status == PrintJob.Status.DONE
    return {
        **{key: data[key] for key in ("id", "status", "format", "total", "progress", "percent", "error")},
        "url": request.build_absolute_uri(reverse("api:retailer-print-job", args=[slug, job.pk])),
        "pdf": request.build_absolute_uri(reverse("api:retailer-print-job-pdf", args=[slug, job.pk])) if done else None,
    }


def _job_or_404(request, slug, job_id) -> PrintJob:
    retailer = retailer_for_user(request.user, slug)
    job = jobs.job_of(retailer, job_id) if retailer is not None else None
    if job is None:
        raise Http404
    return job


class PrintJobView(APIView):
    authentication_classes = ScopedViewMixin.authentication_classes  # token first: anonymous answers 401
    permission_classes = [IsAuthenticated]

    @extend_schema(
        tags=["retailers"],
        summary="Get a print job",
        description="Status, progress and, once done, the PDF link; another retailer's job answers 404.",
        parameters=[SLUG, JOB],
        responses=PrintJobSerializer,
    )
    def get(self, request, slug, job_id):
        return Response(job_data(request, _job_or_404(request, slug, job_id)))


class PrintJobPdfView(APIView):
    authentication_classes = ScopedViewMixin.authentication_classes
    permission_classes = [IsAuthenticated]
    content_negotiation_class = FirstRenderer

    @extend_schema(
        tags=["retailers"],
        summary="Download a print job's PDF",
        description="The PDF as printed, again; 404 until the job is done.",
        parameters=[SLUG, JOB],
        responses={(200, "application/pdf"): OpenApiResponse(OpenApiTypes.BINARY, description="The PDF.")},
    )
    def get(self, request, slug, job_id):
        job = _job_or_404(request, slug, job_id)
        if job.status != PrintJob.Status.DONE:
            raise Http404
        return pdf_response(job_services.job_pdf(job), filename_of(job), cache_control="private, no-store")
