"""The product API refuses texts and lists over their limits with 400, naming the field and the limit."""

import pytest

from products.models import Product
from tests.factories import CategoryFactory, complete_product

pytestmark = pytest.mark.django_db


@pytest.fixture
def category():
    return CategoryFactory(slug="chefs-knives")


def create(client, category, **body):
    return client.post(
        "/api/v1/products/", {"name": "Kochmesser", "category_slug": category.slug, **body}, format="json"
    )


def test_a_long_description_is_a_400_naming_the_field_and_the_limit(maker_api_client, category):
    response = create(maker_api_client, category, description="x" * 500_000)
    assert response.status_code == 400
    assert response.json() == {"description": ["“Description” should be at most 5,000 characters long, not 500,000."]}
    assert not Product.objects.exists()


def test_long_instructions_of_a_section_are_refused_in_that_section(maker_api_client, category):
    response = create(
        maker_api_client,
        category,
        durability={"maintenance_instructions": "Ölen." * 480},
        end_of_life={"disposal_instructions": "x" * 2001},
    )
    assert response.status_code == 400
    assert response.json() == {
        "durability": {
            "maintenance_instructions": [
                "“Maintenance instructions” should be at most 2,000 characters long, not 2,400."
            ]
        },
        "end_of_life": {
            "disposal_instructions": ["“Disposal instructions” should be at most 2,000 characters long, not 2,001."]
        },
    }


def test_more_than_fifty_steps_are_a_400_before_any_step_is_read(maker_api_client, category):
    step = {"step_type": "forging", "performed_by": "maker", "city": "Solingen", "country": "DE"}
    response = create(maker_api_client, category, supply_chain_steps=[step] * 50)
    assert response.status_code == 201, response.json()
    # Rows that would each be refused are not even looked at: the count alone answers.
    response = create(maker_api_client, category, name="Zweites Messer", supply_chain_steps=[{"step_type": 1}] * 5000)
    assert response.status_code == 400
    assert response.json() == {
        "supply_chain_steps": {"non_field_errors": ["“Supply chain” should have at most 50 entries, not 5,000."]}
    }
    assert Product.objects.count() == 1


def test_every_list_has_its_limit_in_the_schema(maker_api_client):
    schema = maker_api_client.get("/api/schema/?format=json").json()
    product = schema["components"]["schemas"]["Product"]["properties"]
    assert product["supply_chain_steps"]["maxItems"] == 50
    assert product["materials"]["maxItems"] == 30
    assert product["description"]["maxLength"] == 5000


def test_an_update_of_an_older_product_over_a_limit_names_the_field(maker_api_client, maker):
    product = complete_product(maker=maker, description="Alt. " * 2000)
    url = f"/api/v1/products/{product.passport_code}/"
    etag = maker_api_client.get(url)["ETag"]
    response = maker_api_client.patch(url, {"name": "Neuer Name"}, format="json", HTTP_IF_MATCH=etag)
    assert response.status_code == 400
    assert response.json() == {"description": ["“Description” should be at most 5,000 characters long, not 10,000."]}
