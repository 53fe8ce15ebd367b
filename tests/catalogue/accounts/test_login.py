"""Logging in by username or e-mail address, no public sign-up, and the language a user is written to in."""

import pytest
from django.urls import reverse

from catalogue.accounts.preferences import AccountPreferences, language_of
from tests.accounts import PASSWORD, log_in
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("by", ["username", "email", "EMAIL IN CAPITALS"])
def test_a_user_logs_in_by_username_or_by_e_mail_address(client, by):
    user = UserFactory(username="jana", email="jana@example.org")
    login = {"username": "jana", "email": "jana@example.org", "EMAIL IN CAPITALS": "JANA@EXAMPLE.ORG"}[by]
    response = log_in(client, user, login=login)
    assert response["Location"] == reverse("after-login")
    assert client.session["_auth_user_id"] == str(user.pk)


def test_a_wrong_password_shows_the_form_again_with_an_error(client, english):
    user = UserFactory()
    response = client.post(reverse("login"), {"login": user.email, "password": "wrong"})
    assert response.status_code == 200
    html = response.content.decode()
    assert 'class="form-errors"' in html
    assert "not correct" in html
    assert not client.session.get("_auth_user_id")


def test_an_account_whose_address_is_not_verified_is_not_signed_in(client, english):
    user = UserFactory(verified_email=False)
    response = client.post(reverse("login"), {"login": user.username, "password": PASSWORD})
    assert response.status_code == 302
    assert response["Location"] == reverse("account_email_verification_sent")
    assert not client.session.get("_auth_user_id")


def test_there_is_no_public_sign_up(client, english):
    response = client.get(reverse("account_signup"))
    assert "Sign Up Closed" in response.content.decode()
    client.post(reverse("account_signup"), {"email": "a@example.org", "username": "a", "password1": "x" * 12})
    assert not UserFactory._meta.model.objects.filter(username="a").exists()
    assert "signup" not in client.get(reverse("login")).content.decode()


def test_logging_in_remembers_the_page_language_for_mails(client):
    user = UserFactory()
    assert not AccountPreferences.objects.filter(user=user).exists()
    client.post(reverse("login"), {"login": user.username, "password": PASSWORD}, headers={"Accept-Language": "de"})
    assert language_of(user) == "de"


def test_switching_the_language_while_signed_in_remembers_it(client):
    user = UserFactory()
    log_in(client, user)
    response = client.post(reverse("set_language"), {"language": "en", "next": "/"})
    assert response.status_code == 302
    assert language_of(user) == "en"
    client.post(reverse("set_language"), {"language": "de", "next": "/"})
    assert language_of(user) == "de"


def test_switching_the_language_anonymously_still_works(client):
    response = client.post(reverse("set_language"), {"language": "en", "next": "/"})
    assert response.status_code == 302
    assert '<html lang="en"' in client.get("/").content.decode()


def test_the_login_page_uses_the_site_layout(client, english):
    html = client.get(reverse("login")).content.decode()
    assert "css/site.css" in html and "css/accounts.css" in html
    assert 'class="site-header"' in html
    assert 'name="login"' in html and 'name="password"' in html
