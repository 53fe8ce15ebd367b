"""After logging in, each kind of user lands in their own workspace."""

import pytest
from django.urls import reverse

from tests.factories import MakerMembershipFactory, RetailerMembershipFactory, UserFactory

pytestmark = pytest.mark.django_db

PASSWORD = "correct horse battery staple"


def log_in(client, user):
    return client.post(reverse("login"), {"login": user.username, "password": PASSWORD}, follow=False)


def landing(client, user):
    response = log_in(client, user)
    assert response.status_code == 302
    return client.get(response["Location"])["Location"]


def test_maker_lands_in_the_maker_workspace(client):
    membership = MakerMembershipFactory()
    assert landing(client, membership.user) == reverse("products:workspace")


def test_retailer_lands_in_the_retailer_workspace(client):
    membership = RetailerMembershipFactory()
    assert landing(client, membership.user) == reverse("retailer:index")


def test_staff_lands_in_the_admin(client):
    assert landing(client, UserFactory(is_staff=True)) == reverse("admin:index")


def test_user_without_organisation_lands_on_the_home_page(client):
    assert landing(client, UserFactory()) == reverse("home")
