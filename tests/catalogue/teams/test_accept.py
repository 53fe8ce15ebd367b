"""Accepting at the link: a new account with a password or an existing one; used, expired, wrong links."""

from datetime import timedelta

import pytest
from allauth.account.models import EmailAddress
from django.contrib.auth import get_user_model
from django.urls import reverse
from django.utils import timezone

from catalogue.teams import services
from catalogue.teams.models import Invitation
from products.models import MakerMembership
from tests.factories import RetailerOrganisationFactory, UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def token(maker, maker_user):
    return services.invite(
        organisation=maker, email="neu@example.org", role="editor", language="en", invited_by=maker_user
    )


def url(token):
    return reverse("teams:accept", args=[token])


NEW_ACCOUNT = {
    "username": "Neue.Kollegin",
    "password1": "Schleifstein-im-Regen-42",
    "password2": "Schleifstein-im-Regen-42",
}


def test_a_visitor_without_an_account_sets_a_password_joins_and_is_logged_in(client, english, maker, token):
    page = client.get(url(token))
    assert page.status_code == 200
    assert "Choose a username and a password" in page.content.decode()
    assert "neu@example.org" in page.content.decode()

    response = client.post(url(token), NEW_ACCOUNT)

    assert response.status_code == 302 and response["Location"] == reverse("products:workspace")
    user = get_user_model().objects.get(username="neue.kollegin")
    assert user.email == "neu@example.org" and user.check_password(NEW_ACCOUNT["password1"])
    assert EmailAddress.objects.get(user=user).verified  # the link came by mail to this address
    assert MakerMembership.objects.get(user=user).organisation == maker
    assert MakerMembership.objects.get(user=user).role == "editor"
    assert client.get(reverse("products:workspace")).status_code == 200  # logged in
    assert Invitation.objects.get().accepted_by == user
    assert client.session["current_maker_organisation"] == maker.pk


def test_djangos_password_validators_refuse_a_weak_password_naming_the_field(client, english, token):
    response = client.post(url(token), {"username": "neu", "password1": "12345678", "password2": "12345678"})
    assert response.status_code == 400
    errors = response.context["form"].errors
    assert "password2" in errors and "too common" in str(errors)
    similar = client.post(
        url(token), {"username": "neu", "password1": "neu@example.org1", "password2": "neu@example.org1"}
    )
    assert "too similar" in str(similar.context["form"].errors)  # the invited address counts
    assert not get_user_model().objects.filter(username="neu").exists()
    assert Invitation.objects.get().is_pending


def test_a_taken_username_is_refused_with_the_field_named(client, english, token):
    UserFactory(username="neue.kollegin", email="other@example.org")
    response = client.post(url(token), NEW_ACCOUNT)
    assert response.status_code == 400 and "username" in response.context["form"].errors


def test_a_signed_in_user_links_their_existing_account(client, english, maker, token):
    someone = UserFactory(email="neu@example.org")
    client.force_login(someone)
    page = client.get(url(token)).content.decode()
    assert f"You are logged in as {someone.username}" in page
    response = client.post(url(token))
    assert response.status_code == 302
    assert MakerMembership.objects.get(user=someone).organisation == maker
    assert get_user_model().objects.count() == 2  # the owner and someone: nobody new


def test_an_existing_account_with_the_address_logs_in_first_then_accepts(client, english, maker, token):
    existing = UserFactory(email="NEU@example.org")
    page = client.get(url(token))
    html = page.content.decode()
    assert "An account with this e-mail address exists already" in html
    assert f"{reverse('login')}?next={url(token)}" in html
    assert client.post(url(token), NEW_ACCOUNT).status_code == 200  # no second account for the address
    assert not get_user_model().objects.filter(username="neue.kollegin").exists()

    client.force_login(existing)  # as the login page does
    client.post(url(token))
    assert MakerMembership.objects.filter(user=existing, organisation=maker).exists()


def test_a_retailer_invitation_lands_in_the_retailers_assortment(client, staff_user):
    retailer = RetailerOrganisationFactory()
    token = services.invite(
        organisation=retailer, email="laden@example.org", role="owner", language="en", invited_by=staff_user
    )
    response = client.post(url(token), {**NEW_ACCOUNT, "username": "laden"})
    assert response["Location"] == reverse("retailer:assortment", args=[retailer.slug])
    assert retailer.memberships.get().role == "owner"


@pytest.mark.parametrize("language", ["en", "de"])
def test_used_expired_and_revoked_links_show_a_clear_page(client, maker, maker_user, language):
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = language
    tokens = {}
    for state in ("accepted", "expired", "revoked"):
        tokens[state] = services.invite(
            organisation=maker, email=f"{state}@example.org", role="editor", language="en", invited_by=maker_user
        )
    services.accept(Invitation.objects.get(email="accepted@example.org"), UserFactory())
    Invitation.objects.filter(email="expired@example.org").update(expires_at=timezone.now() - timedelta(minutes=1))
    services.revoke(Invitation.objects.get(email="revoked@example.org"), by=maker_user)
    headings = {}
    for state, token in tokens.items():
        for method in (client.get, client.post):
            response = method(url(token))
            assert response.status_code == 410, (state, response.status_code)
        headings[state] = response.content.decode()
        assert f'<html lang="{language}">' in headings[state]
    if language == "en":
        assert "This invitation has been used" in headings["accepted"]
        assert "This invitation has expired" in headings["expired"]
        assert "This invitation was withdrawn" in headings["revoked"]


def test_a_wrong_or_garbled_token_is_a_404(client, token):
    wrong = ("A" if token[0] != "A" else "B") + token[1:]
    assert client.get(url(wrong)).status_code == 404
    assert client.get(url("nonsense")).status_code == 404
    assert client.post(url("x" * 43)).status_code == 404
    assert client.get("/invitations/%00%27/").status_code == 404
