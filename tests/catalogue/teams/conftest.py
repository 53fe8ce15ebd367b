"""Fixtures of the team tests (staff come as ``staff_client`` from tests/conftest.py, signed in with TOTP)."""

import pytest


@pytest.fixture(autouse=True)
def site_url(settings):
    """Links in mails point at the test client's host."""
    settings.SITE_BASE_URL = "http://testserver"
