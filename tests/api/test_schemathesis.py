"""Property-based run of Schemathesis against the OpenAPI schema: no 5xx, every response as documented.

Schemathesis' own pytest plugin does not work with pytest 9 yet, so each documented operation is a
parametrized test that draws cases from Schemathesis' Hypothesis strategy and calls the WSGI app.
"""

import pytest
import schemathesis
from django.core import signals
from django.core.handlers.wsgi import WSGIHandler
from django.db import close_old_connections
from drf_spectacular.generators import SchemaGenerator
from hypothesis import HealthCheck, given
from hypothesis import settings as hypothesis_settings
from hypothesis import strategies as st
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient
from schemathesis import GenerationMode
from schemathesis.checks import not_a_server_error
from schemathesis.specs.openapi.checks import (
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
    status_code_conformance,
)

from products.models import Product
from tests.factories import CategoryFactory, EvidenceDocumentFactory, MakerMembershipFactory, complete_product

CHECKS = [
    not_a_server_error,
    status_code_conformance,
    content_type_conformance,
    response_headers_conformance,
    response_schema_conformance,
]
HTTP_METHODS = {"get", "post", "put", "patch", "delete"}
EXAMPLES_PER_OPERATION = 15


def documented_operations() -> list[tuple[str, str]]:
    """(method, path) of every documented operation, read from the schema generator at collection."""
    document = SchemaGenerator().get_schema(request=None, public=True)
    return [
        (method.upper(), path) for path, item in document["paths"].items() for method in item if method in HTTP_METHODS
    ]


class World:
    """A maker with a token and products to aim the generated requests at."""

    def __init__(self):
        membership = MakerMembershipFactory()
        self.maker = membership.organisation
        self.token = Token.objects.create(user=membership.user).key
        self.category = CategoryFactory(slug="chefs-knives")
        complete_product(maker=self.maker, status=Product.Status.PUBLISHED)
        self.api = APIClient(HTTP_AUTHORIZATION=f"Token {self.token}")

    def aim(self, case) -> None:
        """Point path parameters at a fresh product of the maker and send its current ETag."""
        parameters = case.path_parameters or {}
        if not {"passport_code", "product_code"} & set(parameters):
            return
        product = complete_product(maker=self.maker, category=self.category)
        for name in ("passport_code", "product_code"):
            if name in parameters:
                parameters[name] = product.passport_code
        if "id" in parameters:
            parameters["id"] = EvidenceDocumentFactory(product=product).pk
        if case.method.upper() in ("PUT", "PATCH", "DELETE") and "passport_code" in parameters:
            etag = self.api.get(f"/api/v1/products/{product.passport_code}/")["ETag"]
            case.headers = {**(case.headers or {}), "If-Match": etag}


@pytest.fixture
def world(db, settings, tmp_path):
    settings.ALLOWED_HOSTS = ["*"]
    settings.MEDIA_ROOT = tmp_path / "media"
    return World()


@pytest.fixture
def api_schema(world):
    # The WSGI handler closes the database connection after each request, which would end the
    # test's transaction; Django's test client avoids that in the same way.
    signals.request_started.disconnect(close_old_connections)
    signals.request_finished.disconnect(close_old_connections)
    try:
        yield schemathesis.openapi.from_wsgi("/api/schema/?format=json", WSGIHandler())
    finally:
        signals.request_started.connect(close_old_connections)
        signals.request_finished.connect(close_old_connections)


@pytest.mark.parametrize(("method", "path"), documented_operations())
def test_operation_conforms_to_the_schema(api_schema, world, method, path):
    operation = api_schema[path][method]
    strategy = st.one_of(
        operation.as_strategy(generation_mode=GenerationMode.POSITIVE),
        operation.as_strategy(generation_mode=GenerationMode.NEGATIVE),
    )

    @given(case=strategy, signed_in=st.booleans())
    @hypothesis_settings(
        max_examples=EXAMPLES_PER_OPERATION,
        deadline=None,
        derandomize=True,
        database=None,
        suppress_health_check=list(HealthCheck),
    )
    def check(case, signed_in):
        world.aim(case)
        headers = {"Authorization": f"Token {world.token}"} if signed_in else None
        case.call_and_validate(checks=CHECKS, headers=headers)

    check()


def test_every_operation_is_exercised():
    operations = documented_operations()
    assert ("GET", "/api/v1/products/") in operations
    assert ("PATCH", "/api/v1/products/{passport_code}/") in operations
    assert ("POST", "/api/v1/products/import/") in operations
    assert ("POST", "/api/v1/products/{product_code}/evidence/") in operations
