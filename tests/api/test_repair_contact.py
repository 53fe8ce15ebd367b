"""The API reads and writes a repair service's contact, and names the field of a bad one."""

import pytest

from tests.factories import complete_product

pytestmark = pytest.mark.django_db


def test_the_api_writes_and_reads_the_contact(maker_api_client, maker):
    product = complete_product(maker=maker)
    url = f"/api/v1/products/{product.passport_code}/"
    etag = maker_api_client.get(url)["ETag"]
    service = {"service_type": "resharpening", "phone": "+49 212 123456", "email": "a@example.org"}
    response = maker_api_client.patch(url, {"repair_services": [service]}, format="json", HTTP_IF_MATCH=etag)
    assert response.status_code == 200, response.json()
    row = response.json()["repair_services"][0]
    assert (row["phone"], row["email"], row["website"]) == ("+49 212 123456", "a@example.org", "")


def test_a_bad_phone_is_a_400_naming_the_field(maker_api_client, maker):
    product = complete_product(maker=maker)
    url = f"/api/v1/products/{product.passport_code}/"
    etag = maker_api_client.get(url)["ETag"]
    bad = {"repair_services": [{"service_type": "resharpening", "phone": "ring twice"}]}
    response = maker_api_client.patch(url, bad, format="json", HTTP_IF_MATCH=etag)
    assert response.status_code == 400
    assert "phone" in str(response.json())
    assert product.repair_services.filter(phone="ring twice").count() == 0
