"""The API's read-only ``has_unpublished_changes`` of a product: in the list, the detail and the schema."""

import pytest

from products.models import Product
from tests.factories import ProductFactory, published_product

pytestmark = pytest.mark.django_db


def test_the_list_and_the_detail_say_whether_the_product_changed_since_publishing(clients, maker):
    changed = published_product(maker=maker)
    current = published_product(maker=maker)
    draft = ProductFactory(maker=maker)
    Product.objects.filter(pk=changed.pk).update(has_unpublished_changes=True)
    rows = clients["maker"].get("/api/v1/products/").json()["results"]
    assert {row["id"]: row["has_unpublished_changes"] for row in rows} == {
        changed.pk: True,
        current.pk: False,
        draft.pk: False,
    }
    detail = clients["maker"].get(f"/api/v1/products/{changed.passport_code}/").json()
    assert detail["has_unpublished_changes"] is True


def test_the_field_is_read_only(clients, maker):
    product = published_product(maker=maker)
    url = f"/api/v1/products/{product.passport_code}/"
    etag = clients["maker"].get(url)["ETag"]
    response = clients["maker"].patch(url, {"has_unpublished_changes": True}, format="json", HTTP_IF_MATCH=etag)
    assert response.status_code == 200
    assert Product.objects.get(pk=product.pk).has_unpublished_changes is False


def test_the_schema_documents_the_field_as_read_only(clients):
    schema = clients["maker"].get("/api/schema/?format=json").json()
    for component in ("Product", "ProductList"):
        field = schema["components"]["schemas"][component]["properties"]["has_unpublished_changes"]
        assert field["type"] == "boolean" and field["readOnly"] is True, component
        assert "last published passport version" in field["description"]
