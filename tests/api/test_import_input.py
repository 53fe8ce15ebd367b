"""The import endpoint refuses hostile JSON (deep nesting, huge integers) with a 400 naming the problem."""

import io

import pytest

from products.models import Product
from tests.factories import CategoryFactory
from tests.products.test_import_input import DEEP_ARRAY, HUGE_NUMBER, nested_value


@pytest.fixture
def category(db):
    return CategoryFactory(slug="chefs-knives")


class TestApi:
    @pytest.mark.parametrize(
        ("content", "expected"),
        [(DEEP_ARRAY, "nested too deeply"), (HUGE_NUMBER, "more than 4300 digits"), (nested_value(900), "nested")],
        ids=["deep", "huge", "nested"],
    )
    def test_answers_400_naming_the_problem(self, content, expected, maker_api_client, category):
        upload = io.BytesIO(content)
        upload.name = "products.json"
        response = maker_api_client.post("/api/v1/products/import/", {"file": upload}, format="multipart")

        assert response.status_code == 400, response.content[:300]
        body = response.json()
        assert expected in body["detail"]
        assert body["errors"] == [{"row": None, "field": "file", "message": body["detail"]}]
        assert not Product.objects.exists()
