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

from catalogue.passports.services import publish_product
from products.models import Product
from tests.factories import (
    AssortmentItemFactory,
    CategoryFactory,
    EvidenceDocumentFactory,
    MakerMembershipFactory,
    RetailerMembershipFactory,
    complete_product,
)

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
    """A user who is a maker and a retailer, with a token, and products to aim the generated requests at."""

    def __init__(self):
        membership = MakerMembershipFactory()
        self.maker = membership.organisation
        self.token = Token.objects.create(user=membership.user).key
        self.category = CategoryFactory(slug="chefs-knives")
        self.published = complete_product(maker=self.maker)
        publish_product(self.published)
        self.retailer = RetailerMembershipFactory(user=membership.user).organisation
        AssortmentItemFactory(retailer=self.retailer, product=self.published)
        self.api = APIClient(HTTP_AUTHORIZATION=f"Token {self.token}")

    def aim(self, case) -> None:
        """Point path parameters at real objects of the user, and send a product's current ETag."""
        parameters = case.path_parameters or {}
        if "slug" in parameters and "/retailers/" in case.path:
            parameters["slug"] = self.retailer.slug
        if "code" in parameters:  # a public passport, or an item of the assortment
            parameters["code"] = self.published.passport_code
        if "number" in parameters:
            parameters["number"] = 1
        if not {"passport_code", "product_code"} & set(parameters):
            return
        product = complete_product(maker=self.maker, category=self.category)
        for name in ("passport_code", "product_code"):
            if name in parameters:
                parameters[name] = product.passport_code
        if "id" in parameters:
            parameters["id"] = EvidenceDocumentFactory(product=product).pk
        guarded = case.method.upper() in ("PUT", "PATCH", "DELETE") or case.path.endswith(("/publish/", "/withdraw/"))
        if guarded and "passport_code" in parameters:
            etag = self.api.get(f"/api/v1/products/{product.passport_code}/")["ETag"]
            case.headers = {**(case.headers or {}), "If-Match": etag}


@pytest.fixture
def world(db, settings, tmp_path):
    settings.ALLOWED_HOSTS = ["*"]
    settings.MEDIA_ROOT = tmp_path / "media"
    return World()


class InTransactionWSGIHandler(WSGIHandler):
    """Serves every request inside the test's transaction, as Django's test client does.

    The plain handler closes the database connection around each request, which ends the test's
    transaction (on PostgreSQL; an in-memory SQLite database is never closed). Django's test client
    connects those signal handlers again after each of its own requests, so they are taken off
    before every call rather than once.
    """

    def __call__(self, environ, start_response):
        signals.request_started.disconnect(close_old_connections)
        signals.request_finished.disconnect(close_old_connections)
        return super().__call__(environ, start_response)


@pytest.fixture
def api_schema(world):
    try:
        yield schemathesis.openapi.from_wsgi("/api/schema/?format=json", InTransactionWSGIHandler())
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


# Successful answers, aimed deliberately: random cases rarely get past validation to these.
SUCCESSES = [
    ("GET", "/api/v1/passports/", {}, {"page_size": 100}, None, 200),
    ("GET", "/api/v1/passports/{code}/", {}, {}, None, 200),
    ("GET", "/api/v1/passports/{code}/versions/", {}, {}, None, 200),
    ("GET", "/api/v1/passports/{code}/versions/{number}/", {}, {}, None, 200),
    ("GET", "/api/v1/lookup/", {}, {"code": "{code}"}, None, 200),
    ("GET", "/api/v1/products/{passport_code}/score/", {}, {}, None, 200),
    ("POST", "/api/v1/products/{passport_code}/publish/", {}, {}, None, 201),
    ("POST", "/api/v1/products/{passport_code}/withdraw/", {"published": True}, {}, None, 200),
    ("GET", "/api/v1/retailers/", {}, {}, None, 200),
    ("GET", "/api/v1/retailers/{slug}/assortment/", {}, {}, None, 200),
    ("GET", "/api/v1/retailers/{slug}/assortment/{code}/", {}, {}, None, 200),
    ("GET", "/api/v1/retailers/{slug}/reprints/", {}, {}, None, 200),
    ("POST", "/api/v1/retailers/{slug}/print/", {}, {}, {"scope": "all", "format": "labels"}, 200),
    ("GET", "/api/v1/export/passports.csv", {}, {}, None, 200),
    ("GET", "/api/v1/export/passports.jsonld", {}, {"lang": "en"}, None, 200),
]


@pytest.mark.parametrize(("method", "path", "options", "query", "body", "expected"), SUCCESSES)
def test_successful_answers_conform_to_the_schema(api_schema, world, method, path, options, query, body, expected):
    candidates = {
        "slug": world.retailer.slug,
        "code": world.published.passport_code,
        "number": 1,
        "passport_code": "replaced-by-aim",
    }
    case = api_schema[path][method].Case(
        path_parameters={name: value for name, value in candidates.items() if f"{{{name}}}" in path},
        query={name: str(value).format(code=world.published.passport_code) for name, value in query.items()},
        body=body if body is not None else schemathesis.core.NOT_SET,
        media_type="application/json" if body is not None else None,
    )
    world.aim(case)
    if options.get("published"):
        product = Product.objects.get(passport_code=case.path_parameters["passport_code"])
        publish_product(product)
        case.headers["If-Match"] = world.api.get(f"/api/v1/products/{product.passport_code}/")["ETag"]
    response = case.call_and_validate(checks=CHECKS, headers={"Authorization": f"Token {world.token}"})
    assert response.status_code == expected, response.text[:500]


def test_every_operation_is_exercised():
    operations = documented_operations()
    assert ("GET", "/api/v1/products/") in operations
    assert ("PATCH", "/api/v1/products/{passport_code}/") in operations
    assert ("POST", "/api/v1/products/import/") in operations
    assert ("POST", "/api/v1/products/{product_code}/evidence/") in operations
    assert ("POST", "/api/v1/products/{passport_code}/publish/") in operations
    assert ("GET", "/api/v1/passports/{code}/versions/{number}/") in operations
    assert ("GET", "/api/v1/lookup/") in operations
    assert ("POST", "/api/v1/retailers/{slug}/print/") in operations
    assert ("GET", "/api/v1/export/passports.jsonld") in operations
