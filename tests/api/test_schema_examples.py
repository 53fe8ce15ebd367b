"""The OpenAPI schema agrees with the code: its examples with their serializers, its responses with the API.

Every request example must validate with its request serializer and use only fields it writes;
every response example must have exactly the keys its response serializer declares, nested parts
included. The sample data behind the examples (api/samples.py, api/passport_samples.py) is also
sent to the API and compared with what it answers, and the responses that api/openapi.py adds
(401, 404, 412/428) are checked against what the API really does.
"""

import re
from typing import NamedTuple

import pytest
from django.core.management import call_command
from drf_spectacular.drainage import get_override
from drf_spectacular.generators import SchemaGenerator
from drf_spectacular.plumbing import ResolvedComponent, force_instance
from rest_framework import serializers
from rest_framework.test import APIRequestFactory

from api import passport_samples, samples
from api.etag import PreconditionFailed, PreconditionRequired
from catalogue.passports.services import publish_product
from tests.api.conftest import english_client, etag_of, token_client
from tests.factories import (
    CategoryFactory,
    EvidenceDocumentFactory,
    MakerMembershipFactory,
    ProductFactory,
    RetailerMembershipFactory,
    complete_product,
)

HTTP_METHODS = ("get", "post", "put", "patch", "delete")


class Example(NamedTuple):
    method: str
    path: str
    status: str | None  # None for a request example
    schema: dict
    name: str
    value: object

    @property
    def id(self) -> str:
        return f"{self.method.upper()} {self.path} {self.status or 'request'} {self.name}"


def generate():
    generator = SchemaGenerator()
    return generator.get_schema(request=None, public=True), generator.registry


DOCUMENT, REGISTRY = generate()


def operations():
    for path, item in DOCUMENT["paths"].items():
        for method in HTTP_METHODS:
            if method in item:
                yield method, path, item[method]


def json_examples() -> list[Example]:
    found = []
    for method, path, operation in operations():
        bodies = [(None, operation.get("requestBody", {}))]
        bodies += [(status, response) for status, response in operation["responses"].items()]
        for status, body in bodies:
            for media_type, content in body.get("content", {}).items():
                if "json" not in media_type:
                    continue
                for name, example in content.get("examples", {}).items():
                    found.append(Example(method, path, status, content.get("schema", {}), name, example["value"]))
    return found


EXAMPLES = json_examples()


def component(reference: str) -> ResolvedComponent:
    return REGISTRY[(reference.rsplit("/", 1)[-1], ResolvedComponent.SCHEMA)]


def serializer_and_items(schema: dict, value) -> tuple[serializers.Serializer | None, list]:
    """The serializer behind a body's schema, and the example's objects it describes (list rows unwrapped)."""
    if schema.get("type") == "array" and "$ref" in schema.get("items", {}):
        assert isinstance(value, list) and value, "a list example shows at least one row"
        return component(schema["items"]["$ref"]).object, value
    if "$ref" not in schema:
        return None, []
    resolved = component(schema["$ref"])
    if "results" in resolved.schema.get("properties", {}):  # a page of a paginated list
        assert set(value) == set(resolved.schema["properties"]), "a page has the paginator's keys"
        assert value["results"], "a list example shows at least one row"
        return resolved.object, value["results"]
    return resolved.object, [value]


def nested(field) -> tuple[serializers.Serializer | None, bool]:
    """The serializer of a nested field (also one documented with @extend_schema_field), and whether it is a list."""
    if isinstance(field, serializers.ListSerializer):
        return field.child, True
    if isinstance(field, serializers.BaseSerializer):
        return field, False
    documented = force_instance(get_override(field, "field"))
    return (documented, False) if isinstance(documented, serializers.BaseSerializer) else (None, False)


def check_keys(serializer, value, where: str, *, request: bool) -> None:
    """Response: exactly the keys the serializer writes. Request: only keys it reads. Nested parts alike."""
    fields = {
        name: field
        for name, field in serializer.fields.items()
        if not (field.read_only if request else field.write_only)
    }
    assert isinstance(value, dict), f"{where}: expected an object"
    if request:
        assert set(value) <= set(fields), (
            f"{where}: not fields of {type(serializer).__name__}: {set(value) - set(fields)}"
        )
    else:
        assert set(value) == set(fields), (
            f"{where}: {type(serializer).__name__} has {sorted(set(fields) - set(value))} more, "
            f"the example {sorted(set(value) - set(fields))} more"
        )
    for name, item in value.items():
        child, many = nested(fields[name])
        if child is None or item is None:
            continue
        for index, part in enumerate(item if many else [item]):
            check_keys(child, part, f"{where}.{name}" + (f"[{index}]" if many else ""), request=request)


@pytest.fixture
def writer(db):
    """A maker's member with a product, and the category the product samples name."""
    membership = MakerMembershipFactory()
    CategoryFactory(slug=samples.CATEGORY_SUMMARY["slug"])
    return membership, ProductFactory(maker=membership.organisation)


