"""The permission matrix: every role against every endpoint and method (DESIGN.md §7)."""

import io

import pytest
from django.test import override_settings

from catalogue.models import PassportVersion
from products.models import EvidenceDocument, Product
from tests.api.conftest import ROLES, english_client, etag_of
from tests.factories import CategoryFactory, EvidenceDocumentFactory, ProductFactory


def product_body(world):
    return {"name": "Schere 21 cm", "category_slug": world["category"].slug}


def csv_upload():
    upload = io.BytesIO(b"name,category\nSchere 21 cm,matrix-category\n")
    upload.name = "products.csv"
    return upload


# (name, method, path template, body, content format, expected status per role)
# Paths name objects of maker A: a published product, a draft, and their evidence.
MATRIX = [
    (
        "list products",
        "get",
        "/api/v1/products/",
        None,
        None,
        {"anonymous": 200, "maker_a": 200, "maker_b": 200, "retailer": 200, "staff": 200},
    ),
    (
        "get published",
        "get",
        "/api/v1/products/{published}/",
        None,
        None,
        {"anonymous": 200, "maker_a": 200, "maker_b": 200, "retailer": 200, "staff": 200},
    ),
    (
        "get draft",
        "get",
        "/api/v1/products/{draft}/",
        None,
        None,
        {"anonymous": 404, "maker_a": 200, "maker_b": 404, "retailer": 404, "staff": 200},
    ),
    (
        "create product",
        "post",
        "/api/v1/products/",
        product_body,
        "json",
        {"anonymous": 401, "maker_a": 201, "maker_b": 201, "retailer": 403, "staff": 403},
    ),
    (
        "put draft",
        "put",
        "/api/v1/products/{draft}/",
        product_body,
        "json",
        {"anonymous": 401, "maker_a": 200, "maker_b": 404, "retailer": 404, "staff": 404},
    ),
    (
        "patch draft",
        "patch",
        "/api/v1/products/{draft}/",
        {"name": "Neu"},
        "json",
        {"anonymous": 401, "maker_a": 200, "maker_b": 404, "retailer": 404, "staff": 404},
    ),
    (
        "patch published",
        "patch",
        "/api/v1/products/{published}/",
        {"name": "Neu"},
        "json",
        {"anonymous": 401, "maker_a": 200, "maker_b": 404, "retailer": 404, "staff": 404},
    ),
    (
        "delete draft",
        "delete",
        "/api/v1/products/{draft}/",
        None,
        None,
        {"anonymous": 401, "maker_a": 204, "maker_b": 404, "retailer": 404, "staff": 404},
    ),
    (
        "delete with passport",
        "delete",
        "/api/v1/products/{versioned}/",
        None,
        None,
        {"anonymous": 401, "maker_a": 409, "maker_b": 404, "retailer": 404, "staff": 404},
    ),
    (
        "import",
        "post",
        "/api/v1/products/import/",
        lambda world: {"file": csv_upload()},
        "multipart",
        {"anonymous": 401, "maker_a": 201, "maker_b": 201, "retailer": 403, "staff": 403},
    ),
    (
        "list evidence of published",
        "get",
        "/api/v1/products/{published}/evidence/",
        None,
        None,
        {"anonymous": 200, "maker_a": 200, "maker_b": 200, "retailer": 200, "staff": 200},
    ),
    (
        "list evidence of draft",
        "get",
        "/api/v1/products/{draft}/evidence/",
        None,
        None,
        {"anonymous": 404, "maker_a": 200, "maker_b": 404, "retailer": 404, "staff": 200},
    ),
    (
        "get evidence of draft",
        "get",
        "/api/v1/products/{draft}/evidence/{evidence}/",
        None,
        None,
        {"anonymous": 404, "maker_a": 200, "maker_b": 404, "retailer": 404, "staff": 200},
    ),
    (
        "add evidence to published",
        "post",
        "/api/v1/products/{published}/evidence/",
        {"title": "Prüfbericht", "claim": "durability", "url": "https://example.org/report.pdf"},
        "json",
        {"anonymous": 401, "maker_a": 201, "maker_b": 404, "retailer": 404, "staff": 404},
    ),
    (
        "delete evidence",
        "delete",
        "/api/v1/products/{published}/evidence/{published_evidence}/",
        None,
        None,
        {"anonymous": 401, "maker_a": 204, "maker_b": 404, "retailer": 404, "staff": 404},
    ),
    (
        "list makers",
        "get",
        "/api/v1/makers/",
        None,
        None,
        {"anonymous": 200, "maker_a": 200, "maker_b": 200, "retailer": 200, "staff": 200},
    ),
    (
        "get maker",
        "get",
        "/api/v1/makers/{maker}/",
        None,
        None,
        {"anonymous": 200, "maker_a": 200, "maker_b": 200, "retailer": 200, "staff": 200},
    ),
    (
        "create maker",
        "post",
        "/api/v1/makers/",
        {"name": "X", "slug": "x"},
        "json",
        {"anonymous": 401, "maker_a": 405, "maker_b": 405, "retailer": 405, "staff": 405},
    ),
    (
        "list categories",
        "get",
        "/api/v1/categories/",
        None,
        None,
        {"anonymous": 200, "maker_a": 200, "maker_b": 200, "retailer": 200, "staff": 200},
    ),
    (
        "get category",
        "get",
        "/api/v1/categories/{category}/",
        None,
        None,
        {"anonymous": 200, "maker_a": 200, "maker_b": 200, "retailer": 200, "staff": 200},
    ),
    (
        "delete category",
        "delete",
        "/api/v1/categories/{category}/",
        None,
        None,
        {"anonymous": 401, "maker_a": 405, "maker_b": 405, "retailer": 405, "staff": 405},
    ),
]

