"""Two-factor authentication: staff must use it for /admin/ and /review/; makers and retailers may turn it on."""

import pytest
from allauth.mfa.models import Authenticator
from django.urls import reverse

from tests.accounts import PASSWORD, add_totp, log_in, reauthenticate, staff_with_totp, totp_code
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.mark.parametrize("path", ["/admin/", "/admin/products/product/", "/review/"])
def test_staff_without_an_authenticator_are_sent_to_set_up_totp(client, path):
    staff = UserFactory(is_staff=True, is_superuser=True)
    log_in(client, staff)  # password only: nothing else to give yet

    response = client.get(path)
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("mfa_activate_totp"))
    assert f"next={path.replace('/', '%2F')}" in response["Location"]


def test_staff_with_totp_give_a_code_at_login_before_they_are_signed_in(client, english):
    staff, secret = staff_with_totp()
    response = client.post(reverse("login"), {"login": staff.username, "password": PASSWORD})
    assert response["Location"] == reverse("mfa_authenticate")
    assert not client.session.get("_auth_user_id")  # the password alone signs nobody in
    assert client.get("/admin/").status_code == 302

    wrong = client.post(reverse("mfa_authenticate"), {"code": "000000" if totp_code(secret) != "000000" else "111111"})
    assert wrong.status_code == 200
    assert "Incorrect code." in wrong.content.decode()
    assert not client.session.get("_auth_user_id")

    assert client.post(reverse("mfa_authenticate"), {"code": totp_code(secret)}).status_code == 302
    assert client.get("/admin/").status_code == 200


def test_the_staff_client_fixture_opens_the_admin(staff_client):
    assert staff_client.get("/admin/").status_code == 200


def test_a_session_without_the_second_factor_confirms_with_a_code_first(client, english):
    staff, secret = staff_with_totp()
    client.force_login(staff)  # e.g. a session from before the authenticator was set up

    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith(reverse("mfa_reauthenticate"))
    page = client.get(response["Location"])
    assert page.status_code == 200
    confirmed = client.post(response["Location"], {"code": totp_code(secret)})
    assert confirmed.status_code == 302 and confirmed["Location"] == "/admin/"
    assert client.get("/admin/").status_code == 200


def test_makers_and_retailers_are_not_asked_but_may_open_the_security_page(maker_user, client, english):
    log_in(client, maker_user)
    page = client.get(reverse("mfa_index"))
    assert page.status_code == 200
    html = page.content.decode()
    assert "account-nav" in html and "Authenticator App" in html and "Security Keys" in html
    assert f'href="{reverse("mfa_index")}"' in client.get(reverse("products:workspace")).content.decode()  # header


def test_a_maker_turns_totp_on_and_then_logs_in_with_a_code(maker_user, client, english):
    log_in(client, maker_user)
    assert client.get(reverse("mfa_activate_totp"))["Location"].startswith(reverse("account_reauthenticate"))
    reauthenticate(client)  # allauth asks for the password again before a second factor changes
    form = client.get(reverse("mfa_activate_totp"))
    assert form.status_code == 200
    assert 'src="data:image/svg+xml;base64,' in form.content.decode()  # the QR code, allowed by the CSP (img data:)
    secret = form.context["form"].secret

    response = client.post(reverse("mfa_activate_totp"), {"code": totp_code(secret)})
    assert response.status_code == 302
    assert Authenticator.objects.filter(user=maker_user, type=Authenticator.Type.TOTP).exists()

    client.post(reverse("logout"))
    fresh = type(client)()
    answer = fresh.post(reverse("login"), {"login": maker_user.username, "password": PASSWORD})
    assert answer["Location"] == reverse("mfa_authenticate")


def test_staff_cannot_switch_off_their_only_second_factor(client):
    staff, secret = staff_with_totp()
    log_in(client, staff, secret)
    reauthenticate(client)
    refused = client.post(reverse("mfa_deactivate_totp"), {})
    assert refused.status_code == 200
    assert Authenticator.objects.filter(user=staff, type=Authenticator.Type.TOTP).exists()

    maker = UserFactory()
    maker_secret = add_totp(maker)
    maker_client = type(client)()
    log_in(maker_client, maker, maker_secret)
    reauthenticate(maker_client)
    assert maker_client.post(reverse("mfa_deactivate_totp"), {}).status_code == 302
    assert not Authenticator.objects.filter(user=maker, type=Authenticator.Type.TOTP).exists()


def test_the_security_key_pages_load_with_their_scripts(maker_user, client, english):
    log_in(client, maker_user)
    reauthenticate(client)
    add = client.get(reverse("mfa_add_webauthn"))
    assert add.status_code == 200
    html = add.content.decode()
    assert "mfa/js/webauthn.js" in html and 'id="mfa_webauthn_add"' in html
    assert "<script>" not in html  # no inline script: the CSP would block it
    assert client.get(reverse("mfa_list_webauthn")).status_code == 200
