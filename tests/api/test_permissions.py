"""The permission matrix: every role against every endpoint and method (DESIGN.md §7)."""

import io
import re

import pytest
from django.test import override_settings

from catalogue.printjobs.services import print_now
from products.import_jobs import ImportJob
from products.models import EvidenceDocument
from tests.api.conftest import ROLES, english_client, etag_of
from tests.factories import (
    AssortmentItemFactory,
    CategoryFactory,
    EvidenceDocumentFactory,
    RetailerOrganisationFactory,
    complete_product,
    published_bare_product,
)


def product_body(world):
    return {"name": "Schere 21 cm", "category_slug": world["category"].slug}


def csv_upload():
    upload = io.BytesIO(b"name,category\nSchere 21 cm,matrix-category\n")
    upload.name = "products.csv"
    return upload


# Shorthands for the rows below, in the order of ROLES: anonymous, the maker, the other maker, retailer, staff.
def roles(anonymous, maker, other_maker, retailer, staff) -> dict[str, int]:
    return dict(zip(ROLES, (anonymous, maker, other_maker, retailer, staff), strict=True))


EVERYONE_200 = roles(200, 200, 200, 200, 200)
EVERYONE_404 = roles(404, 404, 404, 404, 404)
OWNER_READS = roles(401, 200, 404, 404, 200)  # live data: the maker's members and staff
OWNER_WRITES = roles(401, 200, 404, 404, 404)
RETAILER_ONLY = roles(401, 404, 404, 200, 404)

