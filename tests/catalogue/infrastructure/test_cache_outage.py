"""A cache outage is not fatal: pages answer without Redis, use it when it is there and again when it is back."""

import logging
from dataclasses import dataclass

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext

from catalogue.infrastructure import cache as shared_cache
from tests.api.conftest import token_client
from tests.factories import AssortmentItemFactory
from tests.redis_caches import CLOSED_PORT, down_cache, project_caches, redis_cache, silent_cache, switched_cache

__all__ = ["down_cache", "redis_cache", "silent_cache", "switched_cache"]  # fixtures used by the tests below


@dataclass
class Page:
    """A page that reads or writes the cache, who asks for it, and what shows that Redis was used."""

    name: str
    path: str  # {code} and {gtin} are the published product's, {retailer} the retailer's slug
    keys: str  # a key pattern that appears in Redis once the page was served
    visitor: str = "anonymous"  # or "signed-in", "retailer"
    repeat_is_cheaper: bool = False  # the second request runs fewer queries: its answer came from the cache


PAGES = [
    Page("passport page", "/p/{code}", "passport-html:*", repeat_is_cheaper=True),
    Page("passport page, signed in", "/p/{code}", "passport-content:*", visitor="signed-in", repeat_is_cheaper=True),
    Page("lookup", "/lookup/?code={gtin}", "passport-html:*"),
    Page("API lookup", "/api/v1/lookup/?code={gtin}", "throttle_anon_*"),
    Page("API passport list", "/api/v1/passports/", "api-passport-list:*", repeat_is_cheaper=True),
    Page("CSV export", "/api/v1/export/passports.csv", "throttle_anon_*"),
    Page("retailer assortment", "/api/v1/retailers/{retailer}/assortment/", "passport-summary:*", visitor="retailer"),
]


@pytest.fixture
def visit(client, published_product, maker_user, retailer_membership):
    """Request a page as its visitor would; answers (status, body, queries run)."""
    AssortmentItemFactory(retailer=retailer_membership.organisation, product=published_product)
    retailer_client = token_client(retailer_membership.user)
    signed_in = client.__class__()
    signed_in.force_login(maker_user)

    def visit(page: Page):
        path = page.path.format(
            code=published_product.passport_code,
            gtin=published_product.gtin,
            retailer=retailer_membership.organisation.slug,
        )
        browser = {"anonymous": client, "signed-in": signed_in, "retailer": retailer_client}[page.visitor]
        with CaptureQueriesContext(connection) as queries:
            response = browser.get(path, follow=True, headers={"accept-language": "en"})
        body = (b"".join(response.streaming_content) if response.streaming else response.content).decode()
        assert response.status_code == 200, f"{page.name}: {response.status_code} {body[:300]}"
        assert published_product.passport_code in body, f"{page.name} does not show the passport"
        return body, len(queries)

    return visit


def outage_warnings(caplog) -> list[str]:
    return [
        r.getMessage()
        for r in caplog.records
        if r.name == "catalogue.infrastructure.cache" and r.levelno == logging.WARNING
    ]


@pytest.mark.parametrize("page", PAGES, ids=lambda page: page.name)
def test_pages_answer_when_redis_is_down(down_cache, visit, page, caplog):
    visit(page)
    visit(page)  # the second request, too, during the outage
    warnings = outage_warnings(caplog)
    assert len(warnings) == 1, warnings  # logged once, not on every request
    assert f"127.0.0.1:{CLOSED_PORT}" in warnings[0]


@pytest.mark.parametrize("page", PAGES, ids=lambda page: page.name)
def test_pages_use_redis_go_on_without_it_and_use_it_again_when_it_is_back(switched_cache, visit, page, client):
    relay, redis = switched_cache
    _body, first_queries = visit(page)
    assert redis.keys(page.keys), f"{page.name} stored nothing in Redis"
    _body, second_queries = visit(page)
    if page.repeat_is_cheaper:
        assert second_queries < first_queries

    relay.cut()
    visit(page)
    visit(page)

    relay.restore()
    health = client.get("/healthz").json()
    assert health["cache"] == "ok", health  # the probe finds Redis again, and the cache uses it from now on
    redis.client.delete(*redis.keys())
    visit(page)
    assert redis.keys(page.keys), f"{page.name} did not use Redis again after it came back"


def test_a_redis_that_accepts_but_never_answers_is_given_up_within_the_socket_timeout(silent_cache, visit, caplog):
    visit(PAGES[0])
    assert "Timeout" in outage_warnings(caplog)[0]


def test_connecting_and_answering_are_bounded_well_under_a_second():
    options = project_caches("redis://127.0.0.1:6379/0", "any")["default"]["OPTIONS"]
    assert 0 < options["socket_connect_timeout"] < 0.5
    assert 0 < options["socket_timeout"] <= 0.5


def test_during_an_outage_redis_is_tried_again_less_and_less_often_then_used(
    switched_cache, visit, caplog, monkeypatch
):
    relay, redis = switched_cache
    page, first_wait = PAGES[0], shared_cache.RETRY_SECONDS
    now = shared_cache.clock()
    monkeypatch.setattr(shared_cache, "clock", lambda: now)
    relay.cut()
    visit(page)  # the outage begins
    now += first_wait
    visit(page)  # the first retry fails too: the wait doubles
    relay.restore()
    now += first_wait
    visit(page)
    assert redis.keys() == [], "Redis was tried again before the doubled wait was over"
    now += first_wait
    visit(page)
    assert redis.keys(page.keys), "Redis was not tried again after the doubled wait"
    assert "answers again" in outage_warnings(caplog)[-1]