def request_kwargs(method: str, writer) -> dict:
    """How the view builds a request serializer: its context and, for PUT and PATCH, the product it changes."""
    membership, product = writer
    request = APIRequestFactory().post("/")
    request.user = membership.user
    context = {"request": request, "organisation_ids": frozenset({membership.organisation_id}), "product": product}
    if method in ("put", "patch"):
        return {"context": context, "instance": product, "partial": method == "patch"}
    return {"context": context}


def test_every_json_body_has_an_example():
    with_examples = {(example.method, example.path, example.status) for example in EXAMPLES}
    bodies = {
        (method, path, status)
        for method, path, operation in operations()
        for status, body in [(None, operation.get("requestBody", {})), *operation["responses"].items()]
        if "application/json" in body.get("content", {})
    }
    assert bodies - with_examples == set()
    assert ("patch", "/api/v1/products/{passport_code}/", None) in bodies


@pytest.mark.parametrize("example", EXAMPLES, ids=[example.id for example in EXAMPLES])
def test_example_agrees_with_its_serializer(example, request):
    serializer, items = serializer_and_items(example.schema, example.value)
    if serializer is None:
        # A free-form body (per-field errors, the JSON-LD export): nothing declares its keys.
        assert example.schema.get("type") == "object", f"{example.id}: no serializer behind {example.schema}"
        return
    for index, item in enumerate(items):
        check_keys(serializer, item, f"{example.id}[{index}]", request=example.status is None)
    if example.status is None:
        writer = request.getfixturevalue("writer")
        bound = type(serializer)(data=example.value, **request_kwargs(example.method, writer))
        assert bound.is_valid(), f"{example.id}: {bound.errors}"


def test_the_schema_validates_without_warnings(tmp_path):
    call_command("spectacular", "--validate", "--fail-on-warn", "--lang", "en", "--file", str(tmp_path / "schema.yml"))


# ---------- The samples against the API ----------


def shape(value):
    """Keys all the way down; of a list, the shape of its first item."""
    if isinstance(value, dict):
        return {key: shape(item) for key, item in value.items()}
    if isinstance(value, list):
        return [shape(value[0])] if value else []
    return None


def shape_difference(answer, sample, where: str = "") -> str:
    """Where the answer's keys differ from the sample's, nested alike ("" where none do); an empty list or a null
    matches anything."""
    if isinstance(answer, dict) and isinstance(sample, dict):
        if answer.keys() != sample.keys():
            return (
                f"{where or 'top'}: the answer has {sorted(answer.keys() - sample.keys())} more, "
                f"the sample {sorted(sample.keys() - answer.keys())} more"
            )
        return next(
            (found for key in answer if (found := shape_difference(answer[key], sample[key], f"{where}.{key}"))), ""
        )
    if isinstance(answer, list) and isinstance(sample, list):
        return shape_difference(answer[0], sample[0], f"{where}[0]") if answer and sample else ""
    scalars = not isinstance(answer, dict | list) and not isinstance(sample, dict | list)
    return "" if answer is None or sample is None or scalars else f"{where}: {type(answer).__name__} in the answer"


def same_shape(answer, sample) -> bool:
    return not shape_difference(answer, sample)


def test_the_product_samples_make_a_product_shaped_like_the_samples(maker_api_client, maker):
    CategoryFactory(slug=samples.CATEGORY_SUMMARY["slug"])
    created = maker_api_client.post("/api/v1/products/", samples.PRODUCT_WRITE, format="json")
    assert created.status_code == 201, created.content
    assert same_shape(created.json(), samples.PRODUCT_DETAIL), shape(created.json())
    code = created.json()["passport_code"]

    changed = maker_api_client.patch(
        f"/api/v1/products/{code}/", samples.PRODUCT_PATCH, format="json", headers={"If-Match": created["ETag"]}
    )
    assert changed.status_code == 200, changed.content
    assert changed.json()["materials"] == samples.PRODUCT_PATCH["materials"]
    rows = maker_api_client.get("/api/v1/products/").json()["results"]
    assert same_shape(rows[0], samples.PRODUCT_ROW)


