"""The site's own 500 and 503 pages, in German and English, while the database really cannot be reached.

The database is made unreachable for real: this thread's connection is swapped for one whose settings point at
a file in a directory that does not exist (SQLite) or at a closed port (PostgreSQL), so every query fails to
connect, as in an outage. The suite's own connection stays open and untouched, and is put back afterwards.
"""

import socket

import pytest
from django.db import connections
from django.test import Client

from catalogue.operations.errors import RETRY_AFTER_SECONDS

# German texts of templates/503.html and 500.html (locale/de); the msgids are the English ones.
UNAVAILABLE_DE = "Der Katalog ist gerade kurz nicht erreichbar"
UNAVAILABLE_EN = "The catalogue is briefly unavailable"
SERVER_ERROR_DE = "Bei uns ist etwas schiefgegangen"
SERVER_ERROR_EN = "Something went wrong on our side"


def closed_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]  # free once the probe is closed: nothing listens there


@pytest.fixture
def database_down(db):
    """Until the test ends, every query of this thread meets a database server that cannot be reached."""
    working = connections["default"]
    unreachable = dict(working.settings_dict)
    if working.vendor == "sqlite":
        unreachable["NAME"] = "/nonexistent-directory/unreachable.sqlite3"
    else:
        unreachable.update(HOST="127.0.0.1", PORT=str(closed_port()), OPTIONS={"connect_timeout": 2})
    broken = type(working)(unreachable, "default")
    connections["default"] = broken
    yield broken
    broken.close()
    connections["default"] = working


@pytest.fixture
def browser_client():
    # Exceptions become the site's 500 page, as for a real visitor (the test client re-raises them by default).
    return Client(raise_request_exception=False)


def test_a_page_answers_503_in_german_with_retry_after(database_down, browser_client):
    response = browser_client.get("/products/", HTTP_ACCEPT_LANGUAGE="de-DE,de;q=0.9")

    assert response.status_code == 503
    assert response["Retry-After"] == str(RETRY_AFTER_SECONDS)
    assert response["Content-Language"] == "de"
    assert "no-store" in response["Cache-Control"]
    page = response.content.decode()
    assert '<html lang="de">' in page
    assert UNAVAILABLE_DE in page
    assert "/static/css/site.css" in page  # styled like the site, with its own stylesheet
    assert "Content-Security-Policy" in response  # the security headers hold on error pages too


def test_the_language_cookie_chooses_english(database_down, browser_client):
    browser_client.cookies["django_language"] = "en"

    response = browser_client.get("/products/", HTTP_ACCEPT_LANGUAGE="de")

    assert response.status_code == 503
    assert response["Content-Language"] == "en"
    assert '<html lang="en">' in response.content.decode()
    assert UNAVAILABLE_EN in response.content.decode()


def test_api_clients_get_json_503(database_down, browser_client):
    response = browser_client.get("/api/v1/passports/", HTTP_ACCEPT_LANGUAGE="en")

    assert response.status_code == 503
    assert response["Retry-After"] == str(RETRY_AFTER_SECONDS)
    assert response.json() == {"detail": "The service is briefly unavailable. Please try again in a minute."}


@pytest.mark.urls("tests.catalogue.operations.failing_urls")
def test_a_server_error_shows_the_sites_500_page_without_the_database(database_down, browser_client):
    german = browser_client.get("/fails/", HTTP_ACCEPT_LANGUAGE="de")
    english = browser_client.get("/fails/", HTTP_ACCEPT_LANGUAGE="en")

    assert german.status_code == english.status_code == 500
    assert '<html lang="de">' in german.content.decode()
    assert SERVER_ERROR_DE in german.content.decode()
    assert SERVER_ERROR_EN in english.content.decode()
    assert "Retry-After" not in english


@pytest.mark.urls("tests.catalogue.operations.failing_urls")
def test_a_database_error_outside_a_view_is_a_503_too(database_down, browser_client):
    # The failure comes while the response is finished (as when a session is saved), after the view's middleware.
    response = browser_client.get("/fails-after-the-view/", HTTP_ACCEPT_LANGUAGE="en")

    assert response.status_code == 503
    assert response["Retry-After"] == str(RETRY_AFTER_SECONDS)
    assert UNAVAILABLE_EN in response.content.decode()
