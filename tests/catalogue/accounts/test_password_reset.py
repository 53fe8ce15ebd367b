"""Password reset by e-mail (over a real SMTP server, from the job queue) and password change."""

import re

import pytest
from django.contrib.auth import get_user_model
from django.urls import reverse

from catalogue.accounts.preferences import remember_language
from tests.accounts import PASSWORD, log_in
from tests.factories import UserFactory
from tests.mail import html_part, text_part
from tests.worker import run_queued_tasks

pytestmark = pytest.mark.django_db(transaction=True)  # the mail is queued when the request's transaction commits

NEW_PASSWORD = "a new and long passphrase 42"
RESET_LINK = re.compile(r"https?://[^\s\"<>]+/accounts/password/reset/key/[^\s\"<>]+/")


def ask_for_reset(client, email, **headers):
    response = client.post(reverse("account_reset_password"), {"email": email}, headers=headers)
    assert response.status_code == 302
    return response


def test_the_login_page_links_to_the_password_reset(client):
    html = client.get(reverse("login")).content.decode()
    assert f'href="{reverse("account_reset_password")}"' in html


def test_the_reset_mail_arrives_in_german_with_text_and_html_and_its_link_sets_a_new_password(client, smtp_server):
    user = UserFactory(email="hanna@example.org")
    remember_language(user, "de")

    ask_for_reset(client, "hanna@example.org")
    assert smtp_server.messages == []  # never sent inside the request: the worker sends it
    run_queued_tasks()

    mail = smtp_server.only_one_to("hanna@example.org")
    assert mail["Subject"] == "Gläserne Werkstatt: Neues Passwort festlegen"
    text, html = text_part(mail), html_part(mail)
    assert "Passwort" in text and "Guten Tag" in text
    assert "<a href=" in html and "Neues Passwort wählen" in html
    link = RESET_LINK.search(text).group(0)
    assert link in html

    form = client.get(link, follow=True)  # allauth moves the key out of the URL into the session
    assert form.status_code == 200
    response = client.post(form.redirect_chain[-1][0], {"password1": NEW_PASSWORD, "password2": NEW_PASSWORD})
    assert response.status_code == 302
    user.refresh_from_db()
    assert user.check_password(NEW_PASSWORD)
    assert client.post(form.redirect_chain[-1][0], {"password1": "x", "password2": "x"}).status_code != 302

    fresh = type(client)()
    assert fresh.post(reverse("login"), {"login": user.username, "password": PASSWORD}).status_code == 200
    log_in(fresh, user, password=NEW_PASSWORD)


def test_the_reset_mail_is_in_english_for_a_user_who_prefers_english(client, smtp_server):
    user = UserFactory(email="sam@example.org")
    remember_language(user, "en")

    ask_for_reset(client, "sam@example.org", **{"Accept-Language": "de"})  # the page is German, the user not
    run_queued_tasks()

    mail = smtp_server.only_one_to("sam@example.org")
    assert mail["Subject"] == "Gläserne Werkstatt: Set a new password"
    assert "Open this link to choose a new password" in text_part(mail)
    assert "Choose a new password" in html_part(mail)
    assert f"Your username is {user.username}" in text_part(mail)


def test_an_unknown_address_gets_no_reset_link(client, smtp_server):
    ask_for_reset(client, "nobody@example.org")
    run_queued_tasks()
    mail = smtp_server.only_one_to("nobody@example.org")
    assert not RESET_LINK.search(text_part(mail))
    assert "invitation" in text_part(mail)


def test_a_signed_in_user_changes_the_password_and_is_told_by_mail(client, smtp_server, english):
    user = UserFactory(email="kim@example.org")
    remember_language(user, "en")
    log_in(client, user)

    page = client.get(reverse("account_change_password"))
    assert page.status_code == 200
    assert "account-nav" in page.content.decode()  # the account pages' own navigation, in the site layout
    wrong = client.post(
        reverse("account_change_password"),
        {"oldpassword": "wrong", "password1": NEW_PASSWORD, "password2": NEW_PASSWORD},
    )
    assert wrong.status_code == 200
    assert "Please type your current password." in wrong.content.decode()
    response = client.post(
        reverse("account_change_password"),
        {"oldpassword": PASSWORD, "password1": NEW_PASSWORD, "password2": NEW_PASSWORD},
    )
    assert response.status_code == 302
    assert get_user_model().objects.get(pk=user.pk).check_password(NEW_PASSWORD)

    run_queued_tasks()
    notice = smtp_server.only_one_to("kim@example.org")
    assert notice["Subject"] == "Gläserne Werkstatt: Your password was changed"
    assert "If you did not make this change" in text_part(notice)
    assert "Your password was changed." in html_part(notice)
