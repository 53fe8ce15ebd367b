"""Open-data export of every published passport as CSV or JSON-LD, under CC BY 4.0 (docs/open-data.md)."""

from django.core.exceptions import ValidationError as DjangoValidationError
from django.http import StreamingHttpResponse
from django.utils import timezone
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiExample, OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework import serializers
from rest_framework.exceptions import ValidationError
from rest_framework.permissions import AllowAny
from rest_framework.renderers import JSONRenderer
from rest_framework.views import APIView

from catalogue.passports.open_data import LICENSE_URL, iter_csv, iter_jsonld, parse_since
from catalogue.passports.selectors import CSV_FIELDS, SNAPSHOT_FIELDS, changed_snapshots, published_snapshots

from . import openapi, passport_samples
from .base import FirstRenderer, ScopedViewMixin

# The export changes only when a passport is published or withdrawn; caches may keep it for a while.
CACHE_CONTROL = "public, max-age=300"
LICENSE_HEADER = OpenApiParameter(
    "Link",
    OpenApiTypes.STR,
    OpenApiParameter.HEADER,
    response=[200],
    description=f'The licence: `<{LICENSE_URL}>; rel="license"`.',
)


SINCE = OpenApiParameter(
    "since",
    OpenApiTypes.STR,
    OpenApiParameter.QUERY,
    description=(
        "A delta export: only the passports published or withdrawn at or after this ISO 8601 date (from its "
        "midnight, Europe/Berlin) or date and time, withdrawn ones included, with a last column (CSV) or "
        "property (JSON-LD) `status`. Without it, every published passport."
    ),
)


BAD_SINCE = {
    "since": [
        "Give a date (YYYY-MM-DD) or a date and time in ISO 8601, for example 2026-01-31 or 2026-01-31T12:00:00+01:00."
    ]
}


class LanguageSerializer(serializers.Serializer):
    lang = serializers.ChoiceField(choices=["de", "en"], default="de", help_text="Language of names and labels.")


class ExportView(ScopedViewMixin, APIView):
    """Streams the export, so that a large catalogue is never held in memory at once."""

    permission_classes = [AllowAny]
    renderer_classes = [JSONRenderer]  # for errors; the export itself is streamed as it is
    content_negotiation_class = FirstRenderer

    def entries(self, request, fields=SNAPSHOT_FIELDS):
        """The entries (``fields`` of versions) to export and whether they carry a status: every published passport,
        or with ``since`` the changes since then. Both are read in chunks (``.iterator``), so memory does not grow
        with rows."""
        since = request.query_params.get("since")
        if since is None:
            return published_snapshots(fields), False
        try:
            return changed_snapshots(parse_since(since), fields), True
        except DjangoValidationError as error:
            raise ValidationError(error.message_dict) from error

    def stream(self, chunks, content_type: str, filename: str) -> StreamingHttpResponse:
        response = StreamingHttpResponse(chunks, content_type=content_type)
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        response["Link"] = f'<{LICENSE_URL}>; rel="license"'
        response["Cache-Control"] = CACHE_CONTROL
        return response


@extend_schema(tags=["open data"])
class CsvExportView(ExportView):
    @extend_schema(
        operation_id="export_passports_csv",
        summary="Export published passports as CSV",
        description=(
            "One row per published (not withdrawn) passport, its current version, ordered by passport code: "
            "identity, maker, category, score with grade and sub-scores, Solingen designation, key figures, links "
            "and the licence (CC BY 4.0) in the `license` column. UTF-8, comma-separated, header row first; "
            "empty cells are not disclosed. Columns in docs/open-data.md."
        ),
        parameters=[SINCE, LICENSE_HEADER],
        responses={
            (200, "text/csv"): OpenApiResponse(
                OpenApiTypes.STR,
                description="The CSV file.",
                examples=[OpenApiExample("Header and one row", value=passport_samples.OPEN_DATA_CSV)],
            ),
            400: openapi.error("A `since` that is no date.", ("Bad since", BAD_SINCE), response=OpenApiTypes.OBJECT),
        },
    )
    def get(self, request):
        entries, with_status = self.entries(request, CSV_FIELDS)
        return self.stream(iter_csv(entries, with_status=with_status), "text/csv; charset=utf-8", "passports.csv")


@extend_schema(tags=["open data"])
class JsonLdExportView(ExportView):
    @extend_schema(
        operation_id="export_passports_jsonld",
        summary="Export published passports as JSON-LD",
        description=(
            "A schema.org `Dataset` with its `license` (CC BY 4.0), whose `mainEntity` lists every published (not "
            "withdrawn) passport, its current version, as a schema.org `Product` ordered by passport code. "
            "`additionalProperty` items carry a `propertyID` (grade, overall, the sub-scores, solingen, "
            "passport_version, content_hash, …) that does not depend on the language."
        ),
        parameters=[LanguageSerializer, SINCE, LICENSE_HEADER],
        responses={
            (200, "application/ld+json"): OpenApiResponse(
                OpenApiTypes.OBJECT,
                description="The JSON-LD document.",
                examples=[OpenApiExample("A dataset with one passport", value=passport_samples.OPEN_DATA_JSONLD)],
            ),
            400: openapi.error(
                "Unknown language, or a `since` that is no date.",
                ("Bad language", passport_samples.OPEN_DATA_BAD_LANGUAGE),
                ("Bad since", BAD_SINCE),
                response=OpenApiTypes.OBJECT,
            ),
        },
    )
    def get(self, request):
        options = LanguageSerializer(data=request.query_params)
        options.is_valid(raise_exception=True)
        entries, _with_status = self.entries(request)
        chunks = iter_jsonld(
            entries,
            generated_at=timezone.now().isoformat(timespec="seconds"),
            url=request.build_absolute_uri(request.path),
            language=options.validated_data["lang"],
        )
        return self.stream(chunks, "application/ld+json", "passports.jsonld")
