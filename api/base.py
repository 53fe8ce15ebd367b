"""What every API view shares: authentication order, the user's organisations, and codes read from URLs."""

from django.core.exceptions import ValidationError
from django.utils.functional import cached_property
from rest_framework.authentication import SessionAuthentication, TokenAuthentication
from rest_framework.exceptions import NotFound
from rest_framework.negotiation import BaseContentNegotiation
from rest_framework.permissions import IsAuthenticatedOrReadOnly

from products.identifiers import normalise_passport_code

from . import querysets
from .permissions import ReadOrMakerWrite


def passport_code_or_404(raw: str) -> str:
    """The canonical passport code from a URL, or 404: a mistyped code names no product."""
    try:
        return normalise_passport_code(raw)
    except ValidationError as error:
        raise NotFound() from error


class ScopedViewMixin:
    """Token first, so that an anonymous write answers 401 with a WWW-Authenticate header, not 403."""

    authentication_classes = [TokenAuthentication, SessionAuthentication]
    # IsAuthenticatedOrReadOnly is redundant with ReadOrMakerWrite but tells the schema that reads need no login.
    permission_classes = [IsAuthenticatedOrReadOnly, ReadOrMakerWrite]

    @cached_property
    def organisation_ids(self) -> frozenset[int]:
        return querysets.member_organisation_ids(self.request.user)

    def get_serializer_context(self):
        return {**super().get_serializer_context(), "organisation_ids": self.organisation_ids}


class FirstRenderer(BaseContentNegotiation):
    """Views that answer in one fixed format (a PDF, a CSV file) do not negotiate; their errors are JSON."""

    def select_parser(self, request, parsers):
        return parsers[0] if parsers else None

    def select_renderer(self, request, renderers, format_suffix=None):
        return renderers[0], renderers[0].media_type
