"""Fixtures of the team tests: staff in the admin (through ACCOUNTS' MFA-passing client when there is one)."""

import importlib.util

import pytest

if importlib.util.find_spec("tests.accounts") is not None:
    from tests.accounts import staff_client  # noqa: F401 - staff who passed MFA
else:

    @pytest.fixture
    def staff_client(client, staff_user):
        client.force_login(staff_user)
        return client


@pytest.fixture(autouse=True)
def site_url(settings):
    """Links in mails point at the test client's host."""
    settings.SITE_BASE_URL = "http://testserver"
