"""The anonymous throttle: per client address, not dodged by forged headers, and still counting when Redis is down."""

import pytest
from rest_framework.throttling import AnonRateThrottle

from tests.redis_caches import down_cache, switched_cache

__all__ = ["down_cache", "switched_cache"]  # fixtures used by the tests below

RATE = 5
LIST = "/api/v1/passports/"


@pytest.fixture(autouse=True)
def strict_rate(monkeypatch):
    # The rate is read when the class is defined, so the test sets it on the class.
    monkeypatch.setattr(AnonRateThrottle, "rate", f"{RATE}/minute", raising=False)


def allowed_then_refused(count: int) -> list[int]:
    return [200] * RATE + [429] * (count - RATE)


def test_anonymous_clients_are_throttled_with_retry_after(clients):
    responses = [clients["anonymous"].get(LIST) for _ in range(RATE + 1)]
    assert [response.status_code for response in responses] == allowed_then_refused(RATE + 1)
    assert 0 < int(responses[-1]["Retry-After"]) <= 60


def test_signed_in_makers_are_not(clients):
    statuses = [clients["maker"].get("/api/v1/products/").status_code for _ in range(RATE + 2)]
    assert statuses == [200] * (RATE + 2)


def test_by_default_a_forged_x_forwarded_for_does_not_make_a_new_client(clients):
    anonymous = clients["anonymous"]
    statuses = [
        anonymous.get(LIST, headers={"X-Forwarded-For": f"198.51.{n // 256}.{n % 256}"}).status_code
        for n in range(1000)
    ]
    assert statuses == allowed_then_refused(1000)


def test_behind_one_trusted_proxy_the_right_most_address_is_the_client(clients, settings):
    settings.TRUSTED_PROXY_COUNT = 1
    anonymous = clients["anonymous"]

    def get(forged: str, seen_by_proxy: str) -> int:
        # The proxy (REMOTE_ADDR) appends the address it saw; what came before was sent by the client.
        forwarded = f"{forged}, {seen_by_proxy}"
        return anonymous.get(LIST, headers={"X-Forwarded-For": forwarded}, REMOTE_ADDR="10.0.0.5").status_code

    statuses = [get(f"192.0.2.{n}", "203.0.113.1") for n in range(RATE + 3)]
    assert statuses == allowed_then_refused(RATE + 3)
    assert get("192.0.2.99", "203.0.113.2") == 200  # another client behind the same proxy has its own allowance


def test_when_redis_is_down_each_process_counts_on_its_own(down_cache, clients):
    statuses = [clients["anonymous"].get(LIST).status_code for _ in range(RATE + 2)]
    assert statuses == allowed_then_refused(RATE + 2)


def test_counts_in_redis_and_in_process_memory_while_redis_is_down(switched_cache, clients):
    relay, redis = switched_cache
    anonymous = clients["anonymous"]
    assert [anonymous.get(LIST).status_code for _ in range(RATE + 1)] == allowed_then_refused(RATE + 1)
    assert redis.keys("throttle_anon_127.0.0.1"), "the throttle did not count in Redis"
    relay.cut()
    # The process has not counted this client yet: it gets the allowance of one process, and no more.
    assert [anonymous.get(LIST).status_code for _ in range(RATE + 1)] == allowed_then_refused(RATE + 1)
