"""Shared fixtures for the whole suite: one name for each concept, used by every test package.

People and organisations: ``maker_membership`` (its ``maker_user`` in the organisation ``maker``),
``other_maker_membership`` (``other_maker``), ``retailer_membership`` (``retailer``), ``staff_user``.
Products: ``product`` (a draft of ``maker``), ``other_product`` (a draft of ``other_maker``) and
``published_product`` (a complete product of ``maker``, published through the real service).
Signed-in browsers: ``maker_client``, ``retailer_client`` and ``staff_client`` (password and TOTP through the
real login pages; tests/accounts.py has the helpers). The API's token clients are in
tests/api/conftest.py.
"""

import os
from pathlib import Path

import pytest
from django.core.cache import cache
from django.utils import translation

from catalogue.passports import pdf_throttle
from tests import accounts, factories
from tests.factories import MakerMembershipFactory, ProductFactory, RetailerMembershipFactory, UserFactory
from tests.mail import smtp_server  # noqa: F401 - the fixture: a real SMTP server catching the site's mails


@pytest.fixture(scope="session", autouse=True)
def signing_key_file(tmp_path_factory):
    """A temporary passport signing key for the whole run (docs/credentials.md): publishing signs every version.
    Also in the environment, for the servers and manage.py commands the tests start as child processes."""
    from django.conf import settings

    from catalogue.credentials.keys import rotate

    path = tmp_path_factory.mktemp("signing") / "passport-signing-keys.json"
    rotate(path)
    previous_setting, previous_env = settings.PASSPORT_SIGNING_KEY_FILE, os.environ.get("PASSPORT_SIGNING_KEY_FILE")
    settings.PASSPORT_SIGNING_KEY_FILE = str(path)
    os.environ["PASSPORT_SIGNING_KEY_FILE"] = str(path)
    yield path
    settings.PASSPORT_SIGNING_KEY_FILE = previous_setting
    if previous_env is None:
        os.environ.pop("PASSPORT_SIGNING_KEY_FILE", None)
    else:
        os.environ["PASSPORT_SIGNING_KEY_FILE"] = previous_env


@pytest.fixture(autouse=True)
def default_language():
    """Every test starts in the settings' language: a request's language stays active in its thread after it."""
    yield
    translation.deactivate()


@pytest.fixture(autouse=True)
def empty_cache():
    """Cached answers (pages, list summaries, throttling) never carry over from another test's database."""
    cache.clear()
    pdf_throttle.forget_spent_clients()  # the throttle's per-process memory of what the cache said
    yield
    cache.clear()
    pdf_throttle.forget_spent_clients()


@pytest.fixture
def english(client):
    """Messages are asserted in English (the msgids); the site's default language is German."""
    client.defaults["HTTP_ACCEPT_LANGUAGE"] = "en"
    with translation.override("en"):
        yield


@pytest.fixture
def maker_membership(db):
    return MakerMembershipFactory()


@pytest.fixture
def maker_user(maker_membership):
    return maker_membership.user


@pytest.fixture
def maker(maker_membership):
    return maker_membership.organisation


@pytest.fixture
def other_maker_membership(db):
    return MakerMembershipFactory()


@pytest.fixture
def other_maker(other_maker_membership):
    return other_maker_membership.organisation


@pytest.fixture
def product(maker):
    return ProductFactory(maker=maker)


@pytest.fixture
def published_product(maker, maker_user):
    """A complete product of ``maker``, published once by ``maker_user`` through the real publishing service."""
    return factories.published_product(maker_user, maker=maker)


@pytest.fixture
def other_product(other_maker):
    return ProductFactory(maker=other_maker)


@pytest.fixture
def maker_client(client, maker_user):
    client.force_login(maker_user)
    return client


@pytest.fixture
def retailer_membership(db):
    return RetailerMembershipFactory()


@pytest.fixture
def retailer(retailer_membership):
    return retailer_membership.organisation


@pytest.fixture
def retailer_client(client, retailer_membership):
    client.force_login(retailer_membership.user)
    return client


@pytest.fixture
def staff_user(db):
    return UserFactory(is_staff=True, is_superuser=True)


@pytest.fixture
def staff_totp_secret(staff_user):
    """``staff_user``'s authenticator app (staff need one for /admin/ and /review/); its base32 secret."""
    return accounts.add_totp(staff_user)


@pytest.fixture
def staff_client(client, staff_user, staff_totp_secret):
    """A client signed in as ``staff_user`` through the real login: password, then a code from the app."""
    accounts.log_in(client, staff_user, staff_totp_secret)
    return client


# ---------- Headless Chromium (Debian's /usr/bin/chromium, driven by Playwright) ----------

CHROMIUM = "/usr/bin/chromium"
# Without the background-networking flags Chromium keeps dialling Google's hosts, which this network refuses.
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]
BROWSER_TESTS = [
    pytest.mark.browser,
    pytest.mark.skipif(not Path(CHROMIUM).exists(), reason=f"{CHROMIUM} is missing (apt-get install chromium)"),
]


@pytest.fixture
def browser(monkeypatch):
    """A headless Chromium for the test; mark the module with ``pytestmark = BROWSER_TESTS``."""
    # Playwright's sync API runs an event loop in this thread; the test's own database access is still
    # synchronous, so Django's async-safety check would refuse it without this.
    monkeypatch.setenv("DJANGO_ALLOW_ASYNC_UNSAFE", "true")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        chromium = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield chromium
        chromium.close()