# (name, method, path template, body, content format, expected status per role)
# Paths name objects of the maker (a published product in the retailer's assortment, a draft, a complete
# draft, evidence) and of the retailer role.
MATRIX = [
    # Products: live data of the maker's own organisation
    ("list products", "get", "/api/v1/products/", None, None, roles(401, 200, 200, 200, 200)),
    ("get published", "get", "/api/v1/products/{published}/", None, None, OWNER_READS),
    ("get draft", "get", "/api/v1/products/{draft}/", None, None, OWNER_READS),
    ("create product", "post", "/api/v1/products/", product_body, "json", roles(401, 201, 201, 403, 403)),
    ("put draft", "put", "/api/v1/products/{draft}/", product_body, "json", OWNER_WRITES),
    ("patch draft", "patch", "/api/v1/products/{draft}/", {"name": "Neu"}, "json", OWNER_WRITES),
    ("patch published", "patch", "/api/v1/products/{published}/", {"name": "Neu"}, "json", OWNER_WRITES),
    ("delete draft", "delete", "/api/v1/products/{draft}/", None, None, roles(401, 204, 404, 404, 404)),
    ("delete with passport", "delete", "/api/v1/products/{published}/", None, None, roles(401, 409, 404, 404, 404)),
    (
        "import",
        "post",
        "/api/v1/products/import/",
        lambda world: {"file": csv_upload()},
        "multipart",
        roles(401, 201, 201, 403, 403),
    ),
    ("get import job", "get", "/api/v1/import-jobs/{import_job}/", None, None, OWNER_READS),
    ("publish complete", "post", "/api/v1/products/{complete}/publish/", None, None, roles(401, 201, 404, 404, 404)),
    ("publish incomplete", "post", "/api/v1/products/{draft}/publish/", None, None, roles(401, 400, 404, 404, 404)),
    ("withdraw published", "post", "/api/v1/products/{published}/withdraw/", None, None, OWNER_WRITES),
    ("withdraw draft", "post", "/api/v1/products/{draft}/withdraw/", None, None, roles(401, 400, 404, 404, 404)),
    ("get live score", "get", "/api/v1/products/{complete}/score/", None, None, OWNER_READS),
    # Evidence of a product
    ("list evidence of published", "get", "/api/v1/products/{published}/evidence/", None, None, OWNER_READS),
    ("list evidence of draft", "get", "/api/v1/products/{draft}/evidence/", None, None, OWNER_READS),
    ("get evidence of draft", "get", "/api/v1/products/{draft}/evidence/{evidence}/", None, None, OWNER_READS),
    (
        "add evidence to published",
        "post",
        "/api/v1/products/{published}/evidence/",
        {"title": "Prüfbericht", "claim": "durability", "url": "https://example.org/report.pdf"},
        "json",
        roles(401, 201, 404, 404, 404),
    ),
    (
        "delete evidence",
        "delete",
        "/api/v1/products/{published}/evidence/{published_evidence}/",
        None,
        None,
        roles(401, 204, 404, 404, 404),
    ),
    # Passports: published data, for everyone
    ("list passports", "get", "/api/v1/passports/", None, None, EVERYONE_200),
    ("get passport", "get", "/api/v1/passports/{published}/", None, None, EVERYONE_200),
    ("get passport of draft", "get", "/api/v1/passports/{draft}/", None, None, EVERYONE_404),
    ("list versions", "get", "/api/v1/passports/{published}/versions/", None, None, EVERYONE_200),
    ("get version", "get", "/api/v1/passports/{published}/versions/1/", None, None, EVERYONE_200),
    ("get credential", "get", "/api/v1/passports/{published}/versions/1/credential/", None, None, EVERYONE_200),
    ("credential of draft", "get", "/api/v1/passports/{draft}/versions/1/credential/", None, None, EVERYONE_404),
    ("get missing version", "get", "/api/v1/passports/{published}/versions/2/", None, None, EVERYONE_404),
    ("create passport", "post", "/api/v1/passports/", {}, "json", roles(405, 405, 405, 405, 405)),
    ("lookup published", "get", "/api/v1/lookup?code={published}", None, None, EVERYONE_200),
    ("lookup draft", "get", "/api/v1/lookup?code={draft}", None, None, EVERYONE_404),
    ("export csv", "get", "/api/v1/export/passports.csv", None, None, EVERYONE_200),
    ("export json-ld", "get", "/api/v1/export/passports.jsonld", None, None, EVERYONE_200),
    ("post export", "post", "/api/v1/export/passports.csv", {}, "json", roles(405, 405, 405, 405, 405)),
    # Makers and categories
    ("list makers", "get", "/api/v1/makers/", None, None, EVERYONE_200),
    ("get maker", "get", "/api/v1/makers/{maker}/", None, None, EVERYONE_200),
    ("create maker", "post", "/api/v1/makers/", {"name": "X", "slug": "x"}, "json", roles(401, 405, 405, 405, 405)),
    ("list categories", "get", "/api/v1/categories/", None, None, EVERYONE_200),
    ("get category", "get", "/api/v1/categories/{category}/", None, None, EVERYONE_200),
    ("delete category", "delete", "/api/v1/categories/{category}/", None, None, roles(401, 405, 405, 405, 405)),
    # Retailers: their own assortment and printing
    ("list retailers", "get", "/api/v1/retailers/", None, None, roles(401, 200, 200, 200, 200)),
    ("get retailer", "get", "/api/v1/retailers/{retailer}/", None, None, RETAILER_ONLY),
    ("list assortment", "get", "/api/v1/retailers/{retailer}/assortment/", None, None, RETAILER_ONLY),
    (
        "add to assortment",
        "post",
        "/api/v1/retailers/{retailer}/assortment/",
        lambda world: {"code": world["other_published"].passport_code},
        "json",
        roles(401, 404, 404, 201, 404),
    ),
    ("get item", "get", "/api/v1/retailers/{retailer}/assortment/{published}/", None, None, RETAILER_ONLY),
    (
        "remove item",
        "delete",
        "/api/v1/retailers/{retailer}/assortment/{published}/",
        None,
        None,
        roles(401, 404, 404, 204, 404),
    ),
    (
        "set shelf price",
        "patch",
        "/api/v1/retailers/{retailer}/assortment/{published}/",
        {"shelf_price": "24.90"},
        "json",
        roles(401, 404, 404, 200, 404),
    ),
    ("get print job", "get", "/api/v1/retailers/{retailer}/print-jobs/{print_job}/", None, None, RETAILER_ONLY),
    ("print job pdf", "get", "/api/v1/retailers/{retailer}/print-jobs/{print_job}/pdf/", None, None, RETAILER_ONLY),
    (
        "another retailer's print job",
        "get",
        "/api/v1/retailers/{other_retailer}/print-jobs/{other_print_job}/",
        None,
        None,
        roles(401, 404, 404, 404, 404),
    ),
    ("list reprints", "get", "/api/v1/retailers/{retailer}/reprints/", None, None, RETAILER_ONLY),
    (
        "print",
        "post",
        "/api/v1/retailers/{retailer}/print/",
        lambda world: {"items": [world["published"].passport_code], "format": "labels"},
        "json",
        RETAILER_ONLY,
    ),
    (
        "another retailer's assortment",
        "get",
        "/api/v1/retailers/{other_retailer}/assortment/",
        None,
        None,
        roles(401, 404, 404, 404, 404),
    ),
    (
        "print for another retailer",
        "post",
        "/api/v1/retailers/{other_retailer}/print/",
        {"scope": "all"},
        "json",
        roles(401, 404, 404, 404, 404),
    ),
]

CASES = [
    pytest.param(name, method, path, body, content, role, expected[role], id=f"{name}-{role}")
    for name, method, path, body, content, expected in MATRIX
    for role in ROLES
]
# Writes to a product need its current ETag, so that every refusal in the matrix comes from scope.
GUARDED = ("put", "patch", "delete")