CASES = [
    pytest.param(name, method, path, body, content, role, expected[role], id=f"{name}-{role}")
    for name, method, path, body, content, expected in MATRIX
    for role in ROLES
]


@pytest.fixture
def world(maker_a, maker_b):
    published = ProductFactory(maker=maker_a, status=Product.Status.PUBLISHED)
    draft = ProductFactory(maker=maker_a)
    versioned = ProductFactory(maker=maker_a, status=Product.Status.PUBLISHED)
    PassportVersion.objects.create(
        product=versioned,
        number=1,
        snapshot={},
        methodology_version="1.0",
        content_hash="0" * 64,
        published_at=versioned.created_at,
    )
    return {
        "published": published,
        "draft": draft,
        "versioned": versioned,
        "evidence": EvidenceDocumentFactory(product=draft),
        "published_evidence": EvidenceDocumentFactory(product=published),
        "category": CategoryFactory(slug="matrix-category"),
        "maker": maker_b,
    }


@override_settings(MEDIA_ROOT="/tmp/gw-test-media")
@pytest.mark.parametrize(("name", "method", "path", "body", "content", "role", "expected"), CASES)
def test_permission_matrix(clients, world, name, method, path, body, content, role, expected):
    url = path.format(
        published=world["published"].passport_code,
        draft=world["draft"].passport_code,
        versioned=world["versioned"].passport_code,
        evidence=world["evidence"].pk,
        published_evidence=world["published_evidence"].pk,
        maker=world["maker"].slug,
        category=world["category"].slug,
    )
    headers = {}
    if method in ("put", "patch", "delete") and "/products/" in url and "/evidence/" not in url:
        # The owner's current ETag: every refusal below comes from scope, never from a stale precondition.
        product = next(world[key] for key in ("draft", "published", "versioned") if world[key].passport_code in url)
        headers["If-Match"] = etag_of(clients["maker_a"], product)
    data = body(world) if callable(body) else body
    response = getattr(clients[role], method)(url, data=data, format=content, headers=headers)
    assert response.status_code == expected, response.content


def test_anonymous_write_asks_for_a_token(clients, world):
    response = clients["anonymous"].post("/api/v1/products/", {"name": "X"}, format="json")
    assert response.status_code == 401
    assert response["WWW-Authenticate"] == "Token"


def test_nothing_of_another_maker_changes(clients, world):
    draft = world["draft"]
    name = draft.name
    clients["maker_b"].patch(
        f"/api/v1/products/{draft.passport_code}/", {"name": "Fremd"}, format="json", headers={"If-Match": "*"}
    )
    clients["maker_b"].delete(f"/api/v1/products/{draft.passport_code}/evidence/{world['evidence'].pk}/")
    draft.refresh_from_db()
    assert draft.name == name
    assert EvidenceDocument.objects.filter(pk=world["evidence"].pk).exists()


def test_drafts_never_appear_in_lists_of_others(clients, world):
    for role in ("anonymous", "maker_b", "retailer"):
        codes = {row["passport_code"] for row in clients[role].get("/api/v1/products/?page_size=100").json()["results"]}
        assert world["draft"].passport_code not in codes, role
        assert world["published"].passport_code in codes, role
        filtered = clients[role].get("/api/v1/products/?status=draft").json()
        assert filtered["count"] == 0, role
    own = {row["passport_code"] for row in clients["maker_a"].get("/api/v1/products/").json()["results"]}
    assert world["draft"].passport_code in own


def test_internal_id_only_for_members_and_staff(clients, world):
    code = world["published"].passport_code
    assert clients["maker_a"].get(f"/api/v1/products/{code}/").json()["id"] == world["published"].pk
    assert clients["staff"].get(f"/api/v1/products/{code}/").json()["id"] == world["published"].pk
    assert clients["anonymous"].get(f"/api/v1/products/{code}/").json()["id"] is None
    assert clients["maker_b"].get("/api/v1/products/").json()["results"][0]["id"] is None


def test_session_authentication_needs_csrf(client, membership_a, world):
    session_client = english_client(enforce_csrf_checks=True)
    session_client.force_login(membership_a.user)
    assert session_client.get(f"/api/v1/products/{world['draft'].passport_code}/").status_code == 200
    response = session_client.post("/api/v1/products/", product_body(world), format="json")
    assert response.status_code == 403
    assert "CSRF" in response.json()["detail"]


def test_unrouted_api_urls_answer_json(clients):
    response = clients["anonymous"].get("/api/v1/no-such-thing/")
    assert response.status_code == 404
    assert response["Content-Type"] == "application/json"
    assert response.json() == {"detail": "Not found."}
    assert clients["anonymous"].get("/api/v1/makers/a.b/c/")["Content-Type"] == "application/json"


def test_unrouted_site_urls_keep_the_html_page(client, db):
    response = client.get("/no-such-page/")
    assert response.status_code == 404
    assert response["Content-Type"].startswith("text/html")
