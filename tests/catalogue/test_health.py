"""The health check answers ok after a database query, and 503 when the database cannot be reached."""

from unittest import mock

import pytest
from django.db import OperationalError
from django.test.utils import CaptureQueriesContext


@pytest.mark.django_db
def test_ok_after_a_query(client):
    from django.db import connection

    with CaptureQueriesContext(connection) as context:
        response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok"}
    assert [query["sql"] for query in context.captured_queries] == ["SELECT 1"]
    assert "no-cache" in response["Cache-Control"]


@pytest.mark.django_db
def test_503_when_the_database_fails(client):
    with mock.patch("catalogue.health.connection.cursor", side_effect=OperationalError("connection refused")):
        response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json() == {"status": "error", "database": "unavailable"}


@pytest.mark.django_db
def test_never_redirected_to_https(client, settings):
    settings.SECURE_SSL_REDIRECT = True
    settings.SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
    health = client.get("/healthz")
    assert health.status_code == 200
    assert health.json() == {"status": "ok"}
    other = client.get("/methodology/")  # the redirect is switched on, and applies to every other page
    assert other.status_code == 301
    assert other["Location"] == "https://testserver/methodology/"
