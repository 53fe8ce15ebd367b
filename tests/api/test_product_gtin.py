"""The product API refuses GTINs not written in the digits 0-9 or identifying no product: a field error, not a 500."""

import pytest

from products.models import Product
from tests.factories import CategoryFactory


def create(client, gtin):
    category = CategoryFactory()
    return client.post(
        "/api/v1/products/", {"name": "Kochmesser", "category_slug": category.slug, "gtin": gtin}, format="json"
    )


@pytest.mark.parametrize(
    ("gtin", "named"),
    [
        ("400638133393²", "“²” (U+00B2)"),  # str.isdigit() holds for the superscript two, int() fails: a 500 before
        ("٤٠٠٦٣٨١٣٣٣٩٣١", "“٤” (U+0664)"),  # Arabic-Indic digits of 4006381333931: stored as a "GTIN" before
        ("４００６３８１３３３９３１", "“４” (U+FF14)"),  # fullwidth digits of 4006381333931
        ("4006381۳۳۳۹۳۱", "“۳” (U+06F3)"),  # Extended Arabic-Indic (Persian) digits mixed in
    ],
)
def test_digits_other_than_0_to_9_are_a_field_error(maker_api_client, gtin, named):
    response = create(maker_api_client, gtin)

    assert response.status_code == 400, response.content
    assert response.json() == {
        "gtin": [f"A GTIN should contain only the digits 0 to 9 (spaces and hyphens are allowed), not {named}."]
    }
    assert not Product.objects.exists()


@pytest.mark.parametrize(
    ("gtin", "what"),
    [
        ("2000000000008", "a store-internal number (restricted circulation)"),
        ("0412345678903", "a store-internal number (restricted circulation)"),
        ("20123451", "a store-internal number (restricted circulation)"),
        ("9812345678902", "a coupon"),
        ("9912345678909", "a coupon"),
        ("9801234567892", "a refund receipt"),
    ],
)
def test_numbers_that_identify_no_product_are_a_field_error(maker_api_client, gtin, what):
    response = create(maker_api_client, gtin)

    assert response.status_code == 400, response.content
    [message] = response.json()["gtin"]
    assert message.startswith(f"This number is {what}, not a product's GTIN: GS1 ")
    assert not Product.objects.exists()
