"""Fixtures of the API tests: one client per role, signed in with a token."""

import pytest
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

# The roles of the permission matrix, in its column order; each has a token client in ``clients``.
ROLES = ["anonymous", "maker", "other_maker", "retailer", "staff"]


@pytest.fixture(autouse=True)
def english(english):
    """Every API test runs in English, the msgid language (the shared ``english`` of tests/conftest.py)."""
    return english


def english_client(**defaults) -> APIClient:
    return APIClient(HTTP_ACCEPT_LANGUAGE="en", **defaults)


def token_client(user) -> APIClient:
    client = english_client()
    client.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=user).key}")
    return client


@pytest.fixture
def clients(db, maker_membership, other_maker_membership, retailer_membership, staff_user):
    """An API client for every role of the permission matrix: the people of tests/conftest.py, with tokens."""
    clients = {
        "anonymous": english_client(),
        "maker": token_client(maker_membership.user),
        "other_maker": token_client(other_maker_membership.user),
        "retailer": token_client(retailer_membership.user),
        "staff": token_client(staff_user),
    }
    return clients


@pytest.fixture
def maker_api_client(clients):
    return clients["maker"]


@pytest.fixture
def retailer_api_client(clients):
    return clients["retailer"]


@pytest.fixture
def staff_api_client(clients):
    return clients["staff"]


def etag_of(client, product) -> str:
    response = client.get(f"/api/v1/products/{product.passport_code}/")
    assert response.status_code == 200, response.content
    return response["ETag"]
