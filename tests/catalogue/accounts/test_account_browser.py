"""In a real browser: forgot the password, the reset mail arrives over SMTP, its link sets a new one, log in."""

import re

from catalogue.accounts.preferences import remember_language
from tests.conftest import BROWSER_TESTS
from tests.factories import UserFactory
from tests.mail import text_part
from tests.worker import run_queued_tasks

pytestmark = BROWSER_TESTS

NEW_PASSWORD = "ein neues langes Passwort 77"


def test_a_user_resets_the_password_from_the_login_page_and_logs_in_with_the_new_one(
    live_server, transactional_db, browser, smtp_server
):
    user = UserFactory(username="lena", email="lena@example.org")
    remember_language(user, "en")
    page = browser.new_context(locale="en-GB").new_page()

    page.goto(f"{live_server.url}/accounts/login/")
    page.get_by_role("link", name="Forgot your password?").click()
    page.locator("#id_email").fill("lena@example.org")
    page.get_by_role("button", name=re.compile("Reset", re.IGNORECASE)).click()
    page.wait_for_url(re.compile(r"/accounts/password/reset/done/"))

    run_queued_tasks()  # the worker sends the mail the request queued
    mail = smtp_server.only_one_to("lena@example.org")
    link = re.search(r"https?://\S+/accounts/password/reset/key/\S+/", text_part(mail)).group(0)
    assert link.startswith(live_server.url)

    page.goto(link)
    page.locator("#id_password1").fill(NEW_PASSWORD)
    page.locator("#id_password2").fill(NEW_PASSWORD)
    page.get_by_role("button", name=re.compile("Change Password", re.IGNORECASE)).click()
    page.wait_for_url(re.compile(r"/accounts/password/reset/key/done/"))

    page.goto(f"{live_server.url}/accounts/login/")
    page.locator("#id_login").fill("lena")
    page.locator("#id_password").fill(NEW_PASSWORD)
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(re.compile(r"/$|/accounts/welcome/$"))
    assert page.get_by_role("button", name=re.compile(r"Log out \(lena\)")).is_visible()
    user.refresh_from_db()
    assert user.check_password(NEW_PASSWORD)
