"""API of background imports: the 202 answer that queues a large import, and the job a client polls."""

import uuid

from django.urls import reverse
from drf_spectacular.utils import OpenApiExample, extend_schema, extend_schema_field, extend_schema_serializer
from rest_framework import mixins, serializers, status, viewsets
from rest_framework.exceptions import NotFound
from rest_framework.permissions import IsAuthenticated
from rest_framework.response import Response

from products.import_jobs import ImportJob
from products.import_queue import import_jobs_for_user

from . import samples
from .base import ScopedViewMixin
from .serializers import ImportErrorItemSerializer, ImportResultSerializer


class ImportProgressSerializer(serializers.Serializer):
    """How far the job has come in its current pass over the rows."""

    phase = serializers.ChoiceField(
        choices=["waiting", "checking", "saving"],
        help_text="waiting for a worker; checking every row; saving them (all in one transaction).",
    )
    rows_done = serializers.IntegerField(help_text="Rows done in this phase.")
    rows_total = serializers.IntegerField(allow_null=True, help_text="Rows in the file; null until it is read.")


@extend_schema_serializer(
    examples=[
        OpenApiExample("Queued", value=samples.IMPORT_JOB_QUEUED, response_only=True, status_codes=[202, 200]),
        OpenApiExample("Saving", value=samples.IMPORT_JOB_RUNNING, response_only=True, status_codes=[200]),
        OpenApiExample("Succeeded", value=samples.IMPORT_JOB_SUCCEEDED, response_only=True, status_codes=[200]),
        OpenApiExample("Failed", value=samples.IMPORT_JOB_FAILED, response_only=True, status_codes=[200]),
    ]
)
class ImportJobSerializer(serializers.Serializer):
    """A bulk import that runs in the background; poll its URL until ``status`` is succeeded or failed."""

    id = serializers.UUIDField()
    url = serializers.SerializerMethodField(help_text="This job's URL (also the Location of the 202 answer).")
    status = serializers.ChoiceField(choices=ImportJob.Status.values)
    filename = serializers.CharField()
    dry_run = serializers.BooleanField()
    progress = serializers.SerializerMethodField()
    result = ImportResultSerializer(allow_null=True, help_text="When it succeeded: as the 201 (or 200) of an import.")
    errors = ImportErrorItemSerializer(many=True, help_text="When it failed: every problem, by row and field.")
    created_at = serializers.DateTimeField()
    started_at = serializers.DateTimeField(allow_null=True)
    finished_at = serializers.DateTimeField(allow_null=True)

    def get_url(self, job: ImportJob) -> str:
        return job_url(self.context["request"], job)

    @extend_schema_field(ImportProgressSerializer)
    def get_progress(self, job: ImportJob) -> dict:
        return {"phase": job.phase or "waiting", "rows_done": job.rows_done, "rows_total": job.rows_total}


def job_url(request, job: ImportJob) -> str:
    # A plain str: WSGI servers refuse anything else as a header value.
    return request.build_absolute_uri(reverse("api:import-job-detail", args=[job.pk]))


def queued_response(request, job: ImportJob) -> Response:
    """202 Accepted with the job's URL: what the import endpoint answers for a file that goes to the queue."""
    body = ImportJobSerializer(job, context={"request": request}).data
    return Response(body, status=status.HTTP_202_ACCEPTED, headers={"Location": body["url"]})


@extend_schema(tags=["products"])
class ImportJobViewSet(ScopedViewMixin, mixins.RetrieveModelMixin, viewsets.GenericViewSet):
    """Background imports, readable by the members of the organisation they import into, and by staff."""

    permission_classes = [IsAuthenticated]
    serializer_class = ImportJobSerializer
    filter_backends = []
    pagination_class = None

    def get_object(self):
        # Anything in the URL is looked up after authentication (so anonymous gets 401), and what is not a UUID is 404.
        try:
            uuid.UUID(str(self.kwargs["pk"]))
        except ValueError as error:
            raise NotFound() from error
        return super().get_object()

    def get_queryset(self):
        # The waiting file may be megabytes; a poll never needs it.
        return import_jobs_for_user(self.request.user).defer("content")

    @extend_schema(
        summary="Follow a background import",
        description=(
            "Status (queued, running, succeeded, failed), progress, and the result or every error, in the "
            "shapes of a direct import. Readable by the members of the organisation and by staff."
        ),
    )
    def retrieve(self, request, *args, **kwargs):
        return super().retrieve(request, *args, **kwargs)
