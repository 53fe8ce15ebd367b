"""Creates through a real WSGI server (the live server is wsgiref's): headers must be plain ``str`` there.

The Django test client hands header values over as they are; wsgiref refuses anything but ``str`` (a DRF
``Hyperlink`` included) and answers 500 after the view has already written, so a client that retries
creates duplicates. These tests talk HTTP to the live server.
"""

import pytest
from rest_framework.authtoken.models import Token

from products.models import EvidenceDocument, Product
from tests.api.http import token_request
from tests.api.test_products import FULL_BODY
from tests.factories import CategoryFactory


def call(url: str, user, **options):
    """One request with the user's token (tests.api.http.token_request)."""
    return token_request(url, Token.objects.get_or_create(user=user)[0].key, **options)


@pytest.fixture
def live_api(live_server, transactional_db):
    return f"{live_server.url}/api/v1"


def test_a_product_created_and_published_over_http_answers_201_with_str_locations(live_api, maker_user, maker):
    body = {**FULL_BODY, "name": "Taschenmesser über HTTP", "category_slug": CategoryFactory().slug}

    status, headers, data = call(f"{live_api}/products/", maker_user, method="POST", body=body)

    assert status == 201, data
    location = headers["Location"]
    assert location == data["url"]
    assert location.startswith(f"{live_api}/products/{data['passport_code']}")
    # The product exists once: no 500 that would make a client retry and create it twice.
    assert Product.objects.filter(name=body["name"]).count() == 1
    status, fetched_headers, fetched = call(location, maker_user)
    assert status == 200
    assert fetched["name"] == body["name"]

    status, headers, version = call(
        f"{location}publish/", maker_user, method="POST", headers={"If-Match": fetched_headers["ETag"]}
    )
    assert status == 201, version
    assert headers["Location"] == version["url"]
    status, _, read = call(headers["Location"], maker_user)
    assert status == 200
    assert read["version"] == 1


def test_uploaded_evidence_answers_201_with_its_own_url_in_location(live_api, maker_user, product):
    body = {"title": "Prüfbericht", "claim": "durability", "url": "https://example.org/report.pdf"}
    url = f"{live_api}/products/{product.passport_code}/evidence/"

    status, headers, data = call(url, maker_user, method="POST", body=body)

    assert status == 201, data
    # The location of the new evidence in this API, not the external link it carries.
    assert headers["Location"] == f"{url}{data['id']}/"
    status, _, fetched = call(headers["Location"], maker_user)
    assert status == 200
    assert fetched["title"] == body["title"]
    assert EvidenceDocument.objects.filter(product=product).count() == 1
