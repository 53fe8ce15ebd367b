"""Headless Chromium, mails caught by a real SMTP server: staff invite a maker; the maker accepts and invites."""

import re

import pytest

from catalogue.teams import services
from catalogue.teams.models import Invitation
from products.models import MakerMembership, MakerOrganisation
from tests.accounts import PASSWORD, staff_with_totp, totp_code
from tests.conftest import BROWSER_TESTS
from tests.mail import text_part
from tests.worker import run_queued_tasks

pytestmark = [*BROWSER_TESTS, pytest.mark.django_db(transaction=True)]


@pytest.fixture
def site(live_server, settings):
    settings.SITE_BASE_URL = live_server.url  # the links in the mails lead to the live server
    return live_server.url


def link_in(message, site):
    found = re.search(re.escape(site) + r"/invitations/[A-Za-z0-9_-]{43}/", text_part(message))
    assert found, text_part(message)
    return found.group(0)


def test_staff_log_in_with_totp_and_invite_the_owner_of_a_new_maker(site, browser, smtp_server):
    staff, secret = staff_with_totp(username="projektteam")
    page = browser.new_page(locale="de-DE")

    page.goto(f"{site}/admin/")
    page.wait_for_url("**/accounts/login/**")
    page.locator("#id_login").fill("projektteam")
    page.locator("#id_password").fill(PASSWORD)
    page.locator("#id_password").press("Enter")
    page.wait_for_url("**/2fa/**")  # allauth's second-factor page
    page.locator("input[name=code]").fill(totp_code(secret))
    page.locator("input[name=code]").press("Enter")
    page.wait_for_url(f"{site}/admin/")

    page.goto(f"{site}/admin/catalogue/invitation/add/")
    page.locator("#id_kind").select_option("maker")
    page.locator("#id_organisation_name").fill("Klingenschmiede Ohligs")
    page.locator("#id_email").fill("inhaberin@example.org")
    page.locator("#id_language").select_option("de")
    page.locator("input[name=_save]").click()
    page.wait_for_url(f"{site}/admin/catalogue/invitation/")
    assert "Klingenschmiede Ohligs" in page.locator("#result_list").inner_text()

    organisation = MakerOrganisation.objects.get(name="Klingenschmiede Ohligs")
    invitation = Invitation.objects.get()
    assert (invitation.maker, invitation.role, invitation.invited_by) == (organisation, "owner", staff)
    run_queued_tasks()
    message = smtp_server.only_one_to("inhaberin@example.org")
    assert "Klingenschmiede Ohligs" in message["Subject"]
    link_in(message, site)


def test_the_maker_accepts_from_the_mail_and_invites_a_colleague(site, browser, smtp_server, staff_user):
    services.invite_owner_of_new_organisation(
        kind="maker", name="Scherenwerk Wald", email="inhaber@example.org", language="en", invited_by=staff_user
    )
    run_queued_tasks()
    link = link_in(smtp_server.only_one_to("inhaber@example.org"), site)

    page = browser.new_page(locale="en-GB")
    page.goto(link)
    assert page.locator("#invited-email").input_value() == "inhaber@example.org"
    page.locator("#id_username").fill("inhaber")
    page.locator("#id_password1").fill("Wetzstahl-und-Leder-31")
    page.locator("#id_password2").fill("Wetzstahl-und-Leder-31")
    page.locator("#new-account-form button[type=submit]").click()
    page.wait_for_url(f"{site}/workspace/")
    assert "Welcome to Scherenwerk Wald" in page.locator(".messages").inner_text()
    assert MakerMembership.objects.get(user__username="inhaber").role == "owner"

    page.locator("a", has_text="Team").first.click()
    page.wait_for_url(f"{site}/workspace/team/")
    page.locator("#id_email").fill("kollege@example.org")
    page.locator("#id_role").select_option("editor")
    page.locator("#id_language").select_option("de")
    page.locator("#invite-form button[type=submit]").click()
    page.wait_for_url(f"{site}/workspace/team/")
    assert "Invitation sent to kollege@example.org" in page.locator(".messages").inner_text()
    assert "kollege@example.org" in page.locator("#invitations").inner_text()
    assert "inhaber joined as Owner (by inhaber)" in page.locator("#team-history").inner_text()

    run_queued_tasks()
    colleague_mail = smtp_server.only_one_to("kollege@example.org")
    assert "Scherenwerk Wald" in colleague_mail["Subject"]
    link_in(colleague_mail, site)

    # The link works once: the used owner's link now says so.
    page.goto(link)
    assert page.locator("h1").inner_text() == "This invitation has been used"
