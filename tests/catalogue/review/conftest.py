"""Fixtures of the review tests (staff come from tests/conftest.py's ``staff_client``: password and TOTP)."""

import pytest


@pytest.fixture(autouse=True)
def media(settings, tmp_path):
    """Uploaded evidence goes to the test's own directory."""
    settings.MEDIA_ROOT = tmp_path
    return tmp_path


@pytest.fixture(autouse=True)
def site_url(settings):
    """Links in mails point at the test client's host."""
    settings.SITE_BASE_URL = "http://testserver"
