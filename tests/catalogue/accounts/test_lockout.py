"""Lockout (django-axes): too many failed logins for one account, or from one address, are refused for a while."""

from datetime import timedelta

import pytest
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.conf import settings
from django.core.management import call_command
from django.urls import reverse
from django.utils import timezone

from tests.accounts import PASSWORD
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db

LIMIT = settings.AXES_FAILURE_LIMIT


def attempt(client, login, password, address="10.0.0.1", path=None, **headers):
    return client.post(path or reverse("login"), {"login": login, "password": password}, REMOTE_ADDR=address, **headers)


def signed_in(client) -> bool:
    return bool(client.session.get("_auth_user_id"))


def fail_until_locked(client, login, addresses):
    responses = [attempt(client, login, "wrong", address) for address in addresses]
    assert [response.status_code for response in responses[:-1]] == [200] * (LIMIT - 1)  # the form, with its error
    return responses[-1]


def test_one_account_is_locked_after_failures_from_anywhere_and_the_right_password_is_refused(client, english):
    user = UserFactory()
    last = fail_until_locked(client, user.username, [f"10.0.1.{n}" for n in range(LIMIT)])
    assert last.status_code == 429

    refused = attempt(client, user.username, PASSWORD, address="10.0.2.1")  # right password, a fresh address
    assert refused.status_code == 429
    assert not signed_in(client)
    page = refused.content.decode()
    assert "Too many failed logins" in page
    assert "even with the right password" in page
    assert f"Please try again in {settings.AXES_COOLOFF_TIME.seconds // 60} minutes" in page
    assert 0 < int(refused["Retry-After"]) <= settings.AXES_COOLOFF_TIME.total_seconds()

    # By the account's e-mail address it is the same account, so it is refused too.
    assert attempt(client, user.email, PASSWORD, address="10.0.2.2").status_code == 429
    # Someone else logs in from that address as usual.
    other = UserFactory()
    assert attempt(client, other.username, PASSWORD, address="10.0.2.1").status_code == 302


def test_one_address_is_locked_after_failures_for_any_accounts(client):
    victim = UserFactory()
    guesses = [UserFactory().username for _ in range(LIMIT - 1)] + ["nobody-at-all"]
    for login in guesses[:-1]:
        assert attempt(client, login, "wrong", address="10.0.3.1").status_code == 200
    assert attempt(client, guesses[-1], "wrong", address="10.0.3.1").status_code == 429

    assert attempt(client, victim.username, PASSWORD, address="10.0.3.1").status_code == 429
    assert not signed_in(client)
    # The account itself is not locked: from another address its owner logs in.
    assert attempt(client, victim.username, PASSWORD, address="10.0.3.2").status_code == 302


def test_a_forged_forwarded_for_header_does_not_make_a_new_address(client, settings):
    settings.TRUSTED_PROXY_COUNT = 0  # the default: no proxy in front, the header is the client's own claim
    for n in range(LIMIT):
        attempt(client, f"guess{n}", "wrong", address="10.0.4.1", HTTP_X_FORWARDED_FOR=f"192.0.2.{n}")
    assert set(AccessFailureLog.objects.values_list("ip_address", flat=True)) == {"10.0.4.1"}
    user = UserFactory()
    response = attempt(client, user.username, PASSWORD, address="10.0.4.1", HTTP_X_FORWARDED_FOR="192.0.2.200")
    assert response.status_code == 429


def test_behind_a_trusted_proxy_the_address_it_saw_counts(client, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    for n in range(LIMIT):
        attempt(client, f"guess{n}", "wrong", address="10.0.0.254", HTTP_X_FORWARDED_FOR="198.51.100.7")
    user = UserFactory()
    locked = attempt(client, user.username, PASSWORD, address="10.0.0.254", HTTP_X_FORWARDED_FOR="198.51.100.7")
    assert locked.status_code == 429
    fine = attempt(client, user.username, PASSWORD, address="10.0.0.254", HTTP_X_FORWARDED_FOR="198.51.100.8")
    assert fine.status_code == 302


def test_the_admin_login_is_the_same_login_and_locks_out_alike(client, english):
    staff = UserFactory(is_staff=True)
    response = client.get("/admin/")
    assert response.status_code == 302
    response = client.get(response["Location"])  # /admin/login/?next=/admin/ sends to the site's login
    assert response.status_code == 302
    login_url = response["Location"]
    assert login_url.startswith(reverse("login")) and "next=%2Fadmin%2F" in login_url

    # Nobody logs in at /admin/login/ itself: a password posted there is not even looked at.
    direct = client.post("/admin/login/", {"username": staff.username, "password": PASSWORD}, REMOTE_ADDR="10.0.5.1")
    assert direct.status_code == 302 and not signed_in(client)

    for n in range(LIMIT - 1):
        assert attempt(client, staff.username, "wrong", f"10.0.5.{n + 2}", path=login_url).status_code == 200
    assert attempt(client, staff.username, "wrong", "10.0.5.9", path=login_url).status_code == 429
    refused = attempt(client, staff.username, PASSWORD, "10.0.5.10", path=login_url)
    assert refused.status_code == 429
    assert "Too many failed logins" in refused.content.decode()
    assert not signed_in(client)


def test_the_lockout_ends_after_the_cool_off(client):
    user = UserFactory()
    fail_until_locked(client, user.username, [f"10.0.6.{n}" for n in range(LIMIT)])
    assert attempt(client, user.username, PASSWORD, "10.0.6.50").status_code == 429

    # The cool-off passes: the failures are as old as it is long (axes measures from each failure's time).
    cooled_off = timezone.now() - settings.AXES_COOLOFF_TIME - timedelta(seconds=1)
    assert AccessAttempt.objects.filter(username=user.username).update(attempt_time=cooled_off) == LIMIT
    assert attempt(client, user.username, PASSWORD, "10.0.6.50").status_code == 302
    assert signed_in(client)


def test_staff_lift_a_lockout_before_the_cool_off_ends(client):
    user = UserFactory()
    fail_until_locked(client, user.username, [f"10.0.7.{n}" for n in range(LIMIT)])
    call_command("axes_reset_username", user.username.lower(), verbosity=0)
    assert attempt(client, user.username, PASSWORD, "10.0.7.50").status_code == 302


def test_logins_failures_and_lockouts_are_recorded_and_staff_see_them_in_the_admin(staff_client, english):
    visitor = type(staff_client)()
    user = UserFactory(username="record-me")
    fail_until_locked(visitor, user.username, [f"10.0.8.{n}" for n in range(LIMIT)])
    other = UserFactory(username="gets-in")
    assert attempt(visitor, other.username, PASSWORD, "10.0.8.99").status_code == 302

    attempts = AccessAttempt.objects.filter(username="record-me")  # one row per address it came from
    assert sum(attempts.values_list("failures_since_start", flat=True)) == LIMIT
    failures = AccessFailureLog.objects.filter(username="record-me")
    assert failures.count() == LIMIT and failures.filter(locked_out=True).count() == 1
    assert AccessLog.objects.filter(username="gets-in", ip_address="10.0.8.99").exists()

    pages = {
        "axes_accessattempt_changelist": "record-me",
        "axes_accessfailurelog_changelist": "record-me",
        "axes_accesslog_changelist": "gets-in",
    }
    for url_name, username in pages.items():
        response = staff_client.get(reverse(f"admin:{url_name}"))
        assert response.status_code == 200, url_name
        assert username in response.content.decode(), url_name
    index = staff_client.get(reverse("admin:index")).content.decode()
    assert "Login records" in index
