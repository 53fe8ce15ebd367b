"""The OpenAPI layer: an AutoSchema that adds what repeats, and the parameters and responses views share.

Views declare only what is their own (summary, description, their serializers, the errors of their
own logic). The AutoSchema adds, wherever they apply and unless a view declares the same status:

- 401 where the operation's security offers no anonymous access (the permissions ask for a login)
  and the first authenticator sends a WWW-Authenticate challenge, without which DRF answers 403;
- 403 for the view's ``maker_only_actions``, which ``ReadOrMakerWrite`` keeps to makers;
- 404 where the path names an object, and on paginated lists (a page beyond the last);
- 400 on lists filtered by django-filter, whose FilterSets refuse a bad value per query parameter;
- the If-Match header with 412 and 428 for the view's ``if_match_actions``, the actions that call
  ``api.etag.require_if_match``;
- the descriptions of the path parameters listed in the view's ``schema_path_parameters``.

Examples of bodies live on the serializers (``@extend_schema_serializer``); their values, like the
error bodies below, come from api/samples.py.
"""

import uritemplate
from django_filters.rest_framework import DjangoFilterBackend
from drf_spectacular import openapi
from drf_spectacular.types import OpenApiTypes
from drf_spectacular.utils import OpenApiExample, OpenApiParameter, OpenApiResponse

from . import samples
from .permissions import ReadOrMakerWrite
from .serializers import ErrorSerializer

# ---------- Parameters ----------

CODE_HELP = "case, hyphens and the confusable letters O, I and L are tolerated."
CODE_EXAMPLES = [OpenApiExample("Passport code", value=samples.CODE)]
PASSPORT_CODE = OpenApiParameter(
    "passport_code",
    OpenApiTypes.STR,
    OpenApiParameter.PATH,
    description=f"The product's passport code; {CODE_HELP}",
    examples=CODE_EXAMPLES,
)
PRODUCT_CODE = OpenApiParameter(
    "product_code",
    OpenApiTypes.STR,
    OpenApiParameter.PATH,
    description="Passport code of the product the evidence belongs to.",
    examples=CODE_EXAMPLES,
)
PUBLIC_PASSPORT_CODE = OpenApiParameter(
    "code",
    OpenApiTypes.STR,
    OpenApiParameter.PATH,
    description=f"The passport code; {CODE_HELP}",
    examples=CODE_EXAMPLES,
)
EVIDENCE_ID = OpenApiParameter("id", OpenApiTypes.INT, OpenApiParameter.PATH, description="Id of the evidence.")
IF_MATCH = OpenApiParameter(
    "If-Match",
    OpenApiTypes.STR,
    OpenApiParameter.HEADER,
    required=True,
    description=(
        "The ETag from your last GET of the product. A missing header answers 428, an outdated one 412, "
        "so that no change is overwritten silently."
    ),
    examples=[OpenApiExample("ETag", value=samples.ETAG)],
)
ETAG = OpenApiParameter(
    "ETag",
    OpenApiTypes.STR,
    OpenApiParameter.HEADER,
    response=[200, 201],
    description="Strong ETag of this representation; send it back in If-Match when you change the product.",
)
LOCATION = OpenApiParameter(
    "Location", OpenApiTypes.URI, OpenApiParameter.HEADER, response=[201], description="URL of the new product."
)
EVIDENCE_LOCATION = OpenApiParameter(
    "Location", OpenApiTypes.URI, OpenApiParameter.HEADER, response=[201], description="URL of the new evidence."
)
VERSION_LOCATION = OpenApiParameter(
    "Location",
    OpenApiTypes.URI,
    OpenApiParameter.HEADER,
    response=[201],
    description="Permanent URL of the new passport version.",
)

# ---------- Responses ----------


def error(description: str, *examples: tuple[str, dict], response=ErrorSerializer) -> OpenApiResponse:
    """A documented error: its body, what it means, and named examples of it."""
    return OpenApiResponse(
        response, description=description, examples=[OpenApiExample(name, value=value) for name, value in examples]
    )


