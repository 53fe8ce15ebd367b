"""GET /api/v1/lookup?code=…: the current published passport for a GTIN, passport code or Digital Link."""

from django.http import HttpResponse
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiExample, OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework.permissions import AllowAny
from rest_framework.renderers import JSONRenderer
from rest_framework.response import Response
from rest_framework.views import APIView

from catalogue.public.lookup import CodeLookupError, lookup, lookup_json

from .base import FirstRenderer
from .passport_serializers import LookupErrorSerializer, LookupSerializer


class LookupView(APIView):
    """Look up a passport the way a consumer does: one code, typed loosely or pasted as a link."""

    permission_classes = [AllowAny]
    renderer_classes = [JSONRenderer]  # the answer is always JSON (errors too)
    content_negotiation_class = FirstRenderer  # the answer is always JSON: nothing to negotiate
    # Anonymous and read only: no session needed, so no CSRF or session lookup either.
    authentication_classes = []

    @extend_schema(
        operation_id="lookup",
        summary="Look up the current passport by GTIN, passport code or Digital Link",
        description=(
            "What a consumer's scan or typed code finds: the current published (or withdrawn) version with its "
            "frozen snapshot. Open to everyone without a session; anonymous clients are throttled."
        ),
        parameters=[
            OpenApiParameter(
                "code",
                OpenApiTypes.STR,
                OpenApiParameter.QUERY,
                required=True,
                description=(
                    "A GTIN/EAN/UPC (8, 12, 13 or 14 digits; spaces and hyphens allowed), a passport code "
                    "(case, hyphens and O/I/L tolerated), a whole GS1 Digital Link URL, or scanner output: "
                    "an AIM symbology identifier (]E0, ]C1, ]Q3 …) and a GS1 element string ((01)… or 01…)."
                ),
                examples=[
                    OpenApiExample("EAN-13", value="4006381333931"),
                    OpenApiExample("Passport code", value="k7qx-2m9c"),
                    OpenApiExample("Digital Link", value="https://example.org/01/04006381333931"),
                    OpenApiExample("GS1-128 scan", value="]C1010400638133393110LOT-7"),
                ],
            )
        ],
        responses={
            200: OpenApiResponse(LookupSerializer, description="The current version and its frozen snapshot."),
            400: OpenApiResponse(
                LookupErrorSerializer, description="Not a valid code; `detail` says what is expected."
            ),
            404: OpenApiResponse(LookupErrorSerializer, description="No published passport has this code."),
        },
        tags=["passports"],
    )
    def get(self, request):
        try:
            version = lookup(request.query_params.get("code", ""))
        except CodeLookupError as error:
            return Response({"detail": error.message, "code": error.code}, status=error.status)
        # Pre-rendered JSON: the stored snapshot is passed through as it is, not decoded and encoded again.
        return HttpResponse(lookup_json(version), content_type="application/json")
