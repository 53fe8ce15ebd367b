"""Fixtures of the API tests: one client per role, signed in with a token."""

import pytest
from django.utils import translation
from rest_framework.authtoken.models import Token
from rest_framework.test import APIClient

from tests.factories import (
    MakerMembershipFactory,
    ProductFactory,
    RetailerMembershipFactory,
    UserFactory,
)

ROLES = ["anonymous", "maker_a", "maker_b", "retailer", "staff"]


@pytest.fixture(autouse=True)
def english():
    """Messages are asserted in English, the msgid language, whatever translations exist."""
    with translation.override("en"):
        yield


def english_client(**defaults) -> APIClient:
    return APIClient(HTTP_ACCEPT_LANGUAGE="en", **defaults)


def token_client(user) -> APIClient:
    client = english_client()
    client.credentials(HTTP_AUTHORIZATION=f"Token {Token.objects.create(user=user).key}")
    return client


@pytest.fixture
def membership_a(db):
    return MakerMembershipFactory()


@pytest.fixture
def membership_b(db):
    return MakerMembershipFactory()


@pytest.fixture
def maker_a(membership_a):
    return membership_a.organisation


@pytest.fixture
def maker_b(membership_b):
    return membership_b.organisation


@pytest.fixture
def retailer_membership(db):
    return RetailerMembershipFactory()


@pytest.fixture
def clients(db, membership_a, membership_b, retailer_membership):
    """An API client for every role of the permission matrix."""
    return {
        "anonymous": english_client(),
        "maker_a": token_client(membership_a.user),
        "maker_b": token_client(membership_b.user),
        "retailer": token_client(retailer_membership.user),
        "staff": token_client(UserFactory(is_staff=True, is_superuser=True)),
    }


@pytest.fixture
def client_a(clients):
    return clients["maker_a"]


@pytest.fixture
def draft_a(maker_a):
    return ProductFactory(maker=maker_a)


def etag_of(client, product) -> str:
    response = client.get(f"/api/v1/products/{product.passport_code}/")
    assert response.status_code == 200, response.content
    return response["ETag"]