UNAUTHENTICATED = error(
    "Not signed in: send `Authorization: Token <key>` or use a session.", ("Not signed in", samples.NOT_SIGNED_IN)
)
FORBIDDEN = error(
    "Signed in, but only members of a maker organisation can do this.", ("Not a maker", samples.NOT_A_MAKER)
)
NOT_FOUND = error("No such object, or it is outside what you may see or change.", ("Not found", samples.NOT_FOUND))
PAGE_NOT_FOUND = error("The page number is beyond the last page.", ("No such page", samples.NO_SUCH_PAGE))
NOT_FOUND_OR_PAGE = error(
    "No such object, or it is outside what you may see; or the page number is beyond the last page.",
    ("Not found", samples.NOT_FOUND_PLAIN),
    ("No such page", samples.NO_SUCH_PAGE),
)
PRECONDITION_FAILED = error(
    "The product changed since you read it (your If-Match is outdated). GET it again and retry.",
    ("Stale ETag", samples.STALE_ETAG),
)
PRECONDITION_REQUIRED = error("If-Match is missing.", ("No If-Match", samples.NO_IF_MATCH))
NOT_PUBLISHED = error("The product has never been published.", ("Never published", samples.NEVER_PUBLISHED))
CONFLICT = error(
    "A product with published passport versions cannot be deleted; withdraw its passport instead.",
    ("Published", samples.STILL_PUBLISHED),
)
VALIDATION_ERROR = error(
    "Invalid input. Errors are given per field; errors of list items are keyed by the item's 0-based "
    "index. Errors of field types come first; the models' own rules are checked once the types are right.",
    ("Per-field errors", samples.VALIDATION_ERROR),
    response=OpenApiTypes.OBJECT,
)
FILTER_ERROR = error(
    "A filter value is invalid; errors are given per query parameter.",
    ("Bad filter", samples.FILTER_ERROR),
    response=OpenApiTypes.OBJECT,
)


# ---------- The AutoSchema ----------


class AutoSchema(openapi.AutoSchema):
    """drf-spectacular's AutoSchema with the parameters and responses that follow from the view (module doc)."""

    def get_override_parameters(self):
        # Declared parameters come later and win, as their keys are the same.
        variables = set(uritemplate.variables(self.path))
        shared = [
            parameter for parameter in getattr(self.view, "schema_path_parameters", ()) if parameter.name in variables
        ]
        if self.requires_if_match():
            shared.append(IF_MATCH)
        return [*shared, *super().get_override_parameters()]

    def _get_response_bodies(self, direction="response"):
        responses = super()._get_response_bodies(direction)
        if direction != "response":
            return responses
        for status_code, response in self.shared_responses().items():
            if str(status_code) not in responses:
                responses[str(status_code)] = self._get_response_for_code(response, str(status_code))
        return dict(sorted(responses.items()))

    def shared_responses(self) -> dict[int, OpenApiResponse]:
        responses = {}
        if self.requires_login():
            responses[401] = UNAUTHENTICATED
        if self.view_action() in getattr(self.view, "maker_only_actions", ()) and any(
            isinstance(permission, ReadOrMakerWrite) for permission in self.view.get_permissions()
        ):
            responses[403] = FORBIDDEN
        names_object = bool(uritemplate.variables(self.path))
        paginated = self._is_list_view() and self._get_paginator() is not None
        if names_object and paginated:
            responses[404] = NOT_FOUND_OR_PAGE
        elif names_object:
            responses[404] = NOT_FOUND
        elif paginated:
            responses[404] = PAGE_NOT_FOUND
        if self.requires_if_match():
            responses[412] = PRECONDITION_FAILED
            responses[428] = PRECONDITION_REQUIRED
        if self._is_list_view() and any(
            issubclass(backend, DjangoFilterBackend) for backend in getattr(self.view, "filter_backends", ())
        ):
            responses[400] = FILTER_ERROR
        return responses

    def view_action(self) -> str | None:
        """The viewset action, or None for a plain APIView."""
        return getattr(self.view, "action", None)

    def requires_login(self) -> bool:
        """Whether an anonymous request is refused with 401, as the operation's security says.

        ``get_auth`` lists an empty requirement (anonymous access) for AllowAny, and for reads under
        IsAuthenticatedOrReadOnly; without it a login is needed. DRF answers 401 (not 403) only when
        the first authenticator sends a WWW-Authenticate challenge, as TokenAuthentication does.
        """
        if {} in self.get_auth():
            return False
        authenticators = self.view.get_authenticators()
        return bool(authenticators) and bool(authenticators[0].authenticate_header(getattr(self.view, "request", None)))

    def requires_if_match(self) -> bool:
        return self.view_action() in getattr(self.view, "if_match_actions", ())
