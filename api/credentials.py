"""GET /api/v1/passports/<code>/versions/<n>/credential: a version as a W3C Verifiable Credential.

Plain JSON (or no Accept header) answers the credential itself; ``Accept: application/vc+jwt`` answers the
signed JWT (VC-JOSE), the form a verifier checks (docs/credentials.md).
"""

import base64
import json

from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiExample, OpenApiParameter, OpenApiResponse, extend_schema
from rest_framework.exceptions import NotFound
from rest_framework.permissions import AllowAny
from rest_framework.renderers import BaseRenderer, JSONRenderer
from rest_framework.response import Response
from rest_framework.views import APIView

from catalogue.credentials.keys import SigningKeyMissing
from catalogue.credentials.selectors import public_version
from catalogue.credentials.services import signed_credential
from catalogue.credentials.signing import MEDIA_TYPE

from . import passport_samples
from .base import passport_code_or_404


class VcJwtRenderer(BaseRenderer):
    """The compact JWT as the body, ``Content-Type: application/vc+jwt``."""

    media_type = MEDIA_TYPE
    format = "jwt"
    charset = None

    def render(self, data, accepted_media_type=None, renderer_context=None):
        if isinstance(data, str):
            return data.encode("ascii")
        return json.dumps(data).encode("utf-8")  # an error's detail, which has no JWT form


def _payload(token: str) -> dict:
    segment = token.split(".")[1]
    return json.loads(base64.urlsafe_b64decode(segment + "=" * (-len(segment) % 4)))


class CredentialView(APIView):
    permission_classes = [AllowAny]
    authentication_classes = []  # public and read only, like the lookup
    renderer_classes = [JSONRenderer, VcJwtRenderer]

    @extend_schema(
        operation_id="passport_version_credential",
        summary="Get one version of a passport as a verifiable credential",
        description=(
            "The version as a W3C Verifiable Credential (Data Model 2.0) in UNTP's Digital Product Passport "
            "format. `Accept: application/vc+jwt` returns the JWT signed with the key named by its `kid` "
            "(published at /.well-known/did.json); otherwise the credential's JSON, which is the JWT's payload."
        ),
        parameters=[
            OpenApiParameter("code", OpenApiTypes.STR, OpenApiParameter.PATH, description="The passport code."),
            OpenApiParameter("number", OpenApiTypes.INT, OpenApiParameter.PATH, description="The version number."),
        ],
        responses={
            (200, "application/json"): OpenApiTypes.OBJECT,
            (200, MEDIA_TYPE): OpenApiTypes.STR,
            404: OpenApiResponse(description="No such published version."),
            503: OpenApiResponse(description="The catalogue has no signing key configured."),
        },
        examples=[
            OpenApiExample(
                "A credential",
                value=passport_samples.CREDENTIAL,
                response_only=True,
                status_codes=[200],
                media_type="application/json",
            )
        ],
    )
    def get(self, request, code, number):
        version = public_version(passport_code_or_404(code), int(number))
        if version is None:
            raise NotFound()
        try:
            token = signed_credential(version)
        except SigningKeyMissing:
            return Response({"detail": "This catalogue has no signing key configured."}, status=503)
        if request.accepted_renderer.media_type == MEDIA_TYPE:
            return Response(token, content_type=MEDIA_TYPE)
        return Response(_payload(token))