@pytest.fixture
def world(maker, other_maker, product, retailer):
    published = published_bare_product(maker=maker)
    other_published = published_bare_product(maker=other_maker)
    draft = product
    AssortmentItemFactory(retailer=retailer, product=published)
    other_retailer = RetailerOrganisationFactory()
    AssortmentItemFactory(retailer=other_retailer, product=published)
    printed = [published.passport_versions.get()]
    print_job, _pdf = print_now(retailer, printed, user=None, output_format="labels", language="de")
    other_job, _pdf = print_now(other_retailer, printed, user=None, output_format="labels", language="de")
    return {
        "published": published,
        "other_published": other_published,
        "draft": draft,
        "complete": complete_product(maker=maker),
        "evidence": EvidenceDocumentFactory(product=draft),
        "published_evidence": EvidenceDocumentFactory(product=published),
        "category": CategoryFactory(slug="matrix-category"),
        "maker": other_maker,
        "retailer": retailer,
        "other_retailer": other_retailer,
        "import_job": ImportJob.objects.create(organisation=maker),
        "print_job": print_job,
        "other_print_job": other_job,
    }


def needs_if_match(method: str, url: str) -> bool:
    if not url.startswith("/api/v1/products/") or "/evidence/" in url:
        return False
    return method in GUARDED or url.endswith(("/publish/", "/withdraw/"))


@override_settings(MEDIA_ROOT="/tmp/gw-test-media")
@pytest.mark.parametrize(("name", "method", "path", "body", "content", "role", "expected"), CASES)
def test_permission_matrix(clients, world, name, method, path, body, content, role, expected):
    url = path.format(
        published=world["published"].passport_code,
        draft=world["draft"].passport_code,
        complete=world["complete"].passport_code,
        evidence=world["evidence"].pk,
        published_evidence=world["published_evidence"].pk,
        maker=world["maker"].slug,
        category=world["category"].slug,
        retailer=world["retailer"].slug,
        other_retailer=world["other_retailer"].slug,
        import_job=world["import_job"].pk,
        print_job=world["print_job"].pk,
        other_print_job=world["other_print_job"].pk,
    )
    headers = {}
    if needs_if_match(method, url):
        product = next(world[key] for key in ("draft", "published", "complete") if world[key].passport_code in url)
        headers["If-Match"] = etag_of(clients["maker"], product)
    data = body(world) if callable(body) else body
    response = getattr(clients[role], method)(url, data=data, format=content, headers=headers)
    assert response.status_code == expected, response.content


def test_every_routed_operation_is_in_the_matrix():
    """A new endpoint or method must get its row: the schema's operations are compared with the rows."""
    from drf_spectacular.generators import SchemaGenerator

    def shape(path: str) -> str:
        """The path with every parameter, named or filled in with a number, as {}."""
        return re.sub(r"\{[^}]+\}|(?<=/)[0-9]+(?=/)", "{}", path.split("?")[0])

    document = SchemaGenerator().get_schema(request=None, public=True)
    documented = {
        (method, shape(path))
        for path, item in document["paths"].items()
        for method in item
        if method in ("get", "post", "put", "patch", "delete")
    }
    covered = {(method, shape(path)) for _name, method, path, *_rest in MATRIX}
    covered |= {("get", "/api/v1/lookup/")}  # the lookup answers at /lookup and /lookup/
    assert documented - covered == set()


def test_anonymous_write_asks_for_a_token(clients, world):
    response = clients["anonymous"].post("/api/v1/products/", {"name": "X"}, format="json")
    assert response.status_code == 401
    assert response["WWW-Authenticate"] == "Token"


def test_nothing_of_another_maker_changes(clients, world):
    draft = world["draft"]
    name = draft.name
    clients["other_maker"].patch(
        f"/api/v1/products/{draft.passport_code}/", {"name": "Fremd"}, format="json", headers={"If-Match": "*"}
    )
    clients["other_maker"].delete(f"/api/v1/products/{draft.passport_code}/evidence/{world['evidence'].pk}/")
    draft.refresh_from_db()
    assert draft.name == name
    assert EvidenceDocument.objects.filter(pk=world["evidence"].pk).exists()


def test_drafts_and_other_makers_never_appear_in_product_lists(clients, world):
    def codes(role, query=""):
        return {row["passport_code"] for row in clients[role].get(f"/api/v1/products/?{query}").json()["results"]}

    assert codes("other_maker") == {world["other_published"].passport_code}
    assert codes("other_maker", "status=draft") == set()
    assert codes("retailer") == set()
    own = {world[key].passport_code for key in ("draft", "published", "complete")}
    assert codes("maker") == own  # every product of its own, in any status, and nothing of the other maker's
    assert codes("maker", "status=draft") == {world["draft"].passport_code, world["complete"].passport_code}
    public = {row["passport_code"] for row in clients["anonymous"].get("/api/v1/passports/").json()["results"]}
    assert public == {world["published"].passport_code, world["other_published"].passport_code}


def test_internal_id_only_for_members_and_staff(clients, world):
    code = world["published"].passport_code
    assert clients["maker"].get(f"/api/v1/products/{code}/").json()["id"] == world["published"].pk
    assert clients["staff"].get(f"/api/v1/products/{code}/").json()["id"] == world["published"].pk
    assert "id" not in clients["anonymous"].get(f"/api/v1/passports/{code}/").json()


def test_session_authentication_needs_csrf(maker_user, world):
    session_client = english_client(enforce_csrf_checks=True)
    session_client.force_login(maker_user)
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
