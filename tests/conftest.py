"""Shared fixtures for the whole suite."""

import pytest
from django.core.cache import cache

from tests import factories
from tests.factories import MakerMembershipFactory, ProductFactory, RetailerMembershipFactory, UserFactory


@pytest.fixture(autouse=True)
def empty_cache():
    """Cached answers (pages, list summaries, throttling) never carry over from another test's database."""
    cache.clear()
    yield
    cache.clear()


@pytest.fixture
def maker_membership(db):
    return MakerMembershipFactory()


@pytest.fixture
def maker_user(maker_membership):
    return maker_membership.user


@pytest.fixture
def maker(maker_membership):
    return maker_membership.organisation


@pytest.fixture
def other_maker_membership(db):
    return MakerMembershipFactory()


@pytest.fixture
def product(maker):
    return ProductFactory(maker=maker)


@pytest.fixture
def published_product(maker, maker_user):
    """A complete product of ``maker``, published once by ``maker_user`` through the real publishing service."""
    return factories.published_product(maker_user, maker=maker)


@pytest.fixture
def other_product(other_maker_membership):
    return ProductFactory(maker=other_maker_membership.organisation)


@pytest.fixture
def maker_client(client, maker_user):
    client.force_login(maker_user)
    return client


@pytest.fixture
def retailer_membership(db):
    return RetailerMembershipFactory()


@pytest.fixture
def staff_user(db):
    return UserFactory(is_staff=True, is_superuser=True)
