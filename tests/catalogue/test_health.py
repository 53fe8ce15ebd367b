"""The health check: ok, degraded without the cache, 503 only when the database cannot be reached."""

import dj_database_url
import pytest
from django.db import connection
from django.db.utils import ConnectionHandler
from django.test.utils import CaptureQueriesContext

from tests.redis_caches import down_cache, redis_cache

__all__ = ["down_cache", "redis_cache"]  # fixtures used by the tests below

CLOSED_DATABASE_PORT = 5439


@pytest.fixture
def database_down(monkeypatch):
    """The health check's database connection points at a PostgreSQL port where nothing listens."""
    handler = ConnectionHandler(
        {"default": dj_database_url.parse(f"postgres://nobody@127.0.0.1:{CLOSED_DATABASE_PORT}/x")}
    )
    unreachable = handler["default"]
    monkeypatch.setattr("catalogue.health.connection", unreachable)
    yield
    unreachable.close()


@pytest.mark.django_db
def test_ok_with_the_database_and_redis(client, redis_cache):
    with CaptureQueriesContext(connection) as context:
        response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "cache": "ok"}
    assert [query["sql"] for query in context.captured_queries] == ["SELECT 1"]
    assert "no-cache" in response["Cache-Control"]


@pytest.mark.django_db
def test_ok_without_a_shared_cache_configured(client):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "cache": "not configured"}


@pytest.mark.django_db
def test_degraded_but_200_when_redis_is_down(client, down_cache):
    response = client.get("/healthz")
    assert response.status_code == 200
    assert response.json() == {"status": "degraded", "database": "ok", "cache": "down"}


@pytest.mark.django_db
def test_503_when_the_database_cannot_be_reached(client, database_down, redis_cache):
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json() == {"status": "down", "database": "down", "cache": "ok"}


@pytest.mark.django_db
def test_503_when_the_database_and_redis_are_down(client, database_down, down_cache):
    response = client.get("/healthz")
    assert response.status_code == 503
    assert response.json() == {"status": "down", "database": "down", "cache": "down"}


@pytest.mark.django_db
def test_never_redirected_to_https(client, settings):
    settings.SECURE_SSL_REDIRECT = True
    settings.SECURE_REDIRECT_EXEMPT = [r"^healthz$"]
    health = client.get("/healthz")
    assert health.status_code == 200
    assert health.json()["status"] == "ok"
    other = client.get("/methodology/")  # the redirect is switched on, and applies to every other page
    assert other.status_code == 301
    assert other["Location"] == "https://testserver/methodology/"