def test_a_published_product_is_shaped_like_the_passport_samples(clients, maker, retailer_membership):
    product = complete_product(maker=maker, gtin=samples.GTIN)
    etag = etag_of(clients["maker"], product)
    published = clients["maker"].post(f"/api/v1/products/{product.passport_code}/publish/", headers={"If-Match": etag})
    assert published.status_code == 201, published.content
    assert same_shape(published.json(), passport_samples.PASSPORT_VERSION)
    anonymous = clients["anonymous"]
    assert same_shape(anonymous.get(f"/api/v1/lookup/?code={samples.GTIN}").json(), passport_samples.LOOKUP)
    assert same_shape(anonymous.get("/api/v1/passports/").json()["results"][0], passport_samples.PASSPORT_ROW)
    versions = anonymous.get(f"/api/v1/passports/{product.passport_code}/versions/").json()["results"]
    assert same_shape(versions[0], passport_samples.PASSPORT_VERSION_ROW)
    credential = anonymous.get(f"/api/v1/passports/{product.passport_code}/versions/1/credential/").json()
    # Empty parts are left out of a credential, so the sample (a product with everything) has every key the answer has.
    sample_credential = passport_samples.CREDENTIAL
    assert credential.keys() == sample_credential.keys()
    assert credential["credentialSubject"].keys() <= sample_credential["credentialSubject"].keys()
    assert credential["credentialSubject"]["product"].keys() <= sample_credential["credentialSubject"]["product"].keys()
    score = clients["maker"].get(f"/api/v1/products/{product.passport_code}/score/").json()
    assert not shape_difference(score, passport_samples.PRODUCT_SCORE), shape_difference(
        score, passport_samples.PRODUCT_SCORE
    )

    retailer = clients["retailer"]
    slug = retailer_membership.organisation.slug
    assert same_shape(retailer.get(f"/api/v1/retailers/{slug}/").json(), samples.RETAILER)
    added = retailer.post(f"/api/v1/retailers/{slug}/assortment/", samples.ADD_ITEM, format="json")
    assert added.status_code == 201, added.content
    assert same_shape(added.json(), samples.ASSORTMENT_ITEM)


def test_the_error_samples_are_what_the_api_answers(clients, product):
    url = f"/api/v1/products/{product.passport_code}/"
    assert clients["anonymous"].get(url).json() == samples.NOT_SIGNED_IN
    assert clients["retailer"].post("/api/v1/products/", {}, format="json").json() == samples.NOT_A_MAKER
    assert clients["maker"].patch(url, {}, format="json").json() == samples.NO_IF_MATCH
    stale = clients["maker"].patch(url, {}, format="json", headers={"If-Match": samples.ETAG})
    assert stale.json() == samples.STALE_ETAG
    assert samples.NO_IF_MATCH["detail"] == str(PreconditionRequired.default_detail)
    assert samples.STALE_ETAG["detail"] == str(PreconditionFailed.default_detail)
    assert clients["maker"].get("/api/v1/products/?page=99").json() == samples.NO_SUCH_PAGE
    published = complete_product(maker=product.maker)
    publish_product(published)
    url = f"/api/v1/products/{published.passport_code}/"
    deleted = clients["maker"].delete(url, headers={"If-Match": etag_of(clients["maker"], published)})
    assert deleted.json() == samples.STILL_PUBLISHED


# ---------- The responses the AutoSchema adds, against the API ----------


def filled(path: str, values: dict) -> str:
    return re.sub(r"\{(\w+)\}", lambda match: str(values.get(match.group(1), "unknown")), path)


def answers(client, method: str, path: str, values: dict) -> int:
    """The status of a request with an empty body, path parameters taken from ``values``."""
    return getattr(client, method)(filled(path, values), {} if method != "get" else None, format="json").status_code


def mismatches(documented: str, check) -> list[str]:
    """Operations where whether ``documented`` is listed and whether ``check(method, path)`` holds differ."""
    return [
        f"{method.upper()} {path}"
        for method, path, operation in operations()
        if (documented in operation["responses"]) != check(method, path)
    ]


def test_401_is_documented_where_anonymous_requests_get_it(clients, product):
    values = {
        "passport_code": product.passport_code,
        "product_code": product.passport_code,
        "code": product.passport_code,
        "job_id": 1,  # an int path converter: "unknown" would not route at all
    }
    assert mismatches("401", lambda method, path: answers(clients["anonymous"], method, path, values) == 401) == []


def test_if_match_is_documented_where_a_write_without_it_answers_428(maker_api_client, product):
    values = {
        "passport_code": product.passport_code,
        "product_code": product.passport_code,
        "id": EvidenceDocumentFactory(product=product).pk,
    }

    def needs_if_match(method, path):
        return method != "get" and answers(maker_api_client, method, path, values) == 428

    assert mismatches("428", needs_if_match) == []
    guarded = [(method, path) for method, path, operation in operations() if "412" in operation["responses"]]
    assert all(
        any(parameter["name"] == "If-Match" for parameter in DOCUMENT["paths"][path][method]["parameters"])
        for method, path in guarded
    )
    assert len(guarded) == 5


def test_404_is_documented_where_the_path_names_an_unknown_object(db):
    membership = MakerMembershipFactory()
    RetailerMembershipFactory(user=membership.user)
    client = token_client(membership.user)
    unknown = {"passport_code": "K7QX2M9W", "product_code": "K7QX2M9W", "code": "K7QX2M9W", "id": 1, "number": 1}
    named = [(method, path) for method, path, _operation in operations() if "{" in path]
    assert [
        f"{method.upper()} {path}"
        for method, path in named
        if answers(client, method, path, unknown) != 404 or "404" not in DOCUMENT["paths"][path][method]["responses"]
    ] == []
    assert english_client().get("/api/v1/makers/?page=2").status_code == 404
