"""The client address of a request: the socket's, or the one the trusted proxies saw; and its setting."""

import os
import runpy
from unittest import mock

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.test import RequestFactory

from catalogue.infrastructure.clients import client_address
from tests.redis_caches import SETTINGS_FILE


def request_from(remote: str, forwarded: str | None = None):
    headers = {"X-Forwarded-For": forwarded} if forwarded is not None else {}
    return RequestFactory().get("/", REMOTE_ADDR=remote, headers=headers)


def test_by_default_the_socket_address_whatever_the_header_says(settings):
    settings.TRUSTED_PROXY_COUNT = 0
    assert client_address(request_from("203.0.113.9", "198.51.100.1")) == "203.0.113.9"


@pytest.mark.parametrize(
    ("trusted", "forwarded", "expected"),
    [
        (1, "198.51.100.1", "198.51.100.1"),
        (1, "192.0.2.66, 198.51.100.1", "198.51.100.1"),  # the left part is the client's own, forgeable
        (2, "192.0.2.66, 198.51.100.1, 10.0.0.4", "198.51.100.1"),
        (1, " 198.51.100.1 ", "198.51.100.1"),
    ],
)
def test_behind_trusted_proxies_the_address_the_outermost_one_saw(settings, trusted, forwarded, expected):
    settings.TRUSTED_PROXY_COUNT = trusted
    assert client_address(request_from("10.0.0.5", forwarded)) == expected


@pytest.mark.parametrize("forwarded", [None, "", "198.51.100.1"])
def test_a_chain_shorter_than_the_trusted_proxies_counts_as_the_socket_address(settings, forwarded):
    # The request did not pass every proxy, so the header is not the proxies' word.
    settings.TRUSTED_PROXY_COUNT = 2
    assert client_address(request_from("10.0.0.5", forwarded)) == "10.0.0.5"


def settings_with(**environment) -> dict:
    with mock.patch.dict(os.environ, environment):
        for name in ("TRUSTED_PROXY_COUNT", "API_NUM_PROXIES"):
            if name not in environment:
                os.environ.pop(name, None)
        return runpy.run_path(str(SETTINGS_FILE))


def test_the_setting_comes_from_the_environment_and_also_rules_drf():
    values = settings_with(TRUSTED_PROXY_COUNT="2")
    assert (values["TRUSTED_PROXY_COUNT"], values["REST_FRAMEWORK"]["NUM_PROXIES"]) == (2, 2)
    default = settings_with()
    assert (default["TRUSTED_PROXY_COUNT"], default["REST_FRAMEWORK"]["NUM_PROXIES"]) == (0, 0)


def test_the_older_name_api_num_proxies_is_still_read():
    assert settings_with(API_NUM_PROXIES="1")["TRUSTED_PROXY_COUNT"] == 1


@pytest.mark.parametrize("name", ["TRUSTED_PROXY_COUNT", "API_NUM_PROXIES"])
@pytest.mark.parametrize("value", ["one", "-1"])
def test_a_bad_count_names_the_variable(name, value):
    with pytest.raises(ImproperlyConfigured, match=f"^{name} should be a whole number of proxies .*{value!r}"):
        settings_with(**{name: value})
